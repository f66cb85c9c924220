package io.gevent4j.socket;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Hub thread only. How a {@link Socket} moves its bytes, never waiting: straight through the
 * channel ({@link PlainTransport}) or through a TLS engine ({@link TlsTransport}).
 */
interface Transport {
  /** Reads into {@code target}: the byte count, 0 when it would have to wait, -1 at end of stream. */
  int read(ByteBuffer target) throws IOException;

  /** Takes what it can of {@code source} now; {@link #flush()} says whether all of it has been sent. */
  void write(ByteBuffer source) throws IOException;

  /** Sends what is buffered; true when nothing is left to send. */
  boolean flush() throws IOException;

  /**
   * After a read or write that could not finish: the readiness to wait for, given the
   * operation's own ({@code OP_READ} or {@code OP_WRITE}).
   */
  int interest(int op);

  /** Whether the reading and writing directions depend on each other (they share a TLS engine). */
  boolean directionsShareState();

  /** Ends the writing side (after a TLS close_notify, best effort). */
  void shutdownOutput() throws IOException;

  /** Before the channel closes: a TLS close_notify, best effort, never waiting. */
  void closing();
}
