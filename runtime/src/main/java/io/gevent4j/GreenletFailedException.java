package io.gevent4j;

/**
 * Thrown by {@link Greenlet#get()} when the greenlet failed with a checked exception, which is
 * this exception's cause. Unchecked exceptions are rethrown as they are.
 */
public class GreenletFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  GreenletFailedException(Greenlet<?> greenlet, Throwable cause) {
    super(greenlet + " failed with " + cause, cause);
  }
}
