package io.gevent4j.lock;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import java.util.ArrayDeque;

/**
 * Hub thread only. A re-entrant lock owned by a greenlet (gevent's {@code RLock}): the owner may
 * acquire it again; it is free once released as many times. Releasing it from another greenlet
 * is an {@link IllegalStateException}. Waiters get it in arrival order.
 */
public final class RLock {
  private Greenlet<?> owner;
  private int count;
  private final ArrayDeque<Claim> claims = new ArrayDeque<>();

  /** A greenlet waiting for the lock. */
  private static final class Claim {
    final Greenlet<?> greenlet;
    final Waiter<Boolean> waiter;

    Claim(Greenlet<?> greenlet, Waiter<Boolean> waiter) {
      this.greenlet = greenlet;
      this.waiter = waiter;
    }
  }

  /** Acquires the lock, waiting while another greenlet owns it. */
  @Yielding
  public void acquire() {
    Greenlet<?> current = Gevent.getCurrent();
    if (owner == null || owner == current) {
      owner = current;
      count++;
      return;
    }
    Waiter<Boolean> waiter = new Waiter<>();
    Claim claim = new Claim(current, waiter);
    claims.add(claim);
    waiter.onCancel(() -> claims.remove(claim));
    waiter.await();
  }

  /** Releases one hold; at the last one, hands the lock to the first waiter. */
  public void release() {
    if (owner != Gevent.getCurrent()) {
      throw new IllegalStateException("cannot release an RLock owned by " + owner);
    }
    if (--count > 0) {
      return;
    }
    Claim next = claims.poll();
    owner = next == null ? null : next.greenlet;
    if (next != null) {
      count = 1;
      next.waiter.resume(Boolean.TRUE);
    }
  }

  /** Whether some greenlet holds the lock. */
  public boolean locked() {
    return owner != null;
  }
}
