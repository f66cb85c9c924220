package io.gevent4j.queue;

import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import io.gevent4j.internal.WaitList;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Hub thread only. A FIFO queue between greenlets (gevent's {@code Queue}), unbounded or bounded:
 * {@link #get()} waits while it is empty, {@link #put} while it is full. Waiting getters are
 * served in arrival order: a put with getters waiting stores the item and schedules a hand-off
 * that gives each waiting getter, in turn, the item that comes first in the storage order at that
 * moment (so {@code put(9); put(0)} hands a waiting getter of a {@link PriorityQueue} 0, as in
 * gevent). A get from a full queue lets the first waiting putter in. Subclasses change only the
 * storage order; a {@link Channel}, which stores nothing, hands each item straight over.
 *
 * <p>Items must not be {@code null}: every put throws {@link NullPointerException} for a null
 * item, before waiting (gevent allows {@code None}; Java's queues do not), so a get never returns
 * {@code null} and {@code null} is never a sentinel.
 *
 * @param <T> the items' type
 */
public class Queue<T> {
  private final java.util.Queue<T> items;
  private final int capacity;
  private final WaitList<T> getters = new WaitList<>();
  /** The waiting puts, each with its item. */
  private final WaitList<Void> putters = new WaitList<>();
  /** Whether {@link #handOff} is posted and has not run yet. */
  private boolean handOffPosted;

  /** An unbounded queue. */
  public Queue() {
    this(0);
  }

  /** A queue holding at most {@code maxsize} items; 0 or less means unbounded, as in gevent. */
  public Queue(int maxsize) {
    this(new ArrayDeque<>(), maxsize <= 0 ? Integer.MAX_VALUE : maxsize);
  }

  /** A queue over {@code items} (the storage order) holding at most {@code capacity} items. */
  Queue(java.util.Queue<T> items, int capacity) {
    this.items = items;
    this.capacity = capacity;
  }

  /** Puts {@code item}, waiting while the queue is full; {@link NullPointerException} for null. */
  @Yielding
  public void put(T item) {
    if (offer(item)) {
      return;
    }
    putters.await(item);
  }

  /** Puts {@code item}, waiting at most {@code timeoutMillis}, then throwing {@link Full}. */
  @Yielding
  public void put(T item, long timeoutMillis) {
    if (offer(item)) {
      return;
    }
    Waiter<Void> waiter = new Waiter<>();
    putters.add(waiter, item);
    waiter.failAfter(timeoutMillis, new Full("queue full after " + timeoutMillis + " ms"));
    waiter.await();
  }

  /** Puts {@code item} now or throws {@link Full}. */
  public void putNowait(T item) {
    if (!offer(item)) {
      throw new Full("queue full");
    }
  }

  /** Takes the next item, waiting while the queue is empty. */
  @Yielding
  public T get() {
    if (hasItem()) {
      return take();
    }
    return getters.await();
  }

  /** Takes the next item, waiting at most {@code timeoutMillis}, then throwing {@link Empty}. */
  @Yielding
  public T get(long timeoutMillis) {
    if (hasItem()) {
      return take();
    }
    Waiter<T> waiter = new Waiter<>();
    getters.add(waiter);
    waiter.failAfter(timeoutMillis, new Empty("queue empty after " + timeoutMillis + " ms"));
    return waiter.await();
  }

  /** Takes the next item now or throws {@link Empty}. */
  public T getNowait() {
    if (!hasItem()) {
      throw new Empty("queue empty");
    }
    return take();
  }

  /** The next item without taking it; {@link Empty} if there is none. */
  public T peek() {
    if (items.isEmpty()) {
      throw new Empty("queue empty");
    }
    return items.peek();
  }

  /** Items in the queue (not counting waiting putters). */
  public int size() {
    return items.size();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** Whether a put would wait. */
  public boolean isFull() {
    return items.size() >= capacity;
  }

  /** Called for each item accepted; {@link JoinableQueue} counts them. */
  void accepted() {
  }

  private boolean offer(T item) {
    Objects.requireNonNull(item, "item");
    if (items.size() < capacity) {
      accepted();
      items.add(item);
      if (!getters.isEmpty() && !handOffPosted) {
        handOffPosted = true;
        Hub.current().post(this::handOff);
      }
      return true;
    }
    if (!getters.isEmpty()) { // a rendezvous: nothing is stored
      accepted();
      getters.resumeFirst(item);
      return true;
    }
    return false;
  }

  /**
   * Gives the waiting getters, in arrival order, the items there are now (gevent's
   * {@code _unlock}); each getter runs at once, as gevent switches to it.
   */
  private void handOff() {
    handOffPosted = false;
    while (hasItem() && !getters.isEmpty()) {
      getters.switchToFirst(take());
    }
  }

  private boolean hasItem() {
    return !items.isEmpty() || !putters.isEmpty();
  }

  /** Takes an item (there is one) and lets waiting putters fill the room it made. */
  private T take() {
    T item;
    if (items.isEmpty()) {
      item = firstPut();
      accepted();
      putters.resumeFirst(null);
    } else {
      item = items.poll();
    }
    while (items.size() < capacity && !putters.isEmpty()) {
      accepted();
      items.add(firstPut());
      putters.resumeFirst(null);
    }
    return item;
  }

  /** The item of the first waiting put. */
  @SuppressWarnings("unchecked")
  private T firstPut() {
    return (T) putters.firstItem();
  }
}
