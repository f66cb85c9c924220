package io.gevent4j.threadpool;

import io.gevent4j.Greenlet;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@link CompletionStage} interop, both ways: a greenlet (or plain code) can wait for a stage,
 * and a greenlet can be seen as a {@link CompletableFuture}.
 */
public final class Futures {
  private Futures() {}

  /**
   * Hub thread only. Waits for {@code stage} and returns its value, or throws its exception (the
   * cause, unwrapped from {@link CompletionException}); only the calling greenlet waits.
   */
  @Yielding
  public static <T> T await(CompletionStage<T> stage) {
    Waiter<T> waiter = new Waiter<>();
    waiter.expectOtherThread();
    stage.whenComplete((value, failure) -> {
      if (failure == null) {
        waiter.resumeFromAnyThread(value);
      } else {
        waiter.failFromAnyThread(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
      }
    });
    return waiter.await();
  }

  /**
   * Hub thread only. A future completed, on the greenlet's hub thread, with the greenlet's value
   * or exception once it is dead (a killed greenlet completes it with null).
   */
  public static <T> CompletableFuture<T> toFuture(Greenlet<T> greenlet) {
    CompletableFuture<T> future = new CompletableFuture<>();
    greenlet.link(dead -> {
      if (dead.exception() == null) {
        future.complete(dead.value());
      } else {
        future.completeExceptionally(dead.exception());
      }
    });
    return future;
  }
}
