package io.gevent4j.socket;

import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import io.gevent4j.internal.Timer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.List;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * Hub thread only. One {@link Socket#connect}: resolves the host off the hub, then tries each
 * address in turn, each within the connect timeout, and hands over the first socket that
 * connects (configured, and with TLS started if asked). A kill closes the socket being tried and
 * ignores a resolution still running.
 */
final class Connector {
  private final Hub hub = Hub.current();
  private final String host;
  private final int port;
  private final SocketOptions options;
  private final Tls tls;
  private final Waiter<Socket> waiter = new Waiter<>();
  private List<InetAddress> addresses;
  private int next;
  private IOException failure;
  private Socket trying;
  private Channel.Pending pending;
  private Timer resolving;

  Connector(String host, int port, SocketOptions options, Tls tls) {
    this.host = host;
    this.port = port;
    this.options = options;
    this.tls = tls;
  }

  /** The {@code @Yielding} connect: starts, then waits. */
  Socket connect() {
    waiter.onCancel(this::cancel);
    InetAddress literal = Resolution.literal(host);
    if (literal != null) {
      addresses = Collections.singletonList(literal);
      tryNext();
    } else {
      resolve();
    }
    return waiter.await();
  }

  private void resolve() {
    waiter.expectOtherThread();
    long timeout = options.connectTimeoutMillis();
    if (timeout > 0) {
      resolving = hub.schedule(timeout, () -> {
        resolving = null;
        waiter.fail(new SocketTimeoutException("resolving " + host + " timed out after " + timeout + " ms"));
      });
    }
    Resolution.named(host, options.resolverOrDefault().resolve(host))
        .whenComplete((found, error) -> hub.submit(() -> resolved(found, error)));
  }

  private void resolved(List<InetAddress> found, Throwable error) {
    if (waiter.isDone()) {
      return; // timed out or killed meanwhile
    }
    if (resolving != null) {
      resolving.cancel();
      resolving = null;
    }
    if (error != null) {
      waiter.fail(Resolution.unknown(host, error));
      return;
    }
    addresses = found;
    tryNext();
  }

  /** Connects to the next address, or fails with the last failure once none is left. */
  private void tryNext() {
    while (!waiter.isDone()) {
      if (next == addresses.size()) {
        waiter.fail(failure);
        return;
      }
      InetSocketAddress address = new InetSocketAddress(addresses.get(next++), port);
      try {
        if (start(address)) {
          return; // connected, or waiting to
        }
      } catch (IOException | RuntimeException e) {
        failed(address, e);
      }
    }
  }

  /** Starts connecting to {@code address}; true if it connected at once or waits for it. */
  private boolean start(InetSocketAddress address) throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      trying = new Socket(hub, channel, host);
      trying.configure(options);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (channel.connect(address)) {
      connected();
      return true;
    }
    Socket socket = trying;
    pending = socket.park(SelectionKey.OP_CONNECT, false, options.connectTimeoutMillis(), "connect to " + describe(address), new Channel.Operation() {
      @Override
      public boolean attempt() throws IOException {
        if (!channel.finishConnect()) {
          return false;
        }
        pending = null;
        connected();
        return true;
      }

      @Override
      public void failed(IOException error) {
        pending = null;
        Connector.this.failed(address, error);
        tryNext();
      }
    });
    return true;
  }

  private void connected() throws IOException {
    Socket socket = trying;
    trying = null;
    if (tls != null) {
      socket.startTls(tls);
    }
    waiter.resume(socket);
  }

  private void failed(InetSocketAddress address, Throwable error) {
    closeTrying();
    IOException named;
    if (error instanceof SocketTimeoutException) {
      named = (SocketTimeoutException) error;
    } else {
      named = new ConnectException("connect to " + describe(address) + " failed: " + error.getMessage());
      named.initCause(error);
    }
    if (failure != null) {
      named.addSuppressed(failure);
    }
    failure = named;
  }

  private String describe(InetSocketAddress address) {
    String ip = address.getAddress().getHostAddress();
    return (ip.equals(host) ? "" : host + "/") + ip + ":" + port;
  }

  private void cancel() {
    if (resolving != null) {
      resolving.cancel();
      resolving = null;
    }
    if (pending != null) {
      pending.finish();
      pending = null;
    }
    closeTrying();
  }

  private void closeTrying() {
    if (trying != null) {
      try {
        trying.close();
      } catch (IOException ignored) {
        // it failed already
      }
      trying = null;
    }
  }
}
