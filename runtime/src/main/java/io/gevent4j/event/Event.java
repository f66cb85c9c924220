package io.gevent4j.event;

import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import io.gevent4j.internal.WaitList;

/**
 * Hub thread only. A flag that greenlets wait for (gevent's {@code Event}): {@link #set()} wakes
 * every waiter, in the order they came; {@link #clear()} resets it.
 */
public final class Event {
  private boolean flag;
  private final WaitList<Boolean> waiters = new WaitList<>();

  /** Sets the flag and wakes every waiter. */
  public void set() {
    flag = true;
    waiters.resumeAll(Boolean.TRUE);
  }

  /** Resets the flag. */
  public void clear() {
    flag = false;
  }

  /** Whether the flag is set. */
  public boolean isSet() {
    return flag;
  }

  /** Waits until the flag is set (gevent's {@code wait()}); returns true. */
  @Yielding
  public boolean await() {
    if (flag) {
      return true;
    }
    Waiter<Boolean> waiter = new Waiter<>();
    waiters.add(waiter);
    return waiter.awaitBoolean();
  }

  /** Waits at most {@code timeoutMillis} for the flag; returns the flag. */
  @Yielding
  public boolean await(long timeoutMillis) {
    if (flag) {
      return true;
    }
    Waiter<Boolean> waiter = new Waiter<>();
    waiters.add(waiter);
    waiter.expireAfter(timeoutMillis, Boolean.FALSE);
    return waiter.awaitBoolean();
  }
}
