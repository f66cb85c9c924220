package io.gevent4j.socket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Hub thread only. A {@link Transport} through an {@link SSLEngine}: reads unwrap, writes wrap,
 * and either drives the handshake (and any later one the engine asks for) as far as the channel
 * allows without waiting. Its three buffers are sized from the session (a TLS record and its
 * plaintext): bounded. A peer that closes without close_notify is an {@link SSLException}
 * ({@link SSLHandshakeException} during the handshake); the engine's own failures (a bad
 * certificate, an alert, garbage) come out as the engine's {@link SSLException}s.
 */
final class TlsTransport implements Transport {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final SocketChannel channel;
  private final SSLEngine engine;
  private final Runnable onHandshakeFinished;
  /** Received, not yet unwrapped; in write mode. */
  private ByteBuffer netIn;
  /** Unwrapped, not yet read; in read mode. */
  private ByteBuffer appIn;
  /** Wrapped, not yet sent; in read mode. */
  private ByteBuffer netOut;
  private int wanted = SelectionKey.OP_READ;
  private boolean handshaken;
  private boolean peerClosed;

  /** TLS over {@code channel}; {@code readAhead} (read mode) holds bytes already received. */
  TlsTransport(SocketChannel channel, SSLEngine engine, ByteBuffer readAhead, Runnable onHandshakeFinished) throws SSLException {
    this.channel = channel;
    this.engine = engine;
    this.onHandshakeFinished = onHandshakeFinished;
    int packet = engine.getSession().getPacketBufferSize();
    netIn = ByteBuffer.allocate(Math.max(packet, readAhead.remaining()));
    netIn.put(readAhead);
    appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    appIn.flip();
    netOut = ByteBuffer.allocate(packet);
    netOut.flip();
    engine.beginHandshake();
  }

  @Override
  public int read(ByteBuffer target) throws IOException {
    while (true) {
      if (appIn.hasRemaining()) {
        return copy(appIn, target);
      }
      if (peerClosed) {
        return -1;
      }
      if (!flush()) {
        return 0;
      }
      HandshakeStatus status = engine.getHandshakeStatus();
      if (status == HandshakeStatus.NEED_TASK) {
        runTasks();
      } else if (status == HandshakeStatus.NEED_WRAP) {
        wrap(EMPTY);
      } else if (!unwrap()) {
        return 0;
      }
    }
  }

  @Override
  public void write(ByteBuffer source) throws IOException {
    while (flush()) {
      HandshakeStatus status = engine.getHandshakeStatus();
      if (status == HandshakeStatus.NEED_TASK) {
        runTasks();
      } else if (status == HandshakeStatus.NEED_UNWRAP) {
        if (peerClosed) {
          throw new SSLHandshakeException("peer closed the connection during the TLS handshake");
        }
        if (!unwrap()) {
          return;
        }
      } else if (status == HandshakeStatus.NEED_WRAP || source.hasRemaining()) {
        wrap(source);
      } else {
        return;
      }
    }
  }

  /** Drives the handshake; true once it has finished and everything is sent. */
  boolean handshake() throws IOException {
    write(EMPTY);
    return handshaken && flush();
  }

  @Override
  public boolean flush() throws IOException {
    while (netOut.hasRemaining()) {
      if (channel.write(netOut) == 0) {
        wanted = SelectionKey.OP_WRITE;
        return false;
      }
    }
    return true;
  }

  @Override
  public int interest(int op) {
    return wanted;
  }

  @Override
  public boolean directionsShareState() {
    return true;
  }

  @Override
  public void shutdownOutput() throws IOException {
    sayCloseNotify();
    if (flush()) {
      channel.shutdownOutput();
    }
  }

  @Override
  public void closing() {
    try {
      sayCloseNotify();
      flush();
    } catch (IOException | RuntimeException ignored) {
      // best effort: the connection closes anyway
    }
  }

  private void sayCloseNotify() throws IOException {
    engine.closeOutbound();
    while (!engine.isOutboundDone() && flush()) {
      SSLEngineResult result = wrapOnce(EMPTY);
      if (result.getStatus() == SSLEngineResult.Status.CLOSED && result.bytesProduced() == 0) {
        break;
      }
    }
  }

  /** One unwrap; false when it needs bytes the peer has not sent yet ({@link #wanted} says so). */
  private boolean unwrap() throws IOException {
    netIn.flip();
    appIn.compact();
    SSLEngineResult result;
    try {
      result = engine.unwrap(netIn, appIn);
    } finally {
      appIn.flip();
      netIn.compact();
    }
    noteHandshake(result);
    switch (result.getStatus()) {
      case CLOSED:
        peerClosed = true;
        return true;
      case BUFFER_OVERFLOW:
        appIn = enlarge(appIn, appIn.remaining() + engine.getSession().getApplicationBufferSize(), true);
        return true;
      case BUFFER_UNDERFLOW:
        return receive();
      default:
        return true;
    }
  }

  /** Reads more records; false if none came. */
  private boolean receive() throws IOException {
    int packet = engine.getSession().getPacketBufferSize();
    if (netIn.capacity() < packet) {
      netIn = enlarge(netIn, packet, false);
    }
    if (!netIn.hasRemaining()) {
      throw new SSLException("TLS record larger than " + netIn.capacity() + " bytes");
    }
    int n = channel.read(netIn);
    if (n < 0) {
      peerEnded();
      return true;
    }
    if (n == 0) {
      wanted = SelectionKey.OP_READ;
      return false;
    }
    return true;
  }

  private void peerEnded() throws SSLException {
    peerClosed = true;
    try {
      engine.closeInbound();
    } catch (SSLException e) {
      SSLException clear = handshaken
          ? new SSLException("peer closed the connection without a TLS close_notify (the data may be truncated)", e)
          : new SSLHandshakeException("peer closed the connection during the TLS handshake");
      if (clear.getCause() == null) {
        clear.initCause(e);
      }
      throw clear;
    }
  }

  private void wrap(ByteBuffer source) throws IOException {
    SSLEngineResult result = wrapOnce(source);
    if (result.getStatus() == SSLEngineResult.Status.CLOSED && source.hasRemaining()) {
      throw new SSLException("TLS output is closed");
    }
  }

  private SSLEngineResult wrapOnce(ByteBuffer source) throws IOException {
    netOut.compact();
    SSLEngineResult result;
    try {
      result = engine.wrap(source, netOut);
    } finally {
      netOut.flip();
    }
    noteHandshake(result);
    if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
      netOut = enlarge(netOut, netOut.remaining() + engine.getSession().getPacketBufferSize(), true);
    }
    return result;
  }

  private void noteHandshake(SSLEngineResult result) {
    if (result.getHandshakeStatus() == HandshakeStatus.FINISHED && !handshaken) {
      handshaken = true;
      onHandshakeFinished.run();
    }
  }

  private void runTasks() {
    for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
      task.run();
    }
  }

  /** A buffer of {@code capacity} with {@code buffer}'s content, in the same mode. */
  private static ByteBuffer enlarge(ByteBuffer buffer, int capacity, boolean readMode) {
    ByteBuffer larger = ByteBuffer.allocate(capacity);
    if (!readMode) {
      buffer.flip();
    }
    larger.put(buffer);
    if (readMode) {
      larger.flip();
    }
    return larger;
  }

  private static int copy(ByteBuffer from, ByteBuffer to) {
    int n = Math.min(from.remaining(), to.remaining());
    ByteBuffer slice = from.duplicate();
    slice.limit(slice.position() + n);
    to.put(slice);
    from.position(from.position() + n);
    return n;
  }
}
