package io.gevent4j.pool;

import io.gevent4j.Greenlet;
import io.gevent4j.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Hub thread only. Starts a function's greenlet for each input on a {@link Pool}, in input order,
 * each as a slot frees up, and reports each input's outcome by index: its dead greenlet, or the
 * exception the function threw instead of making one. What {@link MapJob} and {@link MapResults}
 * share.
 */
final class PoolFeed<A, R> {
  /** Receives the outcome of input {@code index}: a dead {@code Greenlet<R>} or a {@code Throwable}. */
  interface Outcomes {
    void finished(int index, Object outcome);
  }

  private final Pool pool;
  private final List<A> inputs;
  private final Function<? super A, ? extends Greenlet<R>> function;
  /** The wait the feed serves, or null: once it is done, nothing more starts; its cancellation drops the slot claim. */
  private final Waiter<?> owner;
  private final Outcomes outcomes;
  private int started;

  PoolFeed(Pool pool, List<A> inputs, Function<? super A, ? extends Greenlet<R>> function, Waiter<?> owner, Outcomes outcomes) {
    this.pool = pool;
    this.inputs = new ArrayList<>(inputs);
    this.function = function;
    this.owner = owner;
    this.outcomes = outcomes;
  }

  /** The number of inputs. */
  int size() {
    return inputs.size();
  }

  /** Starts as many greenlets as the pool has room for, and claims the next free slot for the rest. */
  void start() {
    while (started < inputs.size() && (owner == null || !owner.isDone())) {
      if (pool.isFull()) {
        pool.claim(owner, this::start);
        return;
      }
      int index = started++;
      Greenlet<R> greenlet;
      try {
        greenlet = pool.add(function.apply(inputs.get(index)));
      } catch (Throwable failure) { // the function threw: that input's outcome
        outcomes.finished(index, failure);
        continue;
      }
      greenlet.link(dead -> outcomes.finished(index, dead));
      greenlet.start();
    }
  }

  /** The exception of an outcome, or null if it succeeded. */
  static Throwable failureOf(Object outcome) {
    return outcome instanceof Throwable ? (Throwable) outcome : ((Greenlet<?>) outcome).exception();
  }

  /** The value of an outcome that succeeded. */
  @SuppressWarnings("unchecked")
  static <R> R valueOf(Object outcome) {
    return ((Greenlet<R>) outcome).value();
  }
}
