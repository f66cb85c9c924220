package io.gevent4j.lock;

/**
 * Hub thread only. A {@link Semaphore} that refuses to be released more often than acquired
 * (gevent's {@code BoundedSemaphore}, whose {@code ValueError} is an {@link IllegalStateException}).
 */
public class BoundedSemaphore extends Semaphore {
  /** A semaphore never holding more than {@code permits} permits. */
  public BoundedSemaphore(int permits) {
    super(permits, permits);
  }
}
