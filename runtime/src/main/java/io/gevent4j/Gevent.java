package io.gevent4j;

import io.gevent4j.annotations.Yielding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * gevent's top-level functions, in Java's camelCase: {@code gevent.spawn} is {@link #spawn},
 * {@code gevent.joinall} is {@link #joinAll}, {@code gevent.sleep} is {@link #sleep}. Hub thread
 * only (the calling thread's hub).
 */
public final class Gevent {
  private Gevent() {}

  /** Starts {@code greenlet} (it runs when this thread next waits) and returns it. */
  public static <T> Greenlet<T> spawn(Greenlet<T> greenlet) {
    return greenlet.start();
  }

  /** Starts {@code greenlet} once {@code delayMillis} have passed, and returns it. */
  public static <T> Greenlet<T> spawnLater(long delayMillis, Greenlet<T> greenlet) {
    return greenlet.startLater(delayMillis);
  }

  /**
   * Suspends the caller for {@code millis} milliseconds while other greenlets run; {@code sleep(0)}
   * only yields, putting the caller behind every greenlet already ready.
   */
  @Yielding
  public static void sleep(long millis) {
    Hub hub = Hub.current();
    Greenlet<?> caller = hub.running;
    if (caller != null && caller.claimCooperative()) {
      if (millis <= 0) {
        caller.yieldTurn();
      } else {
        caller.sleepFor(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis));
      }
      return;
    }
    Waiter<Void> waiter = new Waiter<>();
    if (millis <= 0) {
      hub.post(() -> waiter.resumeBySwitch(null)); // plain code resumes at this place in the queue
    } else {
      waiter.onCancel(hub.schedule(millis, () -> waiter.resume(null))::cancel);
    }
    waiter.await();
  }

  /** The running greenlet, or the thread's main greenlet when called from plain code. */
  public static Greenlet<?> getCurrent() {
    Hub hub = Hub.current();
    return hub.running != null ? hub.running : hub.main.greenlet();
  }

  /** Starts the greenlets not yet started and waits until all are dead; returns them in completion order. */
  @Yielding
  public static List<Greenlet<?>> joinAll(Greenlet<?>... greenlets) {
    return joinAll(Arrays.asList(greenlets));
  }

  /** {@link #joinAll(Greenlet[])} for a collection. */
  @Yielding
  public static List<Greenlet<?>> joinAll(Collection<? extends Greenlet<?>> greenlets) {
    return joinAll(greenlets, -1, false, 0);
  }

  /** Waits at most {@code timeoutMillis}; returns the greenlets that finished, in completion order. */
  @Yielding
  public static List<Greenlet<?>> joinAll(long timeoutMillis, Greenlet<?>... greenlets) {
    return joinAll(Arrays.asList(greenlets), timeoutMillis, false, 0);
  }

  /**
   * gevent's {@code joinall(greenlets, timeout, raise_error, count)}: starts the greenlets not yet
   * started and waits until all (or {@code count}, when positive) are dead, or
   * {@code timeoutMillis} passed (negative: no limit); returns the dead ones in completion order.
   * With {@code raiseError}, the first failure is thrown at once (the others keep running), as
   * {@link Greenlet#get()} would throw it.
   */
  @Yielding
  public static List<Greenlet<?>> joinAll(Collection<? extends Greenlet<?>> greenlets, long timeoutMillis,
      boolean raiseError, int count) {
    int wanted = count > 0 ? Math.min(count, greenlets.size()) : greenlets.size();
    List<Greenlet<?>> finished = new ArrayList<>(greenlets.size());
    Waiter<List<Greenlet<?>>> waiter = new Waiter<>();
    Consumer<Greenlet<?>> link = g -> {
      if (waiter.isDone()) {
        return;
      }
      finished.add(g);
      if (raiseError && g.exception() != null) {
        waiter.failBySwitch(g.failureAsThrownByGet());
      } else if (finished.size() == wanted) {
        waiter.resumeBySwitch(finished);
      }
    };
    if (wanted == 0) {
      waiter.resume(finished);
    }
    for (Greenlet<?> greenlet : greenlets) {
      greenlet.start();
      linkAny(greenlet, link);
    }
    Runnable unlinkAll = () -> greenlets.forEach(g -> unlinkAny(g, link));
    waiter.onCancel(unlinkAll);
    if (timeoutMillis >= 0) {
      waiter.expireAfter(timeoutMillis, finished);
    }
    return waiter.await();
  }

  /**
   * Starts {@code greenlet} and returns its value if it finishes within {@code timeoutMillis};
   * otherwise kills it and throws a {@link Timeout} (gevent's {@code with_timeout}).
   */
  @Yielding
  public static <T> T withTimeout(long timeoutMillis, Greenlet<T> greenlet) {
    greenlet.start();
    Waiter<T> waiter = greenlet.resultWaiter(greenlet::killAsync);
    waiter.failAfter(timeoutMillis, new Timeout(timeoutMillis));
    return waiter.await();
  }

  /**
   * Runs the calling thread's hub until nothing is left to run: no greenlet, no timer, no pending
   * I/O (gevent's {@code gevent.wait()} without arguments). Plain code only.
   */
  public static void waitIdle() {
    Hub.current().runUntilIdle();
  }

  /** Kills every greenlet (those not yet started never run) and waits until all are dead. */
  @Yielding
  public static void killAll(Greenlet<?>... greenlets) {
    for (Greenlet<?> greenlet : greenlets) {
      greenlet.killAsync();
    }
    joinAll(greenlets);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void linkAny(Greenlet<?> greenlet, Consumer<Greenlet<?>> link) {
    ((Greenlet) greenlet).link(link);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void unlinkAny(Greenlet<?> greenlet, Consumer<Greenlet<?>> link) {
    ((Greenlet) greenlet).unlink(link);
  }
}
