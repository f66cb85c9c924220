package io.gevent4j.socket;

import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import io.gevent4j.internal.Timer;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLHandshakeException;

/**
 * Hub thread only. A cooperative TCP connection, plain or TLS: {@link #connect},
 * {@link #read}, {@link #write} (always the whole buffer), {@link #readLine} and
 * {@link #readExactly} suspend only the calling greenlet. Buffered reading ({@code readLine},
 * {@code readExactly}) keeps at most {@link #MAX_BUFFER} bytes; anything longer is an error, never
 * unbounded memory.
 *
 * <p>Connecting resolves the host off the hub ({@link Resolver}), tries each address in turn, and
 * sets {@link SocketOptions} ({@code TCP_NODELAY} on by default); the connect timeout bounds
 * connecting only, reads and writes have timeouts of their own. {@link #connectTls} and
 * {@link #startTls} run TLS over the connection ({@link Tls}).
 *
 * <p>Fair I/O: an operation that completes without waiting spends the hub's
 * {@link Hub#ioBudget() I/O budget}; once it is used up (64 operations by default) the operation
 * yields to the other ready greenlets before returning, so one greenlet with always-ready data
 * cannot starve the others.
 */
public final class Socket extends Channel {
  /** The most that line and exact reads buffer. */
  public static final int MAX_BUFFER = 1 << 20;

  private final SocketChannel channel;
  /** The host name this socket was connected to, for TLS (SNI, host name verification); may be null. */
  private final String peerHost;
  private Transport transport;
  /** Fails a TLS handshake that takes too long; null once it finished or when there is no limit. */
  private Timer handshakeDeadline;
  /** Bytes read ahead by line and exact reads, in read mode (flipped). */
  private ByteBuffer buffered = ByteBuffer.allocate(8192);

  Socket(Hub hub, SocketChannel channel, String peerHost) throws IOException {
    super(hub, channel);
    this.channel = channel;
    this.peerHost = peerHost;
    this.transport = new PlainTransport(channel);
    buffered.flip();
  }

  /**
   * Hub thread only. A socket on the calling thread's hub over {@code channel}, a connected
   * channel (one {@link #detach detached} from another hub, say), set up with {@code options}.
   */
  public static Socket adopt(SocketChannel channel, SocketOptions options) throws IOException {
    Socket socket = new Socket(Hub.current(), channel, null);
    socket.configure(options);
    return socket;
  }

  /**
   * Hub thread only. Hands the connection to another hub: releases it from this socket and this
   * hub without closing it and returns its channel, for {@link #adopt} on the other hub's thread.
   * Later operations on this socket fail. Only for a plain socket that has buffered no input.
   */
  public SocketChannel detach() {
    if (!(transport instanceof PlainTransport) || buffered.hasRemaining()) {
      throw new IllegalStateException("only a plain socket with no buffered input can move to another hub: " + this);
    }
    forget(new IOException("socket handed over to another hub"));
    return channel;
  }

  /** Connects to {@code host:port} with {@link SocketOptions#defaults()}; only the calling greenlet waits. */
  @Yielding
  public static Socket connect(String host, int port) throws IOException {
    return connect(host, port, SocketOptions.defaults());
  }

  /**
   * Connects to {@code host:port}: resolves {@code host} with the options' resolver (an IP
   * literal is not looked up), then tries each address in turn until one accepts, each within the
   * connect timeout. An unknown host is an {@link java.net.UnknownHostException} naming it; when
   * every address fails, the last failure is thrown, naming the address, with the earlier ones
   * suppressed. The socket gets the options and the read and write timeouts.
   */
  @Yielding
  public static Socket connect(String host, int port, SocketOptions options) throws IOException {
    return new Connector(host, port, options, null).connect();
  }

  /** Connects to {@code address} within {@code connectTimeoutMillis} (0: no limit); reads and writes have no timeout. */
  @Yielding
  public static Socket connect(SocketAddress address, long connectTimeoutMillis) throws IOException {
    return connect(address, SocketOptions.defaults().connectTimeout(connectTimeoutMillis));
  }

  /** Connects to {@code address} (an unresolved one is resolved as a host name) with {@code options}. */
  @Yielding
  public static Socket connect(SocketAddress address, SocketOptions options) throws IOException {
    InetSocketAddress inet = (InetSocketAddress) address;
    return connect(inet.isUnresolved() ? inet.getHostString() : inet.getAddress().getHostAddress(), inet.getPort(), options);
  }

