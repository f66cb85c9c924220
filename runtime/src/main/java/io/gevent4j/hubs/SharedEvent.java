package io.gevent4j.hubs;

import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;

/**
 * Thread-safe. A flag that greenlets of any hub (and plain threads) wait for, set and cleared from
 * any hub or thread: {@code event.Event} across hubs. {@link #set()} wakes every waiter on its own
 * hub; one that starts waiting while it is set returns at once or is woken.
 */
public final class SharedEvent {
  private final RemoteWaiters<Boolean> waiters = new RemoteWaiters<>(this);
  private boolean flag;

  /** Any thread. Sets the flag and wakes every waiter. */
  public void set() {
    java.util.ArrayDeque<RemoteWaiters.Entry<Boolean>> woken;
    synchronized (this) {
      flag = true;
      woken = waiters.takeAll();
    }
    for (RemoteWaiters.Entry<Boolean> waiter : woken) {
      waiter.resume(Boolean.TRUE, null);
    }
  }

  /** Any thread. Clears the flag: later waits wait for the next {@link #set()}. */
  public synchronized void clear() {
    flag = false;
  }

  /** Any thread. Whether the flag is set. */
  public synchronized boolean isSet() {
    return flag;
  }

  /** Waits until the flag is set; returns true. */
  @Yielding
  public boolean await() {
    Waiter<Boolean> waiter;
    synchronized (this) {
      if (flag) {
        return true;
      }
      waiter = waiters.add();
    }
    return waiter.awaitBoolean();
  }

  /** Waits at most {@code timeoutMillis} for the flag; returns the flag (false on timeout). */
  @Yielding
  public boolean await(long timeoutMillis) {
    Waiter<Boolean> waiter;
    synchronized (this) {
      if (flag) {
        return true;
      }
      waiter = waiters.add();
    }
    waiter.expireAfter(timeoutMillis, Boolean.FALSE);
    return waiter.awaitBoolean();
  }
}
