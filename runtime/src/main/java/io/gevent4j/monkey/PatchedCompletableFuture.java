package io.gevent4j.monkey;

import io.gevent4j.annotations.Yielding;
import java.util.concurrent.CompletableFuture;

/**
 * The cooperative {@link CompletableFuture#join()}: with monkey patching on, the processor
 * rewrites {@code future.join()} inside {@code @Coroutine} bodies into {@link #join}.
 * ({@code get} and {@code get(timeout, unit)} on a {@code CompletableFuture} are
 * {@link PatchedFuture}'s.)
 */
public final class PatchedCompletableFuture {
  private PatchedCompletableFuture() {}

  /**
   * {@code future.join()}, waiting without a thread and suspending only the calling greenlet:
   * its value, or its {@link java.util.concurrent.CompletionException} or
   * {@link java.util.concurrent.CancellationException}, as the original.
   */
  @Yielding
  public static <T> T join(CompletableFuture<T> future) {
    return Blocking.afterCompletion(future, future::join, -1);
  }
}
