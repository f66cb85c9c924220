package io.gevent4j.event;

import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import io.gevent4j.internal.WaitList;

/**
 * Hub thread only. A flag that greenlets wait for (gevent's {@code Event}): {@link #set()} wakes
 * every waiter, in the order they came; {@link #clear()} resets it.
 *
 * <p>As in gevent, {@code set()} schedules one notification, a hub callback that wakes the waiters
 * in order, each running as it is woken (so a {@code clear()} before it runs still wakes them). A
 * wait on a set event returns at once only when no notification is pending: otherwise it queues
 * behind the earlier waiters and resumes right after them.
 */
public final class Event {
  private boolean flag;
  private final WaitList<Boolean> waiters = new WaitList<>();
  /** Whether the notification of {@link #set()} is posted and has not finished. */
  private boolean notifying;

  /** Sets the flag and schedules waking every waiter. */
  public void set() {
    flag = true;
    notifyIfWaited();
  }

  private void notifyIfWaited() {
    if (!notifying && !waiters.isEmpty()) {
      notifying = true;
      Hub.current().post(this::notifyWaiters);
    }
  }

  /**
   * Wakes the waiters there are when it starts, in order (gevent's {@code _notify_links}); those
   * that arrive meanwhile get the next notification, so a waiter looping on a set event cannot
   * starve the others.
   */
  private void notifyWaiters() {
    for (int count = waiters.size(); count > 0 && waiters.switchToFirst(Boolean.TRUE); count--) {
      // the next waiter
    }
    notifying = false;
    if (flag) {
      notifyIfWaited();
    }
  }

  /** Resets the flag. */
  public void clear() {
    flag = false;
  }

  /** Whether the flag is set. */
  public boolean isSet() {
    return flag;
  }

  /**
   * Waits until the flag is set (gevent's {@code wait()}); returns true. On a set event it returns
   * at once, unless earlier waiters are still being woken: then it resumes right after them.
   */
  @Yielding
  public boolean await() {
    if (flag && !notifying) {
      return true;
    }
    waiters.await();
    return true; // what plain code gets: a waiter is only ever woken with true
  }

  /**
   * Waits at most {@code timeoutMillis} for the flag; returns the flag. On a set event it behaves
   * as {@link #await()} (the timeout does not apply: the flag is already set).
   */
  @Yielding
  public boolean await(long timeoutMillis) {
    if (flag && !notifying) {
      return true;
    }
    Waiter<Boolean> waiter = new Waiter<>();
    waiters.add(waiter);
    if (!flag) {
      waiter.expireAfter(timeoutMillis, Boolean.FALSE);
    }
    return waiter.awaitBoolean();
  }
}
