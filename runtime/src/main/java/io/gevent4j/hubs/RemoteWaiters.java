package io.gevent4j.hubs;

import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Guarded by the owner's lock. The FIFO wait list of a shared primitive: each entry is a
 * {@link Waiter} of a greenlet (or of plain code) on its own hub, woken through that hub's
 * thread-safe inbox. An entry is either taken by a waker or removed by its own abandoned wait
 * (kill, timeout), both under the lock, so a wake-up is never lost: a taken entry whose wait was
 * abandoned meanwhile gives its value back ({@link Entry#resume}'s {@code ifAbandoned}).
 */
final class RemoteWaiters<T> {
  private final Object lock;
  private final ArrayDeque<Entry<T>> entries = new ArrayDeque<>();

  RemoteWaiters(Object lock) {
    this.lock = lock;
  }

  /** Hub thread of the caller, holding the lock. Adds a waiter for the caller; await it next. */
  Waiter<T> add() {
    Entry<T> entry = new Entry<>();
    entries.add(entry);
    entry.waiter.expectOtherThread();
    entry.waiter.onCancel(() -> {
      synchronized (lock) {
        entries.remove(entry);
      }
    });
    return entry.waiter;
  }

  /** Holding the lock. Takes the first entry, or null. */
  Entry<T> poll() {
    return entries.poll();
  }

  /** Holding the lock. Takes every entry. */
  ArrayDeque<Entry<T>> takeAll() {
    ArrayDeque<Entry<T>> all = new ArrayDeque<>(entries);
    entries.clear();
    return all;
  }

  /** One waiter and its hub. Thread-safe once taken from the list. */
  static final class Entry<T> {
    private final Hub hub = Hub.current();
    final Waiter<T> waiter = new Waiter<>();

    /**
     * Any thread, without the lock. Delivers {@code value} on the waiter's hub; if its wait was
     * abandoned meanwhile, hands {@code value} to {@code ifAbandoned} there (null: drop it).
     */
    void resume(T value, Consumer<? super T> ifAbandoned) {
      run(() -> {
        if (!waiter.resumeBySwitch(value) && ifAbandoned != null) {
          ifAbandoned.accept(value);
        }
      });
    }

    /** Any thread, without the lock. Delivers {@code failure} on the waiter's hub. */
    void fail(Throwable failure) {
      run(() -> waiter.failBySwitch(failure));
    }

    private void run(Runnable task) {
      if (hub.thread() == Thread.currentThread()) {
        hub.post(task);
      } else {
        hub.submit(task);
      }
    }
  }
}