  /**
   * Connects as {@link #connect(String, int, SocketOptions)}, then runs TLS over the connection
   * as a client of {@code host} ({@link Tls#client}: the server's certificate is checked against
   * {@code host}, which is also sent as SNI). The handshake runs with the first read or write, or
   * {@link #handshake()}.
   */
  @Yielding
  public static Socket connectTls(String host, int port, Tls tls, SocketOptions options) throws IOException {
    return new Connector(host, port, options, tls).connect();
  }

  /**
   * Runs TLS over this connection from now on (STARTTLS, or a server's accepted socket), with the
   * host it was connected to as the TLS peer. Bytes already read ahead are taken as TLS records.
   * The handshake runs with the next read or write, or {@link #handshake()}; if it does not finish
   * within {@link Tls#handshakeTimeout}, the socket is closed and its operations fail with an
   * {@link SSLHandshakeException}.
   */
  public void startTls(Tls tls) throws IOException {
    checkOpen();
    if (transport instanceof TlsTransport) {
      throw new IllegalStateException("TLS already started on " + this);
    }
    int port = channel.socket().getPort();
    transport = new TlsTransport(channel, tls.newEngine(peerHost, port), buffered, this::handshakeFinished);
    buffered = ByteBuffer.allocate(8192);
    buffered.flip();
    long timeout = tls.handshakeTimeoutMillis();
    if (timeout > 0) {
      handshakeDeadline = hub.schedule(timeout, () -> {
        handshakeDeadline = null;
        abort(new SSLHandshakeException("TLS handshake with " + remoteAddress() + " not finished within " + timeout + " ms"));
      });
    }
  }

  private void handshakeFinished() {
    if (handshakeDeadline != null) {
      handshakeDeadline.cancel();
      handshakeDeadline = null;
    }
  }

  /** Whether TLS runs over this socket. */
  public boolean isTls() {
    return transport instanceof TlsTransport;
  }

  /**
   * Completes the TLS handshake now (it otherwise runs with the first read or write), so that a
   * bad certificate or protocol shows here; does nothing once it is done or without TLS.
   */
  @Yielding
  public void handshake() throws IOException {
    checkOpen();
    if (!(transport instanceof TlsTransport)) {
      completed(null);
      return;
    }
    TlsTransport tls = (TlsTransport) transport;
    if (tls.handshake()) {
      completed(null);
      return;
    }
    Waiter<Void> waiter = new Waiter<>();
    park(waiter, SelectionKey.OP_READ, () -> tls.handshake() && waiter.resume(null));
    waiter.await();
  }

  /** Reads into {@code target}; returns the byte count, or -1 at end of stream. */
  @Yielding
  public int read(ByteBuffer target) throws IOException {
    checkOpen();
    if (buffered.hasRemaining()) {
      return completedInt(drainBuffered(target));
    }
    int n = transport.read(target);
    if (n != 0 || !target.hasRemaining()) {
      return completedInt(n);
    }
    Waiter<Integer> waiter = new Waiter<>();
    park(waiter, SelectionKey.OP_READ, () -> {
      int read = transport.read(target);
      return read != 0 && waiter.resume(read);
    });
    return waiter.awaitInt();
  }

  /** Writes all of {@code source}; suspends while the peer is slow to read. */
  @Yielding
  public void write(ByteBuffer source) throws IOException {
    checkOpen();
    transport.write(source);
    if (!source.hasRemaining() && transport.flush()) {
      completed(null);
      return;
    }
    Waiter<Void> waiter = new Waiter<>();
    park(waiter, SelectionKey.OP_WRITE, () -> {
      transport.write(source);
      return !source.hasRemaining() && transport.flush() && waiter.resume(null);
    });
    waiter.await();
  }

