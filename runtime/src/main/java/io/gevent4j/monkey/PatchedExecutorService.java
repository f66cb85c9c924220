package io.gevent4j.monkey;

import io.gevent4j.annotations.Yielding;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cooperative {@link ExecutorService#invokeAll invokeAll}, {@link ExecutorService#invokeAny
 * invokeAny} and {@link ExecutorService#awaitTermination awaitTermination}: with monkey patching
 * on, the processor rewrites those calls inside {@code @Coroutine} bodies, on any
 * {@code ExecutorService}, into the methods of the same name here (the executor first).
 *
 * <p>The original runs on a thread of the patching's pool (the tasks on the executor's threads,
 * as always); only the calling greenlet is suspended and the hub stays alive meanwhile. Results
 * and exceptions are the original's. A greenlet killed while it waits interrupts the pool thread,
 * which cancels the tasks as the original does when interrupted.
 */
public final class PatchedExecutorService {
  private PatchedExecutorService() {}

  /** {@code executor.invokeAll(tasks)}. */
  @Yielding
  public static <T> List<Future<T>> invokeAll(ExecutorService executor, Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    return Blocking.onPoolThread(() -> executor.invokeAll(tasks));
  }

  /** {@code executor.invokeAll(tasks, timeout, unit)}: the tasks not done in time are cancelled. */
  @Yielding
  public static <T> List<Future<T>> invokeAll(ExecutorService executor, Collection<? extends Callable<T>> tasks,
      long timeout, TimeUnit unit) throws InterruptedException {
    return Blocking.onPoolThread(() -> executor.invokeAll(tasks, timeout, unit));
  }

  /** {@code executor.invokeAny(tasks)}: the result of one that succeeded. */
  @Yielding
  public static <T> T invokeAny(ExecutorService executor, Collection<? extends Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    return Blocking.onPoolThread(() -> executor.invokeAny(tasks));
  }

  /** {@code executor.invokeAny(tasks, timeout, unit)}. */
  @Yielding
  public static <T> T invokeAny(ExecutorService executor, Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return Blocking.onPoolThread(() -> executor.invokeAny(tasks, timeout, unit));
  }

  /**
   * {@code executor.awaitTermination(timeout, unit)}: true when the executor terminated, false
   * when the timeout elapsed first (the original answers at once for a terminated executor or a
   * timeout of zero or less).
   */
  @Yielding
  public static boolean awaitTermination(ExecutorService executor, long timeout, TimeUnit unit) throws InterruptedException {
    if (executor.isTerminated() || unit.toNanos(timeout) <= 0) {
      return executor.awaitTermination(timeout, unit);
    }
    return Blocking.onPoolThreadBoolean(() -> executor.awaitTermination(timeout, unit));
  }
}
