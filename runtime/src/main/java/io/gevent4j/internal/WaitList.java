package io.gevent4j.internal;

import io.gevent4j.Greenlet;
import io.gevent4j.Parking;
import io.gevent4j.Waiter;

/**
 * Hub thread only. The FIFO list of waiters of a primitive (gevent's {@code AbstractLinkable}):
 * waiters are served in arrival order, and one whose wait is abandoned (killed, timed out)
 * leaves the list. Each waiter may come with an item (a waiting put's).
 *
 * <p>An untimed wait of a greenlet ({@link #await}) costs no object: the parked greenlet itself is
 * the entry ({@link Parking}), and a kill takes it out ({@link #remove}). Timed waits and waits of
 * plain code are {@link Waiter}s in the same list, so the order of service stays FIFO across all.
 * The entries and their items are kept in one ring array, {@code (waiter, item)} pairs.
 *
 * @param <T> what the waiters wait for
 */
public final class WaitList<T> {
  private static final Object[] NONE = {};
  /** The ring: entry {@code i} is the waiter at {@code 2i} (a Greenlet or a Waiter) and its item at {@code 2i + 1}. */
  private Object[] ring = NONE;
  /** The index of the first pair (its waiter slot). */
  private int head;
  private int size;

  /**
   * Waits for the value the first {@link #resumeFirst} (or {@link #switchToFirst}) gives this
   * waiter, queued with {@code item} ({@link #firstItem}); the last action of a {@code @Yielding}
   * primitive, its result returned as it is (a placeholder when a greenlet parks, as
   * {@link Waiter#await()}).
   *
   * @throws io.gevent4j.UntransformedCallException from code the processor did not transform
   */
  public T await(Object item) {
    Greenlet<?> parked = Parking.parkRunning(this);
    if (parked != null) {
      append(parked, item);
      return null;
    }
    Waiter<T> waiter = new Waiter<>(); // plain code, or a call that was not transformed (it throws)
    add(waiter, item);
    return waiter.await();
  }

  /** {@link #await(Object)} without an item. */
  public T await() {
    return await(null);
  }

  /** Adds {@code waiter} at the end; it leaves the list if its wait is abandoned. */
  public void add(Waiter<T> waiter) {
    add(waiter, null);
  }

  /** Adds {@code waiter} at the end with {@code item}; it leaves the list if its wait is abandoned. */
  public void add(Waiter<T> waiter, Object item) {
    append(waiter, item);
    waiter.onCancel(() -> remove(waiter));
  }

  /** Whether no one waits. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** How many wait. */
  public int size() {
    return size;
  }

  /** The item the first waiter was queued with; the list must not be empty. */
  public Object firstItem() {
    return ring[head + 1];
  }

  /** Removes the first waiter and resumes it with {@code value}; false if the list is empty. */
  public boolean resumeFirst(T value) {
    return deliverFirst(value, null, false);
  }

  /**
   * {@link #resumeFirst}, as {@link Waiter#resumeBySwitch}: from a hub callback, the waiter runs at
   * once.
   */
  public boolean switchToFirst(T value) {
    return deliverFirst(value, null, true);
  }

  /** Resumes every waiter with {@code value}, in order. */
  public void resumeAll(T value) {
    while (deliverFirst(value, null, false)) {
      // next
    }
  }

  /** Fails every waiter with {@code failure}, in order. */
  public void failAll(Throwable failure) {
    while (deliverFirst(null, failure, false)) {
      // next
    }
  }

  /**
   * Takes {@code waiter} (a greenlet parked here, or a {@link Waiter}) out of the list, keeping
   * the others' order: its wait was abandoned. Does nothing if it is not in the list.
   */
  public void remove(Object waiter) {
    Object[] r = ring;
    int mask = r.length - 1;
    for (int i = 0; i < size; i++) {
      int at = (head + 2 * i) & mask;
      if (r[at] == waiter) {
        for (int j = i + 1; j < size; j++, at = (at + 2) & mask) { // shift the later pairs forward
          int next = (at + 2) & mask;
          r[at] = r[next];
          r[at + 1] = r[next + 1];
        }
        r[at] = null;
        r[at + 1] = null;
        size--;
        return;
      }
    }
  }

  /** Removes the first waiter and gives it {@code value}, or {@code failure} (never by a switch). */
  @SuppressWarnings("unchecked")
  private boolean deliverFirst(T value, Throwable failure, boolean bySwitch) {
    if (size == 0) {
      return false;
    }
    Object[] r = ring;
    Object first = r[head];
    r[head] = null;
    r[head + 1] = null;
    head = (head + 2) & (r.length - 1);
    size--;
    if (first instanceof Greenlet) {
      Parking.wake((Greenlet<?>) first, this, value, failure, bySwitch);
    } else if (failure != null) {
      ((Waiter<T>) first).fail(failure);
    } else if (bySwitch) {
      ((Waiter<T>) first).resumeBySwitch(value);
    } else {
      ((Waiter<T>) first).resume(value);
    }
    return true;
  }

  private void append(Object waiter, Object item) {
    Object[] r = ring;
    if (2 * size == r.length) {
      r = grow();
    }
    int at = (head + 2 * size) & (r.length - 1);
    r[at] = waiter;
    r[at + 1] = item;
    size++;
  }

  /** Doubles the ring (4 pairs at first), the pairs moved to the start in order. */
  private Object[] grow() {
    Object[] old = ring;
    Object[] r = new Object[Math.max(8, old.length * 2)];
    for (int i = 0; i < size; i++) {
      int from = (head + 2 * i) & (old.length - 1);
      r[2 * i] = old[from];
      r[2 * i + 1] = old[from + 1];
    }
    ring = r;
    head = 0;
    return r;
  }
}
