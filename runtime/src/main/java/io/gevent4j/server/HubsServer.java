package io.gevent4j.server;

import io.gevent4j.hubs.Hubs;
import io.gevent4j.hubs.SharedEvent;
import io.gevent4j.socket.Socket;
import io.gevent4j.socket.SocketOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread-safe, except {@link #handOff}. A {@link StreamServer} spread over a {@link Hubs} group:
 * one per-hub server on each hub, made and touched on that hub only (allocated there too, so
 * nothing per-hub shares a cache line). On Linux with JDK 9+ each one listens on the port with
 * {@code SO_REUSEPORT} and the kernel spreads connections; otherwise (or when asked) an acceptor
 * on hub 0 hands each accepted connection to the next hub, round-robin.
 */
final class HubsServer {
  private final Hubs hubs;
  private final StreamServer[] servers;
  private final SharedEvent stopped = new SharedEvent();
  private StreamServer acceptor;
  private int port;
  /** The hub the acceptor hands its next connection to; the acceptor's hub only. */
  private int next;

  HubsServer(Hubs hubs) {
    this.hubs = hubs;
    this.servers = new StreamServer[hubs.size()];
  }

  /** Plain code (not a hub of the group). Binds and starts the per-hub servers like {@code template}. */
  void start(StreamServer template, InetSocketAddress address, SocketOptions options, boolean oneAcceptor) throws IOException {
    SocketOption<Boolean> reusePort = oneAcceptor ? null : reusePort();
    try {
      if (reusePort == null) {
        for (int i = 0; i < servers.length; i++) {
          servers[i] = onHub(i, () -> template.copy(address, options));
        }
        acceptor = onHub(0, () -> template.copy(address, options).handingOff(this::handOff).start());
        port = onHub(0, acceptor::port);
      } else {
        InetSocketAddress bound = address;
        for (int i = 0; i < servers.length; i++) {
          InetSocketAddress at = bound;
          servers[i] = onHub(i, () -> template.copy(at, options.with(reusePort, true)).start());
          if (i == 0) {
            port = onHub(0, servers[0]::port);
            bound = new InetSocketAddress(address.getAddress(), port);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Whether one listener per hub with {@code SO_REUSEPORT} is used. */
  boolean listensOnEveryHub() {
    return acceptor == null;
  }

  int port() {
    return port;
  }

  /** The acceptor's hub. Moves {@code socket} to the next hub, whose server adopts it. */
  void handOff(Socket socket) {
    int index = next;
    next = (index + 1) % servers.length;
    StreamServer target = servers[index];
    SocketChannel channel = socket.detach();
    hubs.hub(index).submit(() -> target.adopt(channel));
  }

  /** Stops accepting on every hub; {@link #awaitStopped()} returns. */
  void stop() {
    if (acceptor != null) {
      hubs.hub(0).submit(acceptor::stop);
    }
    for (int i = 0; i < servers.length; i++) {
      StreamServer server = servers[i];
      if (server != null) {
        hubs.hub(i).submit(server::stop);
      }
    }
    stopped.set();
  }

  /** Waits until {@link #stop()}. */
  @io.gevent4j.annotations.Yielding
  void awaitStopped() {
    stopped.await();
  }

  /** Stops, then kills the handlers on every hub and waits until they are all dead. */
  @io.gevent4j.annotations.Yielding
  void stopAndKill() {
    stop();
    SharedEvent dead = new SharedEvent();
    AtomicInteger left = new AtomicInteger(servers.length);
    for (int i = 0; i < servers.length; i++) {
      StreamServer server = servers[i];
      hubs.hub(i).submit(() -> server.killHandlers(() -> {
        if (left.decrementAndGet() == 0) {
          dead.set();
        }
      }));
    }
    dead.await();
  }

  /** Plain code. The connections each hub has served so far. */
  long[] servedPerHub() {
    long[] served = new long[servers.length];
    for (int i = 0; i < servers.length; i++) {
      served[i] = hubs.call(i, servers[i]::served);
    }
    return served;
  }

  /** Plain code. The handlers running now on all hubs. */
  int connections() {
    int total = 0;
    for (int i = 0; i < servers.length; i++) {
      total += hubs.call(i, servers[i]::connections);
    }
    return total;
  }

  private <T> T onHub(int index, Callable<T> task) throws IOException {
    try {
      return hubs.call(index, task);
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException) {
        throw (IOException) e.getCause();
      }
      throw e;
    }
  }

  /**
   * {@code StandardSocketOptions.SO_REUSEPORT} (JDK 9+, looked up by reflection: the runtime is
   * built for Java 8) where it balances connections over listeners, that is on Linux; else null.
   */
  static SocketOption<Boolean> reusePort() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return null;
    }
    try (ServerSocketChannel probe = ServerSocketChannel.open()) {
      @SuppressWarnings("unchecked")
      SocketOption<Boolean> option = (SocketOption<Boolean>) StandardSocketOptions.class.getField("SO_REUSEPORT").get(null);
      return probe.supportedOptions().contains(option) ? option : null;
    } catch (ReflectiveOperationException | IOException e) {
      return null;
    }
  }
}
