package io.gevent4j.pool;

import io.gevent4j.Greenlet;
import io.gevent4j.Waiter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One {@link Pool#map} call: spawns a greenlet per input as slots free up, collects the results
 * in input order, fails at the first exception (killing nothing: the others finish in the pool).
 */
final class MapJob<A, R> {
  private final Pool pool;
  private final List<A> inputs;
  private final Function<? super A, ? extends Greenlet<R>> function;
  private final Object[] byInput;
  private Waiter<List<R>> waiter;
  private int started;
  private int finished;

  MapJob(Pool pool, List<A> inputs, Function<? super A, ? extends Greenlet<R>> function) {
    this.pool = pool;
    this.inputs = new ArrayList<>(inputs);
    this.function = function;
    this.byInput = new Object[inputs.size()];
  }

  /** Must be the tail call of a {@code @Yielding} method. */
  List<R> run() {
    waiter = new Waiter<>();
    if (inputs.isEmpty()) {
      waiter.resume(new ArrayList<>());
    } else {
      startNext();
    }
    return waiter.await();
  }

  private void startNext() {
    if (started == inputs.size() || waiter.isDone()) {
      return;
    }
    if (pool.isFull()) {
      pool.claim(waiter, this::startNext);
      return;
    }
    int index = started++;
    Greenlet<R> greenlet;
    try {
      greenlet = pool.add(function.apply(inputs.get(index)));
    } catch (Throwable failure) { // the function threw: the map fails with it
      waiter.fail(failure);
      return;
    }
    greenlet.link(dead -> finished(index, dead));
    greenlet.start();
    startNext();
  }

  @SuppressWarnings("unchecked")
  private void finished(int index, Greenlet<R> dead) {
    if (waiter.isDone()) {
      return;
    }
    if (dead.exception() != null) {
      waiter.fail(dead.exception());
      return;
    }
    byInput[index] = dead.value();
    if (++finished == inputs.size()) {
      waiter.resume(new ArrayList<>((List<R>) Arrays.asList(byInput)));
    } else {
      startNext();
    }
  }
}
