package io.gevent4j.monkey;

import static io.gevent4j.testing.Frames.calling;
import static io.gevent4j.testing.Frames.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.testing.VirtualHubTestSupport;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The replacements of monkey patching other than {@code Thread.sleep(long)} (see
 * {@link PatchedThreadTest}), called as generated code calls them; public API only, virtual time.
 * The processor's {@code MonkeyPatchTest} compares each with the original, in real time.
 */
class PatchedCallsTest extends VirtualHubTestSupport {
  private static <T> T quietly(java.util.concurrent.Callable<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw PatchedCallsTest.<RuntimeException>sneaky(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable failure) throws E {
    throw (E) failure;
  }

  @Test
  void sleepWithNanosRoundsUpAndChecksItsArguments() {
    Greenlet<?> sleeper = step("woke", () -> quietly(() -> { PatchedThread.sleep(10, 1); return null; })).start();
    sleeper.join();
    assertEquals(11, nowMillis());
    assertEquals("timeout value is negative",
        assertThrows(IllegalArgumentException.class, () -> PatchedThread.sleep(-1, 0)).getMessage());
    assertEquals("nanosecond timeout value out of range",
        assertThrows(IllegalArgumentException.class, () -> PatchedThread.sleep(0, 1_000_000)).getMessage());
  }

  @Test
  void yieldLetsTheOthersRunFirst() {
    Greenlet<?> yielder = step("yielder", PatchedThread::yield).start();
    Greenlet<?> other = step("other", () -> { }).start();
    Gevent.joinAll(yielder, other);
    assertEquals(Arrays.asList("other", "yielder"), log);
    assertEquals(0, nowMillis());
  }

  @Test
  void timeUnitSleepRoundsUpToAMillisecondAndIgnoresNonPositiveTimeouts() {
    calling(() -> quietly(() -> { PatchedTimeUnit.sleep(TimeUnit.MICROSECONDS, 2_500); return null; })).start().join();
    assertEquals(3, nowMillis());
    calling(() -> quietly(() -> { PatchedTimeUnit.sleep(TimeUnit.SECONDS, -1); return null; })).start().join();
    assertEquals(3, nowMillis());
    assertThrows(NullPointerException.class, () -> PatchedTimeUnit.sleep(null, 1));
  }

  @Test
  void futureGetWaitsForAnotherGreenletToComplete() {
    CompletableFuture<String> future = new CompletableFuture<>();
    Greenlet<String> waiting = calling(() -> quietly(() -> PatchedFuture.get(future))).start();
    Greenlet<Boolean> completing = steps(() -> { }, () -> {
      Gevent.sleep(5);
      return null;
    }, ignored -> future.complete("value")).start();
    Gevent.joinAll(waiting, completing);
    assertEquals("value", waiting.value());
    assertEquals(5, nowMillis());
  }

  @Test
  void futureGetOnAPendingFutureTaskWaitsOnAnotherThread() throws Exception {
    FutureTask<String> task = new FutureTask<>(() -> "ran");
    Greenlet<String> waiting = calling(() -> quietly(() -> PatchedFuture.get(task))).start();
    new Thread(task).start();
    waiting.join();
    assertEquals("ran", waiting.value());
    FutureTask<String> failing = new FutureTask<>(() -> {
      throw new IllegalStateException("boom");
    });
    failing.run();
    ExecutionException thrown = assertThrows(ExecutionException.class, () -> PatchedFuture.get(failing));
    assertInstanceOf(IllegalStateException.class, thrown.getCause());
  }

  @Test
  void timedGetTimesOutOnBothKindsOfFuture() {
    Greenlet<String> completable = calling(() -> quietly(() -> PatchedFuture.get(new CompletableFuture<String>(), 20, TimeUnit.MILLISECONDS))).start();
    completable.join();
    assertInstanceOf(TimeoutException.class, completable.exception());
    assertEquals(20, nowMillis());
    assertThrows(TimeoutException.class, () -> PatchedFuture.get(new CompletableFuture<String>(), 0, TimeUnit.SECONDS));
    assertThrows(TimeoutException.class, () -> PatchedFuture.get(new FutureTask<>(() -> "never"), -1, TimeUnit.SECONDS));
    assertThrows(NullPointerException.class, () -> PatchedFuture.get(CompletableFuture.completedFuture("x"), 1, null));
  }

  @Test
  void joinKeepsTheOriginalsExceptions() {
    CompletableFuture<String> failed = new CompletableFuture<>();
    IllegalStateException boom = new IllegalStateException("boom");
    failed.completeExceptionally(boom);
    CompletionException thrown = assertThrows(CompletionException.class, () -> PatchedCompletableFuture.join(failed));
    assertSame(boom, thrown.getCause());
    CompletableFuture<String> cancelled = new CompletableFuture<>();
    Greenlet<String> waiting = calling(() -> PatchedCompletableFuture.join(cancelled)).start();
    Greenlet<?> cancelling = step("cancelled", () -> cancelled.cancel(false)).start();
    Gevent.joinAll(waiting, cancelling);
    assertInstanceOf(CancellationException.class, waiting.exception());
    assertEquals("done", PatchedCompletableFuture.join(CompletableFuture.completedFuture("done")));
  }

  @Test
  void latchAwaitWaitsOnAnotherThreadUntilOpen() throws Exception {
    CountDownLatch latch = new CountDownLatch(1);
    Greenlet<Boolean> waiting = calling(() -> quietly(() -> PatchedCountDownLatch.await(latch, 10, TimeUnit.SECONDS))).start();
    Greenlet<?> plain = calling(() -> quietly(() -> { PatchedCountDownLatch.await(latch); return null; })).start();
    new Thread(latch::countDown).start();
    Gevent.joinAll(waiting, plain);
    assertTrue(waiting.value());
    assertTrue(plain.isDead() && plain.exception() == null);
    assertTrue(PatchedCountDownLatch.await(latch, 0, TimeUnit.SECONDS));
    assertFalse(PatchedCountDownLatch.await(new CountDownLatch(1), 0, TimeUnit.SECONDS));
    assertFalse(PatchedCountDownLatch.await(new CountDownLatch(1), 5, TimeUnit.MILLISECONDS));
  }
}
