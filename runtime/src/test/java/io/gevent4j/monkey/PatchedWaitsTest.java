package io.gevent4j.monkey;

import static io.gevent4j.testing.Frames.calling;
import static io.gevent4j.testing.Frames.steps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.testing.VirtualHubTestSupport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The replacements that wait for another thread ({@link PatchedThread#join}, {@link PatchedSemaphore},
 * {@link PatchedBlockingQueue}, {@link PatchedExecutorService}, {@link PatchedInetAddress}), called
 * as generated code calls them; public API only. The processor's {@code MonkeyPatchTest} compares
 * each with the original, in real time.
 */
class PatchedWaitsTest extends VirtualHubTestSupport {
  private static <T> T quietly(Callable<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw PatchedWaitsTest.<RuntimeException>sneaky(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable failure) throws E {
    throw (E) failure;
  }

  /** Waits, in real time, until {@code condition} holds (for what a pool thread does after a test's greenlets are done). */
  private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition never held");
      Thread.sleep(1);
    }
  }

  private static Thread waitingFor(CountDownLatch latch) {
    Thread thread = new Thread(() -> {
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Test
  void joinWaitsForTheThreadWhileOthersRun() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Thread thread = waitingFor(release);
    Greenlet<Boolean> joining = steps(() -> { }, () -> quietly(() -> { PatchedThread.join(thread); return null; }), ignored -> thread.isAlive()).start();
    Greenlet<Object> other = step("other", () -> Gevent.sleep(5)).start();
    Greenlet<Object> opener = step("opened", () -> { Gevent.sleep(10); release.countDown(); }).start();
    Gevent.joinAll(joining, other, opener);
    assertEquals(false, joining.value());
    assertEquals(Arrays.asList("other", "opened"), log);
  }

  @Test
  void joinOverloadsKeepTheirArgumentChecksAndTimeouts() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Thread thread = waitingFor(never);
    Greenlet<Boolean> timed = steps(() -> { }, () -> quietly(() -> { PatchedThread.join(thread, 20); return null; }), ignored -> thread.isAlive()).start();
    Greenlet<Boolean> timedNanos = steps(() -> { }, () -> quietly(() -> { PatchedThread.join(thread, 5, 500); return null; }), ignored -> thread.isAlive()).start();
    Greenlet<Boolean> duration = calling(() -> quietly(() -> PatchedThread.join(thread, Duration.ofMillis(5)))).start();
    Gevent.joinAll(timed, timedNanos, duration);
    assertEquals(true, timed.value());
    assertEquals(true, timedNanos.value());
    assertEquals(false, duration.value());
    assertFalse(PatchedThread.join(thread, Duration.ZERO));
    assertEquals("timeout value is negative", assertThrows(IllegalArgumentException.class, () -> PatchedThread.join(thread, -1)).getMessage());
    assertEquals("nanosecond timeout value out of range",
        assertThrows(IllegalArgumentException.class, () -> PatchedThread.join(thread, 0, 1_000_000)).getMessage());
    assertThrows(IllegalThreadStateException.class, () -> PatchedThread.join(new Thread(() -> { }), Duration.ofSeconds(1)));
    never.countDown();
    thread.join();
    PatchedThread.join(thread);
    PatchedThread.join(new Thread(() -> { }));
    assertTrue(PatchedThread.join(thread, Duration.ofSeconds(-1)));
  }

  @Test
  void waitsMovedToAPoolThreadStillSeeTheCallersInterrupt() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Thread thread = waitingFor(never);
    BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
    queue.add("there");
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> PatchedThread.join(thread));
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> PatchedBlockingQueue.take(queue));
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> PatchedBlockingQueue.offer(queue, "more", 1, TimeUnit.SECONDS));
    assertFalse(Thread.interrupted(), "the flag is cleared, as by the originals");
    assertEquals(Arrays.asList("there"), Arrays.asList(queue.toArray()));
    never.countDown();
  }

  @Test
  void sleepWithADurationRoundsUpAndReturnsAtOnceWhenNegative() throws Exception {
    Greenlet<Object> sleeper = step("woke", () -> quietly(() -> { PatchedThread.sleep(Duration.ofNanos(2_500_001)); return null; })).start();
    sleeper.join();
    assertEquals(3, nowMillis());
    PatchedThread.sleep(Duration.ofSeconds(-1));
    assertEquals(3, nowMillis());
    assertThrows(NullPointerException.class, () -> PatchedThread.sleep((Duration) null));
  }

  @Test
  void semaphoreAcquireWaitsForAPermitFromAnotherThread() throws Exception {
    Semaphore semaphore = new Semaphore(1, true);
    PatchedSemaphore.acquire(semaphore);
    assertEquals(0, semaphore.availablePermits());
    Greenlet<Object> one = step("one", () -> quietly(() -> { PatchedSemaphore.acquire(semaphore, 2); return null; })).start();
    Gevent.sleep(1);
    eventually(() -> semaphore.getQueueLength() == 1); // "one" waits first, on its pool thread
    Greenlet<Boolean> timedOut = calling(() -> quietly(() -> PatchedSemaphore.tryAcquire(semaphore, 5, TimeUnit.MILLISECONDS))).start();
    new Thread(() -> semaphore.release(2)).start();
    Gevent.joinAll(one, timedOut);
    assertEquals(false, timedOut.value(), "the fair semaphore gives the permits to the first waiter");
    assertEquals(Arrays.asList("one"), log);
    semaphore.release(1);
    assertTrue(PatchedSemaphore.tryAcquire(semaphore, 0, TimeUnit.SECONDS));
    assertFalse(PatchedSemaphore.tryAcquire(semaphore, 2, 0, TimeUnit.SECONDS));
    assertThrows(IllegalArgumentException.class, () -> PatchedSemaphore.acquire(semaphore, -1));
    semaphore.release();
    PatchedSemaphore.acquireUninterruptibly(semaphore);
    assertEquals(0, semaphore.availablePermits());
  }

  @Test
  void aKilledGreenletTakesNoPermitEvenWhenItsPoolThreadGotOne() throws Exception {
    Semaphore semaphore = new Semaphore(0);
    Greenlet<Object> killed = step("never", () -> PatchedSemaphore.acquireUninterruptibly(semaphore)).start();
    Greenlet<Object> interrupted = step("never", () -> quietly(() -> { PatchedSemaphore.acquire(semaphore); return null; })).start();
    Gevent.sleep(1);
    killed.kill();
    interrupted.kill();
    assertTrue(killed.isDead() && interrupted.isDead());
    semaphore.release(); // the uninterruptible pool thread takes it, then gives it back
    eventually(() -> !semaphore.hasQueuedThreads() && semaphore.availablePermits() == 1);
    assertEquals(Arrays.asList(), log);
  }

  @Test
  void queueTakeAndPutWaitForTheOtherSide() throws Exception {
    BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
    Greenlet<String> taking = calling(() -> quietly(() -> PatchedBlockingQueue.take(queue))).start();
    Gevent.sleep(1);
    new Thread(() -> queue.add("first")).start();
    assertEquals("first", taking.get());
    PatchedBlockingQueue.put(queue, "full");
    Greenlet<Object> putting = step("put", () -> quietly(() -> { PatchedBlockingQueue.put(queue, "second"); return null; })).start();
    Greenlet<Boolean> offering = calling(() -> quietly(() -> PatchedBlockingQueue.offer(queue, "third", 5, TimeUnit.MILLISECONDS))).start();
    Gevent.joinAll(offering);
    assertEquals(false, offering.value());
    new Thread(queue::poll).start();
    putting.join();
    assertEquals(Arrays.asList("put"), log);
    assertEquals("second", PatchedBlockingQueue.poll(queue, 1, TimeUnit.SECONDS));
    assertNull(PatchedBlockingQueue.poll(queue, 0, TimeUnit.SECONDS));
    Greenlet<String> timedPoll = calling(() -> quietly(() -> PatchedBlockingQueue.poll(queue, 5, TimeUnit.MILLISECONDS))).start();
    assertNull(timedPoll.get());
    assertTrue(PatchedBlockingQueue.offer(queue, "room", 0, TimeUnit.SECONDS));
    assertThrows(NullPointerException.class, () -> PatchedBlockingQueue.put(queue, null));
    assertThrows(NullPointerException.class, () -> PatchedBlockingQueue.poll(queue, 1, null));
    assertEquals(Arrays.asList("room"), Arrays.asList(queue.toArray()), "a failed call took nothing");
  }

  @Test
  void aKilledTakerLosesNoElement() throws Exception {
    LinkedBlockingDeque<String> queue = new LinkedBlockingDeque<>();
    Greenlet<String> killed = calling(() -> quietly(() -> PatchedBlockingQueue.take(queue))).start();
    Gevent.sleep(1);
    killed.kill();
    queue.add("kept");
    Thread.sleep(20); // the interrupted pool thread must not have taken it
    assertEquals(Arrays.asList("kept"), Arrays.asList(queue.toArray()));
  }

  @Test
  void executorInvokeAllInvokeAnyAndAwaitTermination() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    List<Callable<String>> tasks = Arrays.asList(() -> "a", () -> "b");
    Greenlet<List<Future<String>>> all = calling(() -> quietly(() -> PatchedExecutorService.invokeAll(executor, tasks))).start();
    List<Future<String>> futures = all.get();
    assertEquals("a", futures.get(0).get());
    assertEquals("b", futures.get(1).get());
    assertEquals(2, PatchedExecutorService.invokeAll(executor, tasks, 1, TimeUnit.SECONDS).size());
    assertTrue(Arrays.asList("a", "b").contains(PatchedExecutorService.invokeAny(executor, tasks)));
    List<Callable<String>> failing = Arrays.asList(() -> {
      throw new IllegalStateException("boom");
    });
    assertInstanceOf(IllegalStateException.class,
        assertThrows(ExecutionException.class, () -> PatchedExecutorService.invokeAny(executor, failing, 1, TimeUnit.SECONDS)).getCause());
    assertFalse(PatchedExecutorService.awaitTermination(executor, 5, TimeUnit.MILLISECONDS));
    assertFalse(PatchedExecutorService.awaitTermination(executor, 0, TimeUnit.MILLISECONDS));
    executor.shutdown();
    Greenlet<Boolean> terminated = calling(() -> quietly(() -> PatchedExecutorService.awaitTermination(executor, 10, TimeUnit.SECONDS))).start();
    assertTrue(terminated.get());
  }

  @Test
  void inetAddressResolvesOnTheThreadPool() throws Exception {
    Greenlet<InetAddress> byName = calling(() -> quietly(() -> PatchedInetAddress.getByName("127.0.0.1"))).start();
    Greenlet<InetAddress[]> all = calling(() -> quietly(() -> PatchedInetAddress.getAllByName("localhost"))).start();
    assertEquals(InetAddress.getByName("127.0.0.1"), byName.get());
    assertArrayEquals(InetAddress.getAllByName("localhost"), all.get());
    assertEquals(InetAddress.getByName(null), PatchedInetAddress.getByName(null));
    assertThrows(UnknownHostException.class, () -> PatchedInetAddress.getByName("[::1"));
  }
}
