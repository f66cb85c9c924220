package io.gevent4j.socket;

import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Hub thread only. A cooperative TCP connection: {@link #connect}, {@link #read},
 * {@link #write} (always the whole buffer), {@link #readLine} and {@link #readExactly} suspend
 * only the calling greenlet. Buffered reading ({@code readLine}, {@code readExactly}) keeps at
 * most {@link #MAX_BUFFER} bytes; anything longer is an error, never unbounded memory.
 */
public final class Socket extends Channel {
  /** The most that line and exact reads buffer. */
  public static final int MAX_BUFFER = 1 << 20;

  private final SocketChannel channel;
  /** Bytes read ahead by line and exact reads, in read mode (flipped). */
  private ByteBuffer buffered = ByteBuffer.allocate(8192);

  Socket(Hub hub, SocketChannel channel) throws IOException {
    super(hub, channel);
    this.channel = channel;
    buffered.flip();
  }

  /** Connects to {@code host:port}; only the calling greenlet waits. */
  @Yielding
  public static Socket connect(String host, int port) throws IOException {
    return connect(new InetSocketAddress(host, port), 0);
  }

  /** Connects to {@code address} within {@code timeoutMillis} (0: no limit). */
  @Yielding
  public static Socket connect(SocketAddress address, long timeoutMillis) throws IOException {
    SocketChannel channel = SocketChannel.open();
    Socket socket;
    try {
      socket = new Socket(Hub.current(), channel);
      socket.setTimeout(timeoutMillis);
      if (channel.connect(address)) {
        return socket;
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    Waiter<Socket> waiter = new Waiter<>();
    socket.park(waiter, SelectionKey.OP_CONNECT, () -> channel.finishConnect() && waiter.resume(socket));
    return waiter.await();
  }

  /** Reads into {@code target}; returns the byte count, or -1 at end of stream. */
  @Yielding
  public int read(ByteBuffer target) throws IOException {
    if (buffered.hasRemaining()) {
      return drainBuffered(target);
    }
    int n = channel.read(target);
    if (n != 0 || !target.hasRemaining()) {
      return n;
    }
    Waiter<Integer> waiter = new Waiter<>();
    park(waiter, SelectionKey.OP_READ, () -> {
      int read = channel.read(target);
      return read != 0 && waiter.resume(read);
    });
    return waiter.awaitInt();
  }

  /** Writes all of {@code source}; suspends while the peer is slow to read. */
  @Yielding
  public void write(ByteBuffer source) throws IOException {
    channel.write(source);
    if (!source.hasRemaining()) {
      return;
    }
    Waiter<Void> waiter = new Waiter<>();
    park(waiter, SelectionKey.OP_WRITE, () -> {
      channel.write(source);
      return !source.hasRemaining() && waiter.resume(null);
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

  /** Closes the writing side: the peer reads end of stream; reading goes on. */
  public void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  /** The peer's address, or null once closed. */
  public SocketAddress remoteAddress() {
    try {
      return channel.getRemoteAddress();
    } catch (IOException e) {
      return null;
    }
  }



  @Override
  public String toString() {
    return "<Socket " + remoteAddress() + ">";
  }

  // ---------------------------------------------------------------- buffered reads

  /** Extracts a complete item from {@link #buffered}, or returns null if more bytes are needed. */
  private interface Extractor<T> {
    T extract() throws IOException;
  }

  /**
   * Returns what {@code extractor} finds, reading more (up to {@code capacity} buffered bytes)
   * while it needs more; at end of stream returns null if nothing was buffered, else fails.
   */
  private <T> T readBuffered(int capacity, Extractor<T> extractor) throws IOException {
    T found = extractor.extract();
    if (found != null) {
      return found;
    }
    ensureCapacity(capacity);
    Waiter<T> waiter = new Waiter<>();
    Attempt fill = () -> {
      while (true) {
        T item = extractor.extract();
        if (item != null) {
          return waiter.resume(item);
        }
        if (buffered.remaining() >= capacity) {
          throw new LimitExceededException("more than " + capacity + " bytes without a complete item");
        }
        buffered.compact();
        int n;
        try {
          n = channel.read(buffered);
        } finally {
          buffered.flip();
        }
        if (n < 0) {
          if (buffered.hasRemaining()) {
            throw new EOFException("stream ended inside an item (" + buffered.remaining() + " bytes)");
          }
          return waiter.resume(null);
        }
        if (n == 0) {
          return false;
        }
      }
    };
    if (fill.attempt()) {
      return waiter.await();
    }
    park(waiter, SelectionKey.OP_READ, fill);
    return waiter.await();
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
