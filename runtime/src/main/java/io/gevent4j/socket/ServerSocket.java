package io.gevent4j.socket;

import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** Hub thread only. A cooperative listening socket: {@link #accept()} suspends only its greenlet. */
public final class ServerSocket extends Channel {
  private final ServerSocketChannel channel;

  private ServerSocket(Hub hub, ServerSocketChannel channel) throws IOException {
    super(hub, channel);
    this.channel = channel;
  }

  /** Listens on {@code address} (port 0 picks a free port) with the given backlog. */
  public static ServerSocket listen(InetSocketAddress address, int backlog) throws IOException {
    ServerSocketChannel channel = ServerSocketChannel.open();
    try {
      channel.bind(address, backlog);
      return new ServerSocket(Hub.current(), channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Accepts the next connection. */
  @Yielding
  public Socket accept() throws IOException {
    SocketChannel accepted = channel.accept();
    if (accepted != null) {
      return new Socket(hub, accepted);
    }
    Waiter<Socket> waiter = new Waiter<>();
    park(waiter, SelectionKey.OP_ACCEPT, () -> {
      SocketChannel next = channel.accept();
      return next != null && waiter.resume(new Socket(hub, next));
    });
    return waiter.await();
  }

  /** The local port. */
  public int port() {
    return channel.socket().getLocalPort();
  }


}
