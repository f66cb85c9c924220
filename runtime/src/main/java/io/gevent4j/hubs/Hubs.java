package io.gevent4j.hubs;

import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Thread-safe. A group of hubs, one thread each, named {@code gevent4j-hub-<n>} ({@code n} from
 * 0): thread-per-core, each greenlet staying on the hub it was spawned on, so code inside a
 * greenlet still needs no locks. Greenlets of different hubs talk through {@link SharedQueue},
 * {@link SharedEvent} and {@link SharedResult}; a {@code StreamServer} spreads its connections
 * over a group with {@code hubs(group)}.
 *
 * <pre>{@code
 * try (Hubs hubs = Hubs.start()) {            // one hub per core
 *   hubs.spawnOnEach(i -> WorkCoroutines.work(i)).forEach(CompletableFuture::join);
 * }
 * }</pre>
 *
 * <p>Nothing hub-local is shared: the round-robin index of {@link #spawn(Supplier)} is the only
 * counter, touched once per spawn from outside; a greenlet spawning on its own hub uses
 * {@code Gevent.spawn} and touches no shared state.
 */
public final class Hubs implements AutoCloseable {
  private final List<Hub> hubs;
  private final AtomicInteger next = new AtomicInteger();

  private Hubs(List<Hub> hubs) {
    this.hubs = Collections.unmodifiableList(hubs);
  }

  /** Starts one hub per available processor. */
  public static Hubs start() {
    return start(Runtime.getRuntime().availableProcessors());
  }

  /** Starts {@code count} hubs, threads {@code gevent4j-hub-0} to {@code gevent4j-hub-<count-1>}. */
  public static Hubs start(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a group needs at least one hub: " + count);
    }
    List<Hub> started = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      started.add(Hub.startThread("gevent4j-hub-" + i));
    }
    return new Hubs(started);
  }

  /** The number of hubs. */
  public int size() {
    return hubs.size();
  }

  /** The hub at {@code index}. */
  public Hub hub(int index) {
    return hubs.get(index);
  }

  /**
   * Sets every hub's {@link io.gevent4j.IdleStrategy}: {@code IdleStrategy.spin(micros)} makes
   * cross-hub hand-offs cheaper (an idle hub need not be woken) at the price of busy cores.
   */
  public void setIdleStrategy(io.gevent4j.IdleStrategy strategy) {
    for (Hub hub : hubs) {
      hub.setIdleStrategy(strategy);
    }
  }

  /** The index of {@code hub} in this group, or -1. */
  public int indexOf(Hub hub) {
    return hubs.indexOf(hub);
  }

  /** Spawns {@code factory}'s greenlet on the next hub, round-robin; the future gets its outcome. */
  public <T> CompletableFuture<T> spawn(Supplier<Greenlet<T>> factory) {
    return spawn(Math.floorMod(next.getAndIncrement(), hubs.size()), factory);
  }

  /** Spawns {@code factory}'s greenlet on the hub at {@code index}; the future gets its outcome. */
  public <T> CompletableFuture<T> spawn(int index, Supplier<Greenlet<T>> factory) {
    return hubs.get(index).spawnFromAnyThread(factory);
  }

  /** Spawns {@code factory.apply(i)} on each hub {@code i}; the futures, in hub order. */
  public <T> List<CompletableFuture<T>> spawnOnEach(IntFunction<Greenlet<T>> factory) {
    List<CompletableFuture<T>> futures = new ArrayList<>(hubs.size());
    for (int i = 0; i < hubs.size(); i++) {
      int index = i;
      futures.add(spawn(index, () -> factory.apply(index)));
    }
    return futures;
  }

  /**
   * Runs {@code task} on the hub at {@code index} (at once when called on that hub's thread) and
   * returns its result, waiting for it: for reading hub-thread-only state of a running hub, from
   * plain code (not from a greenlet, which would block its hub).
   */
  public <T> T call(int index, Callable<T> task) {
    Hub hub = hubs.get(index);
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable run = () -> {
      try {
        result.complete(task.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    };
    if (hub.thread() == Thread.currentThread()) {
      run.run();
    } else {
      hub.submit(run);
    }
    try {
      return result.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
  }

  /** {@link Hub#dump()} of every hub, in hub order; not from a hub thread of this group. */
  public String dump() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hubs.size(); i++) {
      out.append(call(i, hubs.get(i)::dump));
    }
    return out.toString();
  }

  /** Makes every hub finish its loop (greenlets still parked stay unfinished); returns at once. */
  public void stop() {
    for (Hub hub : hubs) {
      hub.stop();
    }
  }

  /** Waits until every hub's thread has ended (after {@link #stop()}). */
  public void join() throws InterruptedException {
    for (Hub hub : hubs) {
      hub.thread().join();
    }
  }

  /** {@link #stop()}, then {@link #join()}. */
  @Override
  public void close() {
    stop();
    try {
      join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "<Hubs size=" + hubs.size() + ">";
  }
}
