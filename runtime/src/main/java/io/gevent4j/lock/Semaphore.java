package io.gevent4j.lock;

import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import io.gevent4j.internal.WaitList;

/**
 * Hub thread only. A counting semaphore for greenlets (gevent's {@code Semaphore}), fair: a
 * release hands the permit straight to the first waiter, so waiters acquire in arrival order.
 */
public class Semaphore {
  private final int bound;
  private int permits;
  private final WaitList<Boolean> waiters = new WaitList<>();

  /** A semaphore with {@code permits} permits. */
  public Semaphore(int permits) {
    this(permits, Integer.MAX_VALUE);
  }

  Semaphore(int permits, int bound) {
    if (permits < 0) {
      throw new IllegalArgumentException("negative permits: " + permits);
    }
    this.permits = permits;
    this.bound = bound;
  }

  /** Takes a permit, waiting for one if none is free. */
  @Yielding
  public void acquire() {
    if (tryAcquire()) {
      return;
    }
    waiters.await();
  }

  /** Takes a permit, waiting at most {@code timeoutMillis}; returns whether it got one. */
  @Yielding
  public boolean acquire(long timeoutMillis) {
    if (tryAcquire()) {
      return true;
    }
    Waiter<Boolean> waiter = new Waiter<>();
    waiters.add(waiter);
    waiter.expireAfter(timeoutMillis, Boolean.FALSE);
    return waiter.awaitBoolean();
  }

  /** Takes a permit if one is free now, without waiting. */
  public boolean tryAcquire() {
    if (permits > 0 && waiters.isEmpty()) {
      permits--;
      return true;
    }
    return false;
  }

  /** Returns a permit: to the first waiter if there is one. */
  public void release() {
    if (waiters.resumeFirst(Boolean.TRUE)) {
      return;
    }
    if (permits >= bound) {
      throw new IllegalStateException("released more than acquired (" + bound + " permits)");
    }
    permits++;
  }

  /** Whether no permit is free. */
  public boolean locked() {
    return permits == 0;
  }

  /** The free permits. */
  public int availablePermits() {
    return permits;
  }
}
