package io.gevent4j.queue;

/** Thrown by a non-blocking or timed get from an empty queue (Python's {@code queue.Empty}). */
public class Empty extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Empty(String message) {
    super(message, null, false, false);
  }
}
