package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.threadpool.Futures;
import io.gevent4j.threadpool.ThreadPool;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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

  // ---------------------------------------------------------------- ThreadPool(size, name), close

  @Test
  void aPoolOfItsOwnRunsWorkOnItsNamedDaemonThreads() {
    try (ThreadPool own = new ThreadPool(2, "own-pool")) {
      Thread worker = own.call(Thread::currentThread);
      assertNotSame(Thread.currentThread(), worker);
      assertTrue(worker.getName().matches("own-pool-[12]"), worker.getName());
      assertTrue(worker.isDaemon());
    }
    assertThrows(IllegalArgumentException.class, () -> new ThreadPool(0, "empty"));
    assertThrows(NullPointerException.class, () -> new ThreadPool(1, null));
  }

  @Test
  void closeLetsRunningWorkFinish() throws InterruptedException {
    ThreadPool own = new ThreadPool(1, "closing-pool");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Greenlet<String> running = TestFrames.calling(() -> own.call(() -> {
      started.countDown();
      return release.await(10, TimeUnit.SECONDS) ? "finished" : "not released";
    })).start();
    Gevent.sleep(0);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    own.close();
    release.countDown();
    assertEquals("finished", running.get());
  }

  @Test
  void aClosedPoolRefusesWorkWithAnException() {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    ThreadPool own = new ThreadPool(1, "closed-pool");
    own.close();
    thrown.set(onFreshHub(() -> own.call(() -> "late")));
    assertTrue(thrown.get() instanceof RejectedExecutionException, String.valueOf(thrown.get()));
  }

  @Test
  void aClosedPoolLeavesTheHubEmpty() {
    ThreadPool own = new ThreadPool(1, "closed-pool");
    own.close();
    boolean[] empty = new boolean[1];
    onFreshHub(() -> {
      try {
        own.call(() -> "late");
      } finally {
        empty[0] = Hub.current().isEmpty();
      }
      return null;
    });
    assertTrue(empty[0], "the refused call left its hub held open");
  }

  /**
   * Runs {@code body} on a new thread with its own virtual-clock hub, so that a hub left held open
   * cannot hang this test's hub; returns what it threw, or null.
   */
  private static Throwable onFreshHub(java.util.concurrent.Callable<?> body) {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      Hub.install(Clock.virtual());
      try {
        body.call();
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
    thread.start();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertFalse(thread.isAlive());
    return thrown.get();
  }
}
