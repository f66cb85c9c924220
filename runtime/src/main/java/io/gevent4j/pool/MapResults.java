package io.gevent4j.pool;

import io.gevent4j.Greenlet;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Function;

/**
 * Hub thread only. The results of {@link Pool#imap} or {@link Pool#imapUnordered}, read one at a
 * time while the rest still run (gevent's {@code IMap} and {@code IMapUnordered}): greenlets are
 * started as the pool frees slots, and {@link #next()} waits for the next result, in input order
 * or in completion order, for one reader at a time. A greenlet that failed (or a {@code function}
 * that threw instead of making one) throws its exception from the {@code next()} that reaches it;
 * the others keep running and can still be read.
 *
 * <pre>{@code
 * MapResults<String> pages = pool.imapUnordered(urls, url -> FetchCoroutines.fetch(url));
 * while (pages.hasNext()) {
 *   handle(pages.next());   // @Yielding: suspends until the next page is fetched
 * }
 * }</pre>
 *
 * @param <R> the result type
 */
public final class MapResults<R> {
  private final int size;
  private final boolean inOrder;
  /**
   * In order: the outcome of each input not read yet, by index (a finished {@code Greenlet}, or the
   * {@code Throwable} of a function that threw); unordered: unused.
   */
  private final Object[] byInput;
  /** Unordered: the outcomes not read yet, in completion order. */
  private final ArrayDeque<Object> byCompletion = new ArrayDeque<>();
  private Waiter<R> reader;
  private int started;
  private int read;

  <A> MapResults(Pool pool, List<A> inputs, Function<? super A, ? extends Greenlet<R>> function, boolean inOrder) {
    this.size = inputs.size();
    this.inOrder = inOrder;
    this.byInput = inOrder ? new Object[size] : null;
    new PoolFeed<>(pool, inputs, function, null, this::finished).start();
  }

  /** Whether a result remains to be read (it may still be running). */
  public boolean hasNext() {
    return read < size;
  }

  /**
   * The next result: waits until it is done.
   *
   * @throws java.util.NoSuchElementException if every result has been read
   * @throws IllegalStateException if another greenlet already waits for the next result
   */
  @Yielding
  public R next() {
    if (!hasNext()) {
      throw new java.util.NoSuchElementException("all " + size + " results have been read");
    }
    if (reader != null) {
      throw new IllegalStateException("another greenlet already waits for the next result; read from one at a time");
    }
    Object done = nextDone();
    Waiter<R> waiter = new Waiter<>();
    if (done != null) {
      deliver(waiter, done);
    } else {
      reader = waiter;
      waiter.onCancel(() -> {
        if (reader == waiter) {
          reader = null;
        }
      });
    }
    return waiter.await();
  }

  /** The outcome to read next, taken, or null if it is still running. */
  private Object nextDone() {
    if (!inOrder) {
      return byCompletion.poll();
    }
    Object done = byInput[read];
    byInput[read] = null;
    return done;
  }

  private void deliver(Waiter<R> waiter, Object done) {
    read++;
    Throwable failure = PoolFeed.failureOf(done);
    if (failure != null) {
      waiter.fail(failure);
    } else {
      waiter.resume(PoolFeed.<R>valueOf(done));
    }
  }

  /** Records the outcome of input {@code index}, a dead greenlet or a failure, and wakes the reader it is for. */
  private void finished(int index, Object dead) {
    if (inOrder) {
      byInput[index] = dead;
    } else {
      byCompletion.add(dead);
    }
    Waiter<R> waiting = reader;
    if (waiting != null) {
      Object done = nextDone();
      if (done != null) {
        reader = null;
        deliver(waiting, done);
      }
    }
  }
}
