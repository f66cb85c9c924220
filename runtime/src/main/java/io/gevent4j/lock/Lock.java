package io.gevent4j.lock;

/** Hub thread only. A mutual-exclusion lock for greenlets: a {@link BoundedSemaphore} of one. */
public final class Lock extends BoundedSemaphore {
  /** An unlocked lock. */
  public Lock() {
    super(1);
  }
}
