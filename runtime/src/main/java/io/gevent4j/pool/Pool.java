package io.gevent4j.pool;

import io.gevent4j.Greenlet;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Function;

/**
 * Hub thread only. A {@link Group} of at most {@code size} running greenlets (gevent's
 * {@code Pool}): {@link #spawn} waits for a free slot; {@link #map}, {@link #imap} and
 * {@link #imapUnordered} run a function over inputs with at most {@code size} at once. Slots are granted in request order.
 */
public final class Pool extends Group {
  private final int capacity;
  /** Requests waiting for a slot, in order; each starts its greenlet when granted. */
  private final ArrayDeque<Runnable> claims = new ArrayDeque<>();

  /** A pool of at most {@code size} greenlets at once. */
  public Pool(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be positive: " + size);
    }
    this.capacity = size;
  }

  /** Free slots. */
  public int freeCount() {
    return Math.max(0, capacity - size());
  }

  /** Whether a spawn would wait. */
  public boolean isFull() {
    return freeCount() == 0;
  }

  /** Grants free slots to the waiting requests in order; one that throws does not keep the others waiting. */
  @Override
  void released() {
    Throwable first = null;
    while (!isFull() && !claims.isEmpty()) {
      try {
        claims.poll().run();
      } catch (Throwable failure) {
        if (first == null) {
          first = failure;
        } else {
          first.addSuppressed(failure);
        }
      }
    }
    if (first != null) {
      throw io.gevent4j.internal.Sneaky.<RuntimeException>rethrow(first);
    }
  }

  /** Waits until a slot is free (without taking it). */
  @Yielding
  public void waitAvailable() {
    if (!isFull()) {
      return;
    }
    Waiter<Void> waiter = new Waiter<>();
    claim(waiter, () -> waiter.resume(null));
    waiter.await();
  }

  /** Starts {@code greenlet} once a slot is free, and returns it (gevent's blocking {@code pool.spawn}). */
  @Override
  @Yielding
  public <T> Greenlet<T> spawn(Greenlet<T> greenlet) {
    if (!isFull() && claims.isEmpty()) {
      return add(greenlet).start();
    }
    Waiter<Greenlet<T>> waiter = new Waiter<>();
    claim(waiter, () -> waiter.resume(add(greenlet).start()));
    return waiter.await();
  }

  /** Queues {@code grant} for the next free slot; it leaves the queue if {@code waiter} gives up. */
  void claim(Waiter<?> waiter, Runnable grant) {
    claims.add(grant);
    if (waiter != null) {
      waiter.onCancel(() -> claims.remove(grant));
    }
  }

  /**
   * The results of {@code function} over {@code inputs}, in input order, once all are done; the
   * first exception (in completion order) is thrown at once, and the other greenlets finish in
   * the pool.
   */
  @Yielding
  public <A, R> List<R> map(List<A> inputs, Function<? super A, ? extends Greenlet<R>> function) {
    return new MapJob<>(this, inputs, function).run();
  }

  /**
   * The results of {@code function} over {@code inputs}, read one at a time in input order while
   * the later ones still run (gevent's {@code imap}).
   */
  public <A, R> MapResults<R> imap(List<A> inputs, Function<? super A, ? extends Greenlet<R>> function) {
    return new MapResults<>(this, inputs, function, true);
  }

  /**
   * The results of {@code function} over {@code inputs}, read one at a time as they finish
   * (gevent's {@code imap_unordered}).
   */
  public <A, R> MapResults<R> imapUnordered(List<A> inputs, Function<? super A, ? extends Greenlet<R>> function) {
    return new MapResults<>(this, inputs, function, false);
  }
}
