package io.gevent4j.socket;

import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * Hub thread only. A cooperative listening socket: {@link #accept()} suspends only its greenlet.
 * Accepted sockets get the listener's {@link SocketOptions} ({@code TCP_NODELAY} on by default,
 * and the read and write timeouts); the listener itself takes those it supports
 * ({@code SO_REUSEADDR}, {@code SO_RCVBUF}) before binding, and waits in {@code accept} at most
 * its read timeout ({@link #setReadTimeout}).
 */
public final class ServerSocket extends Channel {
  private final ServerSocketChannel channel;
  private final SocketOptions accepted;

  private ServerSocket(Hub hub, ServerSocketChannel channel, SocketOptions accepted) throws IOException {
    super(hub, channel);
    this.channel = channel;
    this.accepted = accepted;
  }

  /** Listens on {@code address} (port 0 picks a free port) with the given backlog and {@link SocketOptions#defaults()}. */
  public static ServerSocket listen(InetSocketAddress address, int backlog) throws IOException {
    return listen(address, backlog, SocketOptions.defaults());
  }

  /** Listens on {@code address} with the given backlog; accepted sockets get {@code options}. */
  public static ServerSocket listen(InetSocketAddress address, int backlog, SocketOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    ServerSocketChannel channel = ServerSocketChannel.open();
    try {
      options.applyTo(channel);
      channel.bind(address, backlog);
      return new ServerSocket(Hub.current(), channel, options);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Accepts the next connection. */
  @Yielding
  public Socket accept() throws IOException {
    checkOpen();
    SocketChannel next = channel.accept();
    if (next != null) {
      return completed(wrap(next));
    }
    Waiter<Socket> waiter = new Waiter<>();
    park(waiter, SelectionKey.OP_ACCEPT, () -> {
      SocketChannel later = channel.accept();
      return later != null && waiter.resume(wrap(later));
    });
    return waiter.await();
  }

  private Socket wrap(SocketChannel connection) throws IOException {
    try {
      return Socket.adopt(connection, accepted);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** The local port. */
  public int port() {
    return channel.socket().getLocalPort();
  }
}
