package io.gevent4j.pool;

import io.gevent4j.Greenlet;
import io.gevent4j.Waiter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One {@link Pool#map} call: spawns a greenlet per input as slots free up ({@link PoolFeed}),
 * collects the results in input order, fails at the first exception (killing nothing: the others
 * finish in the pool).
 */
final class MapJob<A, R> {
  private final Pool pool;
  private final List<A> inputs;
  private final Function<? super A, ? extends Greenlet<R>> function;
  private final Object[] byInput;
  private Waiter<List<R>> waiter;
  private int finished;

  MapJob(Pool pool, List<A> inputs, Function<? super A, ? extends Greenlet<R>> function) {
    this.pool = pool;
    this.inputs = inputs;
    this.function = function;
    this.byInput = new Object[inputs.size()];
  }

  /** Must be the tail call of a {@code @Yielding} method. */
  List<R> run() {
    waiter = new Waiter<>();
    if (byInput.length == 0) {
      waiter.resume(new ArrayList<>());
    } else {
      new PoolFeed<>(pool, inputs, function, waiter, this::finished).start();
    }
    return waiter.await();
  }

  @SuppressWarnings("unchecked")
  private void finished(int index, Object outcome) {
    if (waiter.isDone()) {
      return;
    }
    Throwable failure = PoolFeed.failureOf(outcome);
    if (failure != null) {
      waiter.fail(failure);
      return;
    }
    byInput[index] = PoolFeed.valueOf(outcome);
    if (++finished == byInput.length) {
      waiter.resume(new ArrayList<>((List<R>) Arrays.asList(byInput)));
    }
  }
}
