package io.gevent4j.queue;

/** Thrown by a non-blocking or timed put into a full queue (Python's {@code queue.Full}). */
public class Full extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Full(String message) {
    super(message, null, false, false);
  }
}
