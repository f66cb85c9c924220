package io.gevent4j.hubs;

import io.gevent4j.Timeout;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Thread-safe. An unbounded FIFO channel between hubs: {@link #put} from any greenlet, hub
 * callback or plain thread; {@link #get} from a greenlet (only it waits, cooperatively, on its
 * own hub) or from plain code (its thread parks). An item put while a getter waits goes straight
 * to the first getter, woken on its own hub; if that getter's wait was abandoned meanwhile
 * (killed, timed out), the item goes back to the head of the queue: no item and no wake-up is
 * lost. Items are not null.
 *
 * @param <T> the items' type
 */
public final class SharedQueue<T> {
  private final ArrayDeque<T> items = new ArrayDeque<>();
  private final RemoteWaiters<T> getters = new RemoteWaiters<>(this);

  /** Any thread. Adds {@code item}, or hands it to the first waiting getter. Never blocks. */
  public void put(T item) {
    handOver(Objects.requireNonNull(item, "item"), false);
  }

  /** An item whose getter gave up: first in line again. */
  private void putBack(T item) {
    handOver(item, true);
  }

  /** Hands {@code item} to the first waiting getter, or queues it (at the head when {@code first}). */
  private void handOver(T item, boolean first) {
    RemoteWaiters.Entry<T> getter;
    synchronized (this) {
      getter = getters.poll();
      if (getter == null) {
        if (first) {
          items.addFirst(item);
        } else {
          items.add(item);
        }
        return;
      }
    }
    getter.resume(item, this::putBack);
  }

  /** Takes the first item, waiting for one. */
  @Yielding
  public T get() {
    Waiter<T> waiter;
    synchronized (this) {
      T item = items.poll();
      if (item != null) {
        return item;
      }
      waiter = getters.add();
    }
    return waiter.await();
  }

  /** {@link #get()} waiting at most {@code timeoutMillis}, then throwing a {@link Timeout}. */
  @Yielding
  public T get(long timeoutMillis) {
    Waiter<T> waiter;
    synchronized (this) {
      T item = items.poll();
      if (item != null) {
        return item;
      }
      waiter = getters.add();
    }
    waiter.failAfter(timeoutMillis, new Timeout(timeoutMillis));
    return waiter.await();
  }

  /** Any thread. Takes the first item, or returns null at once. */
  public synchronized T poll() {
    return items.poll();
  }

  /** Any thread. The number of items queued (not handed over yet). */
  public synchronized int size() {
    return items.size();
  }
}
