package io.gevent4j.monkey;

import io.gevent4j.annotations.Yielding;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cooperative {@link Future#get()} and {@link Future#get(long, TimeUnit)}: with monkey
 * patching on, the processor rewrites {@code future.get()} and {@code future.get(timeout, unit)}
 * inside {@code @Coroutine} bodies, on any {@code Future} (a {@code CompletableFuture}, a
 * {@code FutureTask}, what {@code ExecutorService.submit} returns), into these methods.
 *
 * <p>Only the calling greenlet waits; the hub stays alive while the future is pending. A
 * {@link CompletableFuture} is waited for without a thread; any other pending future is waited
 * for on a thread of the patching's own pool of daemon threads, interrupted if the greenlet is
 * killed. The result and the exceptions are the original's: the value, or
 * {@link ExecutionException} (cause as it is), {@link java.util.concurrent.CancellationException},
 * {@link TimeoutException}, {@link InterruptedException}.
 */
public final class PatchedFuture {
  private PatchedFuture() {}

  /** {@code future.get()}, suspending only the calling greenlet. */
  @Yielding
  public static <T> T get(Future<T> future) throws InterruptedException, ExecutionException {
    if (future instanceof CompletableFuture) {
      CompletableFuture<T> completable = (CompletableFuture<T>) future;
      return Blocking.afterCompletion(completable, completable::get, -1);
    }
    if (future.isDone()) {
      return future.get();
    }
    return Blocking.onPoolThread(future::get);
  }

  /**
   * {@code future.get(timeout, unit)}, suspending only the calling greenlet; throws
   * {@link TimeoutException} if the future is not done within the timeout (at once for a timeout
   * of zero or less).
   */
  @Yielding
  public static <T> T get(Future<T> future, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    long nanos = unit.toNanos(timeout);
    if (future instanceof CompletableFuture) {
      CompletableFuture<T> completable = (CompletableFuture<T>) future;
      return Blocking.afterCompletion(completable, completable::get, Math.max(0, nanos));
    }
    if (future.isDone() || nanos <= 0) {
      return future.get(timeout, unit);
    }
    return Blocking.onPoolThread(() -> future.get(timeout, unit));
  }
}
