package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.threadpool.Futures;
import io.gevent4j.threadpool.ThreadPool;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Blocking work on real threads suspends only its greenlet; CompletionStage interop both ways. */
class ThreadPoolAndFuturesTest extends HubTestSupport {
  private final ThreadPool pool = ThreadPool.defaultPool();

  @Test
  void plainCodeGetsTheResultOfBlockingWork() {
    assertEquals(42, (int) pool.call(() -> 42));
  }

  @Test
  void exceptionsPassThroughUnwrapped() {
    IOException failure = new IOException("disk");
    IOException thrown = assertThrows(IOException.class, () -> pool.call(() -> {
      throw failure;
    }));
    assertSame(failure, thrown);
  }

  @Test
  void otherGreenletsRunWhileAGreenletWaitsForBlockingWork() {
    CountDownLatch released = new CountDownLatch(1);
    Greenlet<Boolean> waiting = TestFrames.calling(() -> pool.call(() -> released.await(10, TimeUnit.SECONDS)));
    Greenlet<String> releaser = TestFrames.calling(() -> {
      released.countDown();
      return "released";
    });
    waiting.start();
    releaser.start();
    assertTrue(waiting.get(), "the pool thread was released by a greenlet that ran meanwhile");
    assertEquals("released", releaser.get());
  }

  @Test
  void awaitingACompletionStage() {
    CompletableFuture<String> future = new CompletableFuture<>();
    Thread completer = new Thread(() -> future.complete("done"));
    Greenlet<String> greenlet = TestFrames.calling(() -> Futures.await(future));
    greenlet.start();
    completer.start();
    assertEquals("done", greenlet.get());
  }

  @Test
  void awaitingAFailedStageThrowsItsCause() {
    CompletableFuture<String> future = new CompletableFuture<>();
    future.completeExceptionally(new IllegalStateException("nope"));
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Futures.await(future.thenApply(s -> s)));
    assertEquals("nope", thrown.getMessage());
  }

  @Test
  void aGreenletAsACompletableFuture() throws Exception {
    Greenlet<String> greenlet = TestFrames.returning("f", "value").start();
    CompletableFuture<String> future = Futures.toFuture(greenlet);
    greenlet.join();
    assertEquals("value", future.get(0, TimeUnit.SECONDS));
  }

  @Test
  void aFailedGreenletFailsItsFuture() {
    Greenlet<Object> greenlet = TestFrames.throwing(new IllegalArgumentException("bad")).start();
    CompletableFuture<Object> future = Futures.toFuture(greenlet);
    greenlet.join();
    ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(0, TimeUnit.SECONDS));
    assertTrue(thrown.getCause() instanceof IllegalArgumentException);
  }
}