  /** Writes {@code text} in UTF-8. */
  @Yielding
  public void write(String text) throws IOException {
    write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Reads a line ended by {@code \n} (a trailing {@code \r} is dropped), decoded as UTF-8; null
   * at end of stream. A line longer than {@code maxLength} bytes is an {@link IOException}.
   */
  @Yielding
  public String readLine(int maxLength) throws IOException {
    if (maxLength < 1 || maxLength > MAX_BUFFER) {
      throw new IllegalArgumentException("maxLength must be in 1.." + MAX_BUFFER + ": " + maxLength);
    }
    return readBuffered(Math.min(MAX_BUFFER, maxLength + 2), () -> line(maxLength));
  }

  /** Reads exactly {@code n} bytes; an {@link EOFException} if the stream ends first. */
  @Yielding
  public byte[] readExactly(int n) throws IOException {
    if (n < 0 || n > MAX_BUFFER) {
      throw new IllegalArgumentException("n must be in 0.." + MAX_BUFFER + ": " + n);
    }
    return readBuffered(n, () -> take(n));
  }

  /** Closes the writing side (after a TLS close_notify): the peer reads end of stream; reading goes on. */
  public void shutdownOutput() throws IOException {
    checkOpen();
    transport.shutdownOutput();
  }

  /** The peer's address, or null once closed. */
  public SocketAddress remoteAddress() {
    try {
      return channel.getRemoteAddress();
    } catch (IOException e) {
      return null;
    }
  }

  /** The local address, or null once closed. */
  public SocketAddress localAddress() {
    try {
      return channel.getLocalAddress();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  int interestAfterAttempt(int op) {
    return transport.interest(op);
  }

  @Override
  boolean directionsShareState() {
    return transport.directionsShareState();
  }

  @Override
  void beforeClose() {
    handshakeFinished();
    transport.closing();
  }

  @Override
  public String toString() {
    return "<Socket " + remoteAddress() + (isTls() ? " tls" : "") + ">";
  }

  // ---------------------------------------------------------------- buffered reads

  /** Extracts a complete item from {@link #buffered}, or returns null if more bytes are needed. */
  private interface Extractor<T> {
    T extract() throws IOException;
  }

  /** What {@link #fill} returns when the channel has nothing more for now. */
  private static final Object WOULD_BLOCK = new Object();
  /** What {@link #fill} returns at a clean end of stream. */
  private static final Object END = new Object();

  /**
   * Returns what {@code extractor} finds, reading more (up to {@code capacity} buffered bytes)
   * while it needs more; at end of stream returns null if nothing was buffered, else fails.
   */
  private <T> T readBuffered(int capacity, Extractor<T> extractor) throws IOException {
    checkOpen();
    T found = extractor.extract();
    if (found != null) {
      return completed(found);
    }
    ensureCapacity(capacity);
    Object now = fill(capacity, extractor);
    if (now != WOULD_BLOCK) {
      return completed(now == END ? null : cast(now));
    }
    Waiter<T> waiter = new Waiter<>();
    park(waiter, SelectionKey.OP_READ, () -> {
      Object item = fill(capacity, extractor);
      return item != WOULD_BLOCK && waiter.resume(item == END ? null : cast(item));
    });
    return waiter.await();
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object item) {
    return (T) item;
  }

  /** Reads until {@code extractor} finds an item: the item, {@link #END} or {@link #WOULD_BLOCK}. */
  private Object fill(int capacity, Extractor<?> extractor) throws IOException {
    while (true) {
      Object item = extractor.extract();
      if (item != null) {
        return item;
      }
      if (buffered.remaining() >= capacity) {
        throw new LimitExceededException("more than " + capacity + " bytes without a complete item");
      }
      buffered.compact();
      int n;
      try {
        n = transport.read(buffered);
      } finally {
        buffered.flip();
      }
      if (n < 0) {
        if (buffered.hasRemaining()) {
          throw new EOFException("stream ended inside an item (" + buffered.remaining() + " bytes)");
        }
        return END;
      }
      if (n == 0) {
        return WOULD_BLOCK;
      }
    }
  }

  private void ensureCapacity(int capacity) {
    if (buffered.capacity() < capacity) {
      ByteBuffer larger = ByteBuffer.allocate(Math.min(MAX_BUFFER, Math.max(capacity, buffered.capacity() * 2)));
      larger.put(buffered);
      larger.flip();
      buffered = larger;
    }
  }

  private String line(int maxLength) throws IOException {
    int start = buffered.position();
    for (int i = start; i < buffered.limit(); i++) {
      if (buffered.get(i) == '\n') {
        int end = i > start && buffered.get(i - 1) == '\r' ? i - 1 : i;
        if (end - start > maxLength) {
          throw new LimitExceededException("line longer than " + maxLength + " bytes");
        }
        byte[] bytes = new byte[end - start];
        buffered.get(bytes);
        buffered.position(i + 1);
        return new String(bytes, StandardCharsets.UTF_8);
      }
    }
    if (buffered.remaining() > maxLength + 1) {
      throw new LimitExceededException("line longer than " + maxLength + " bytes");
    }
    return null;
  }

  private byte[] take(int n) {
    if (buffered.remaining() < n) {
      return null;
    }
    byte[] bytes = new byte[n];
    buffered.get(bytes);
    return bytes;
  }

  private int drainBuffered(ByteBuffer target) {
    int n = Math.min(target.remaining(), buffered.remaining());
    ByteBuffer slice = buffered.duplicate();
    slice.limit(slice.position() + n);
    target.put(slice);
    buffered.position(buffered.position() + n);
    return n;
  }
}
