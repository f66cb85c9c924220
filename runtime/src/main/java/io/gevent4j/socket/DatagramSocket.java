package io.gevent4j.socket;

import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Objects;

/**
 * Hub thread only. A cooperative UDP socket: {@link #send} and {@link #receive} suspend only the
 * calling greenlet, receiving waits at most the read timeout ({@link #setReadTimeout}). After
 * {@link #connect}, it exchanges datagrams with that peer only ({@link #send(ByteBuffer)}, and
 * {@link #receive} sees no one else). A datagram larger than the space left in the receiving
 * buffer is never silently cut: it is dropped and {@link #receive} throws a
 * {@link LimitExceededException} naming both sizes; the socket stays usable.
 */
public final class DatagramSocket extends Channel {
  /** The largest UDP payload (over IPv4). */
  public static final int MAX_DATAGRAM = 65_507;

  private final DatagramChannel channel;
  /** Where datagrams land first, so that one too large for the caller's buffer is detected. */
  private final ByteBuffer landing = ByteBuffer.allocate(MAX_DATAGRAM + 1);

  private DatagramSocket(Hub hub, DatagramChannel channel) throws IOException {
    super(hub, channel);
    this.channel = channel;
  }

  /** A socket bound to {@code address} (port 0 picks a free port). */
  public static DatagramSocket bind(InetSocketAddress address) throws IOException {
    return bind(address, SocketOptions.defaults());
  }

  /** A socket bound to {@code address}, with the options (and timeouts) of {@code options} it supports. */
  public static DatagramSocket bind(InetSocketAddress address, SocketOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    DatagramChannel channel = DatagramChannel.open();
    try {
      options.applyTo(channel);
      channel.bind(address);
      DatagramSocket socket = new DatagramSocket(Hub.current(), channel);
      socket.setReadTimeout(options.readTimeoutMillis());
      socket.setWriteTimeout(options.writeTimeoutMillis());
      return socket;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Connected mode: from now on only {@code peer} (a resolved address) is sent to and received
   * from. Returns this.
   */
  public DatagramSocket connect(InetSocketAddress peer) throws IOException {
    checkOpen();
    if (peer.isUnresolved()) {
      throw new IllegalArgumentException("resolve " + peer.getHostString() + " first (Resolver.lookup)");
    }
    channel.connect(peer);
    return this;
  }

  /** Sends {@code datagram} (all its remaining bytes, as one datagram) to {@code target}. */
  @Yielding
  public void send(ByteBuffer datagram, SocketAddress target) throws IOException {
    checkOpen();
    Objects.requireNonNull(target, "target");
    if (channel.send(datagram, target) > 0 || !datagram.hasRemaining()) {
      completed(null);
      return;
    }
    Waiter<Void> waiter = new Waiter<>();
    park(waiter, SelectionKey.OP_WRITE, () -> channel.send(datagram, target) > 0 && waiter.resume(null));
    waiter.await();
  }

  /** Sends {@code datagram} to the connected peer. */
  @Yielding
  public void send(ByteBuffer datagram) throws IOException {
    checkOpen();
    if (!channel.isConnected()) {
      throw new IllegalStateException("not connected: give send a target, or connect first");
    }
    if (channel.write(datagram) > 0 || !datagram.hasRemaining()) {
      completed(null);
      return;
    }
    Waiter<Void> waiter = new Waiter<>();
    park(waiter, SelectionKey.OP_WRITE, () -> channel.write(datagram) > 0 && waiter.resume(null));
    waiter.await();
  }

  /**
   * Receives one datagram into {@code target} and returns its sender. One larger than
   * {@code target}'s remaining space is dropped with a {@link LimitExceededException}.
   */
  @Yielding
  public SocketAddress receive(ByteBuffer target) throws IOException {
    checkOpen();
    SocketAddress sender = receiveNow(target);
    if (sender != null) {
      return completed(sender);
    }
    Waiter<SocketAddress> waiter = new Waiter<>();
    park(waiter, SelectionKey.OP_READ, () -> {
      SocketAddress from = receiveNow(target);
      return from != null && waiter.resume(from);
    });
    return waiter.await();
  }

  private SocketAddress receiveNow(ByteBuffer target) throws IOException {
    landing.clear();
    SocketAddress sender = channel.receive(landing);
    if (sender == null) {
      return null;
    }
    landing.flip();
    if (landing.remaining() > target.remaining()) {
      throw new LimitExceededException("datagram of " + (landing.remaining() > MAX_DATAGRAM ? "more than " + MAX_DATAGRAM : landing.remaining())
          + " bytes from " + sender + " does not fit the buffer's " + target.remaining() + " bytes; dropped");
    }
    target.put(landing);
    return sender;
  }

  /** The local address, or null once closed. */
  public InetSocketAddress localAddress() {
    try {
      return (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException e) {
      return null;
    }
  }

  /** The connected peer, or null. */
  public SocketAddress remoteAddress() {
    try {
      return channel.getRemoteAddress();
    } catch (IOException e) {
      return null;
    }
  }

  /** The local port. */
  public int port() {
    return channel.socket().getLocalPort();
  }

  @Override
  public String toString() {
    return "<DatagramSocket " + localAddress() + (channel.isConnected() ? " -> " + remoteAddress() : "") + ">";
  }
}
