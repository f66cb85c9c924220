package io.gevent4j.processor.diagnostic;

/** Stops processing the current method after an error was reported; never escapes the processor. */
public final class AbortCoroutineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AbortCoroutineException() {
    super(null, null, false, false);
  }
}
