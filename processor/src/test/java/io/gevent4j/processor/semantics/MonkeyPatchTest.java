package io.gevent4j.processor.semantics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.gevent4j.Clock;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.processor.testing.CoroutineCompiler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Monkey patching, differentially: each {@code @MonkeyPatch} coroutine below makes one patched
 * blocking call. Run directly, the call blocks the thread; run as a greenlet on a real-time hub,
 * it must return the same result or throw the same exception (class, message, cause), while a
 * ticker greenlet keeps ticking; run alone, the hub must stay alive during a wait on another
 * thread; and three greenlets making the call at once must finish in about one wait, not three.
 */
class MonkeyPatchTest {
  /** The wait each call makes, in milliseconds. */
  private static final long W = 100;

  private static final String[] SOURCE = {
    "package p;",
    "import io.gevent4j.Gevent;",
    "import io.gevent4j.annotations.*;",
    "import java.util.concurrent.*;",
    "import java.util.*;",
    "import java.net.InetAddress;",
    "public class Monkey {",
    "  public static int ticks;",
    "  public static boolean stop;",
    "  @Coroutine public static void ticker() {",
    "    while (!stop) { ticks++; Gevent.sleep(0); }",
    "  }",
    "  /** A ticker that sleeps a millisecond between ticks, leaving the CPU to the threads completing the waits. */",
    "  @Coroutine public static void clock() {",
    "    while (!stop) { ticks++; Gevent.sleep(1); }",
    "  }",
    "  static final long W = " + W + ";",
    "  static final ExecutorService POOL = Executors.newCachedThreadPool(r -> { Thread t = new Thread(r); t.setDaemon(true); return t; });",
    "  static void pause() { try { Thread.sleep(W); } catch (InterruptedException e) { throw new AssertionError(e); } }",
    "  static Callable<String> task(String value) { return () -> { pause(); return value; }; }",
    "  static Callable<String> failingTask() { return () -> { pause(); throw new IllegalStateException(\"boom\"); }; }",
    "  static Future<String> later(String value) { return POOL.submit(task(value)); }",
    "  static Future<String> failing() { return POOL.submit(failingTask()); }",
    "  static CompletableFuture<String> laterCf(String value) { return CompletableFuture.supplyAsync(() -> { pause(); return value; }, POOL); }",
    "  static CompletableFuture<String> failingCf() {",
    "    return CompletableFuture.supplyAsync(() -> { pause(); throw new IllegalStateException(\"boom\"); }, POOL);",
    "  }",
    "  static CountDownLatch opensLater() { CountDownLatch latch = new CountDownLatch(1); POOL.execute(() -> { pause(); latch.countDown(); }); return latch; }",
    "  static ThreadPoolExecutor executor() { return new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>()); }",
    "  static Thread thread(long millis) {",
    "    Thread t = new Thread(() -> { try { Thread.sleep(millis); } catch (InterruptedException e) { } });",
    "    t.setDaemon(true);",
    "    t.start();",
    "    return t;",
    "  }",
    "  static Semaphore releasedLater(int permits) { Semaphore s = new Semaphore(0); POOL.execute(() -> { pause(); s.release(permits); }); return s; }",
    "  static BlockingQueue<String> filledLater(String value) {",
    "    BlockingQueue<String> q = new LinkedBlockingQueue<>();",
    "    POOL.execute(() -> { pause(); q.add(value); });",
    "    return q;",
    "  }",
    "  static BlockingQueue<String> emptiedLater() {",
    "    BlockingQueue<String> q = new ArrayBlockingQueue<>(1);",
    "    q.add(\"full\");",
    "    POOL.execute(() -> { pause(); q.poll(); });",
    "    return q;",
    "  }",
    "  static Callable<String> slowTask() { return () -> { Thread.sleep(3 * W); return \"slow\"; }; }",
    "",
    "  @MonkeyPatch @Coroutine public static Object threadSleep() throws Exception { Thread.sleep(W); return \"slept\"; }",
    "  @MonkeyPatch @Coroutine public static Object threadSleepNanos() throws Exception { Thread.sleep(W - 1, 999_999); return \"slept\"; }",
    "  @MonkeyPatch @Coroutine public static Object threadSleepNegative() throws Exception { Thread.sleep(-1); return \"slept\"; }",
    "  @MonkeyPatch @Coroutine public static Object threadSleepBadNanos() throws Exception { Thread.sleep(1, 1_000_000); return \"slept\"; }",
    "  @MonkeyPatch @Coroutine public static Object threadYield() {",
    "    for (int i = 0; i < 20; i++) { Thread.yield(); }",
    "    return \"yielded\";",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object timeUnitSleep() throws Exception { TimeUnit.MILLISECONDS.sleep(W); return \"slept\"; }",
    "  @MonkeyPatch @Coroutine public static Object timeUnitSleepOnAVariable() throws Exception {",
    "    TimeUnit unit = TimeUnit.MICROSECONDS;",
    "    unit.sleep(W * 1000 - 1);",
    "    return unit;",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object timeUnitSleepNegative() throws Exception { TimeUnit.SECONDS.sleep(-5); return \"at once\"; }",
    "  @MonkeyPatch @Coroutine public static Object futureGet() throws Exception { return later(\"a\").get(); }",
    "  @MonkeyPatch @Coroutine public static Object futureGetFails() throws Exception { return failing().get(); }",
    "  @MonkeyPatch @Coroutine public static Object futureGetOnACompletableFuture() throws Exception {",
    "    CompletableFuture<String> future = laterCf(\"b\");",
    "    return future.get() + \"!\";",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object futureGetOnACompletableFutureAsFuture() throws Exception {",
    "    Future<String> future = laterCf(\"c\");",
    "    return future.get();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object completableGetFails() throws Exception { return failingCf().get(); }",
    "  @MonkeyPatch @Coroutine public static Object submitThenGet() throws Exception {",
    "    ThreadPoolExecutor executor = executor();",
    "    try {",
    "      return executor.submit(task(\"d\")).get();",
    "    } finally {",
    "      executor.shutdown();",
    "    }",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object futureGetInTime() throws Exception { return later(\"e\").get(5, TimeUnit.SECONDS); }",
    "  @MonkeyPatch @Coroutine public static Object futureGetTimesOut() throws Exception {",
    "    return new FutureTask<String>(() -> \"never\").get(W, TimeUnit.MILLISECONDS);",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object futureGetFailsInTime() throws Exception { return failing().get(5, TimeUnit.SECONDS); }",
    "  @MonkeyPatch @Coroutine public static Object completableGetInTime() throws Exception { return laterCf(\"f\").get(5, TimeUnit.SECONDS); }",
    "  @MonkeyPatch @Coroutine public static Object completableGetTimesOut() throws Exception {",
    "    return new CompletableFuture<String>().get(W, TimeUnit.MILLISECONDS);",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object completableGetCaught() {",
    "    try {",
    "      return new CompletableFuture<String>().get(W, TimeUnit.MILLISECONDS);",
    "    } catch (TimeoutException e) {",
    "      return \"timed out\";",
    "    } catch (InterruptedException | ExecutionException e) {",
    "      return \"unexpected \" + e;",
    "    }",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object completableJoin() { return laterCf(\"g\").join(); }",
    "  @MonkeyPatch @Coroutine public static Object completableJoinFails() { return failingCf().join(); }",
    "  @MonkeyPatch @Coroutine public static Object completableJoinCancelled() {",
    "    CompletableFuture<String> future = new CompletableFuture<>();",
    "    POOL.execute(() -> { Monkey.pause(); future.cancel(false); });",
    "    return future.thenApply(s -> s + s).join();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object latchAwait() throws Exception {",
    "    CountDownLatch latch = opensLater();",
    "    latch.await();",
    "    return latch.getCount();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object latchAwaitInTime() throws Exception { return opensLater().await(5, TimeUnit.SECONDS); }",
    "  @MonkeyPatch @Coroutine public static Object latchAwaitTimesOut() throws Exception {",
    "    return new CountDownLatch(1).await(W, TimeUnit.MILLISECONDS);",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object threadJoin() throws Exception {",
    "    Thread t = thread(W);",
    "    t.join();",
    "    return t.isAlive();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object threadJoinInTime() throws Exception {",
    "    Thread t = thread(W);",
    "    t.join(5000);",
    "    return t.isAlive();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object threadJoinTimesOut() throws Exception {",
    "    Thread t = thread(4 * W);",
    "    t.join(W);",
    "    return t.isAlive();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object threadJoinNanosTimesOut() throws Exception {",
    "    Thread t = thread(4 * W);",
    "    t.join(W - 1, 999_999);",
    "    return t.isAlive();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object threadJoinNegative() throws Exception { thread(0).join(-1); return \"joined\"; }",
    "  @MonkeyPatch @Coroutine public static Object threadJoinDone() throws Exception {",
    "    Thread t = new Thread(() -> { });",
    "    t.join();",
    "    t.start();",
    "    t.join();",
    "    t.join(0, 1);",
    "    return t.isAlive();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object stageJoin() {",
    "    CompletionStage<String> stage = laterCf(\"h\").thenApply(s -> s + s);",
    "    return stage.toCompletableFuture().join();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object semaphoreAcquire() throws Exception {",
    "    Semaphore s = releasedLater(1);",
    "    s.acquire();",
    "    return s.availablePermits();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object semaphoreAcquireMany() throws Exception {",
    "    Semaphore s = releasedLater(3);",
    "    s.acquire(2);",
    "    return s.availablePermits();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object semaphoreAcquireUninterruptibly() {",
    "    Semaphore s = releasedLater(2);",
    "    s.acquireUninterruptibly(2);",
    "    s.release();",
    "    s.acquireUninterruptibly();",
    "    return s.availablePermits();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object semaphoreAcquireNegative() throws Exception { new Semaphore(1).acquire(-1); return \"acquired\"; }",
    "  @MonkeyPatch @Coroutine public static Object semaphoreTryAcquireInTime() throws Exception { return releasedLater(1).tryAcquire(5, TimeUnit.SECONDS); }",
    "  @MonkeyPatch @Coroutine public static Object semaphoreTryAcquireTimesOut() throws Exception {",
    "    Semaphore s = new Semaphore(1);",
    "    return s.tryAcquire(2, W, TimeUnit.MILLISECONDS) + \" \" + s.availablePermits();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object queueTake() throws Exception { return filledLater(\"i\").take(); }",
    "  @MonkeyPatch @Coroutine public static Object queuePut() throws Exception {",
    "    BlockingQueue<String> q = emptiedLater();",
    "    q.put(\"j\");",
    "    return q;",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object queuePutNull() throws Exception { new LinkedBlockingQueue<String>().put(null); return \"put\"; }",
    "  @MonkeyPatch @Coroutine public static Object queuePollInTime() throws Exception { return filledLater(\"k\").poll(5, TimeUnit.SECONDS); }",
    "  @MonkeyPatch @Coroutine public static Object queuePollTimesOut() throws Exception {",
    "    return new LinkedBlockingDeque<String>().poll(W, TimeUnit.MILLISECONDS);",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object queueOfferInTime() throws Exception {",
    "    BlockingQueue<String> q = emptiedLater();",
    "    return q.offer(\"l\", 5, TimeUnit.SECONDS) + \" \" + q;",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object queueOfferTimesOut() throws Exception {",
    "    BlockingQueue<String> q = new ArrayBlockingQueue<>(1);",
    "    q.add(\"full\");",
    "    return q.offer(\"m\", W, TimeUnit.MILLISECONDS) + \" \" + q;",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object synchronousHandOff() throws Exception {",
    "    SynchronousQueue<String> q = new SynchronousQueue<>();",
    "    POOL.execute(() -> { pause(); try { q.put(\"n\"); } catch (InterruptedException e) { } });",
    "    return q.take();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object invokeAll() throws Exception {",
    "    List<Future<String>> all = POOL.invokeAll(Arrays.asList(task(\"o\"), task(\"p\")));",
    "    return all.get(0).get() + all.get(1).get();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object invokeAllTimesOut() throws Exception {",
    "    List<Future<String>> all = POOL.invokeAll(Arrays.asList(() -> \"q\", slowTask()), W, TimeUnit.MILLISECONDS);",
    "    return all.get(0).get() + all.get(1).isCancelled();",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object invokeAny() throws Exception { return POOL.invokeAny(Arrays.asList(task(\"r\"))); }",
    "  @MonkeyPatch @Coroutine public static Object invokeAnyFails() throws Exception {",
    "    return POOL.invokeAny(Arrays.asList(failingTask()), 5, TimeUnit.SECONDS);",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object awaitTermination() throws Exception {",
    "    ExecutorService e = executor();",
    "    e.execute(Monkey::pause);",
    "    e.shutdown();",
    "    return e.awaitTermination(5, TimeUnit.SECONDS);",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object awaitTerminationTimesOut() throws Exception {",
    "    ExecutorService e = executor();",
    "    e.execute(() -> { try { Thread.sleep(3 * W); } catch (InterruptedException x) { } });",
    "    e.shutdown();",
    "    return e.awaitTermination(W, TimeUnit.MILLISECONDS);",
    "  }",
    "  @MonkeyPatch @Coroutine public static Object getByName() throws Exception { return InetAddress.getByName(\"127.0.0.1\"); }",
    "  @MonkeyPatch @Coroutine public static Object getAllByName() throws Exception { return Arrays.toString(InetAddress.getAllByName(\"localhost\")); }",
    "  @MonkeyPatch @Coroutine public static Object getByNameFails() throws Exception { return InetAddress.getByName(\"[::1\"); }",
    "  @MonkeyPatch @Coroutine public static Object latchAlreadyOpen() throws Exception {",
    "    CountDownLatch latch = new CountDownLatch(0);",
    "    latch.await();",
    "    return latch.await(0, TimeUnit.SECONDS);",
    "  }",
    "}",
  };

  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    Compilation compilation = CoroutineCompiler.standard().compile("p.Monkey", SOURCE);
    assertThat(compilation).succeeded();
    loader = CoroutineCompiler.load(compilation);
  }

  /** What a run produced: the result, or the exception's class, message and cause's class. */
  private static final class Outcome {
    final String result;
    final String failure;

    Outcome(Object result, Throwable failure) {
      this.result = String.valueOf(result);
      this.failure = failure == null ? null : failure.getClass().getName() + ": " + failure.getMessage()
          + (failure.getCause() == null ? "" : " caused by " + failure.getCause().getClass().getName() + ": " + failure.getCause().getMessage());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Outcome && result.equals(((Outcome) other).result) && Objects.equals(failure, ((Outcome) other).failure);
    }

    @Override
    public int hashCode() {
      return result.hashCode();
    }

    @Override
    public String toString() {
      return failure == null ? "returned " + result : "threw " + failure;
    }
  }

  enum Wait {
    /** The call waits about {@link #W}. */
    WAITS,
    /** The call only yields. */
    YIELDS,
    /** The call returns or throws at once. */
    AT_ONCE
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "threadSleep, WAITS", "threadSleepNanos, WAITS", "threadSleepNegative, AT_ONCE", "threadSleepBadNanos, AT_ONCE",
    "threadYield, YIELDS",
    "timeUnitSleep, WAITS", "timeUnitSleepOnAVariable, WAITS", "timeUnitSleepNegative, AT_ONCE",
    "futureGet, WAITS", "futureGetFails, WAITS", "futureGetOnACompletableFuture, WAITS",
    "futureGetOnACompletableFutureAsFuture, WAITS", "completableGetFails, WAITS", "submitThenGet, WAITS",
    "futureGetInTime, WAITS", "futureGetTimesOut, WAITS", "futureGetFailsInTime, WAITS",
    "completableGetInTime, WAITS", "completableGetTimesOut, WAITS", "completableGetCaught, WAITS",
    "completableJoin, WAITS", "completableJoinFails, WAITS", "completableJoinCancelled, WAITS",
    "latchAwait, WAITS", "latchAwaitInTime, WAITS", "latchAwaitTimesOut, WAITS", "latchAlreadyOpen, AT_ONCE",
    "threadJoin, WAITS", "threadJoinInTime, WAITS", "threadJoinTimesOut, WAITS", "threadJoinNanosTimesOut, WAITS",
    "threadJoinNegative, AT_ONCE", "threadJoinDone, AT_ONCE", "stageJoin, WAITS",
    "semaphoreAcquire, WAITS", "semaphoreAcquireMany, WAITS", "semaphoreAcquireUninterruptibly, WAITS", "semaphoreAcquireNegative, AT_ONCE",
    "semaphoreTryAcquireInTime, WAITS", "semaphoreTryAcquireTimesOut, WAITS",
    "queueTake, WAITS", "queuePut, WAITS", "queuePutNull, AT_ONCE", "queuePollInTime, WAITS", "queuePollTimesOut, WAITS",
    "queueOfferInTime, WAITS", "queueOfferTimesOut, WAITS", "synchronousHandOff, WAITS",
    "invokeAll, WAITS", "invokeAllTimesOut, WAITS", "invokeAny, WAITS", "invokeAnyFails, WAITS",
    "awaitTermination, WAITS", "awaitTerminationTimesOut, WAITS",
    "getByName, AT_ONCE", "getAllByName, AT_ONCE", "getByNameFails, AT_ONCE",
  })
  void patchedCallSuspendsOnlyItsGreenletAndBehavesAsTheOriginal(String method, Wait wait) throws Exception {
    long start = System.nanoTime();
    Outcome direct = direct(method);
    long directMillis = (System.nanoTime() - start) / 1_000_000;
    if (wait == Wait.WAITS) {
      assertTrue(directMillis >= W - 5, method + " run directly did not wait: " + directMillis + " ms");
    }

    Hub.install(Clock.system()).setErrorStream(null);
    setStatic("ticks", 0);
    setStatic("stop", false);
    Greenlet<?> ticker = greenlet("ticker").start();
    Greenlet<?> greenlet = greenlet(method).start();
    greenlet.join();
    setStatic("stop", true);
    ticker.join();
    assertEquals(direct, outcome(greenlet), method + ": direct vs greenlet");
    int ticks = (Integer) type().getField("ticks").get(null);
    if (wait == Wait.WAITS) {
      assertTrue(ticks >= 20, method + " did not let the ticker run while it waited: " + ticks + " ticks");
    } else if (wait == Wait.YIELDS) {
      assertTrue(ticks >= 20, method + " did not yield 20 times: " + ticks + " ticks");
    }
    assertTrue(Hub.current().isEmpty(), "hub not empty after " + method);

    // Alone: nothing else keeps the hub alive while another thread completes the wait.
    Greenlet<?> alone = greenlet(method).start();
    alone.join();
    assertEquals(direct, outcome(alone), method + ": direct vs greenlet alone");

    // Three at once overlap their waits, while a ticker keeps ticking: one that sleeps between
    // ticks, as a busy one would take the CPU from the threads that complete the waits.
    setStatic("ticks", 0);
    setStatic("stop", false);
    ticker = greenlet("clock").start();
    List<Greenlet<?>> three = new ArrayList<>();
    start = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      three.add(greenlet(method).start());
    }
    for (Greenlet<?> g : three) {
      g.join();
    }
    long threeMillis = (System.nanoTime() - start) / 1_000_000;
    setStatic("stop", true);
    ticker.join();
    for (Greenlet<?> g : three) {
      assertEquals(direct, outcome(g), method + ": direct vs one of three greenlets");
    }
    if (wait == Wait.WAITS) {
      // One after the other they would take at least 3 W (each waits W when run directly); the
      // margin is for a loaded 2-core CI machine (up to 2.5 W seen at a load average of 12).
      assertTrue(threeMillis < 2.8 * W, method + ": three greenlets took " + threeMillis + " ms, not about " + W);
      ticks = (Integer) type().getField("ticks").get(null);
      // A hub blocked by the waits would tick at most between them; the count varies with the load.
      assertTrue(ticks >= 3, method + ": the ticker stood still while three greenlets waited: " + ticks + " ticks");
    }
    assertTrue(Hub.current().isEmpty(), "hub not empty after " + method);
  }

  @Test
  void killingAGreenletWaitingOnAPoolThreadReleasesTheHubAtOnce() throws Exception {
    Hub.install(Clock.system()).setErrorStream(null);
    Greenlet<?> waiting = greenlet("latchAwaitTimesOut").start();
    io.gevent4j.Gevent.sleep(10);
    long start = System.nanoTime();
    waiting.kill();
    assertTrue(waiting.isDead());
    assertTrue((System.nanoTime() - start) / 1_000_000 < 0.9 * W, "kill waited for the pool thread");
    assertTrue(Hub.current().isEmpty(), "the killed wait left the hub held open");
    io.gevent4j.Gevent.sleep(W); // the interrupted pool thread delivers nothing
    assertTrue(Hub.current().isEmpty());
  }

  /** {@code Thread.join(Duration)} and {@code Thread.sleep(Duration)} exist from JDK 19 on: compiled (and patched) only there. */
  @Test
  @org.junit.jupiter.api.condition.EnabledForJreRange(min = org.junit.jupiter.api.condition.JRE.JAVA_19)
  void threadJoinWithADuration() throws Exception {
    Compilation compilation = CoroutineCompiler.standard().compile("p.Joins",
        "package p;",
        "import io.gevent4j.annotations.*;",
        "import java.time.Duration;",
        "public class Joins {",
        "  static Thread thread(long millis) {",
        "    Thread t = new Thread(() -> { try { Thread.sleep(millis); } catch (InterruptedException e) { } });",
        "    t.setDaemon(true);",
        "    t.start();",
        "    return t;",
        "  }",
        "  @MonkeyPatch @Coroutine public static Object join() throws Exception {",
        "    Thread slow = thread(4 * " + W + ");",
        "    boolean early = slow.join(Duration.ZERO);",
        "    boolean timedOut = slow.join(Duration.ofMillis(" + W + "));",
        "    Thread t = thread(" + W + ");",
        "    return early + \" \" + timedOut + \" \" + t.join(Duration.ofSeconds(5)) + \" \" + t.join(Duration.ofSeconds(-1));",
        "  }",
        "  @MonkeyPatch @Coroutine public static Object notStarted() throws Exception { return new Thread(() -> { }).join(Duration.ofSeconds(1)); }",
        "  @MonkeyPatch @Coroutine public static Object sleep() throws Exception {",
        "    long start = System.nanoTime();",
        "    Thread.sleep(Duration.ofMillis(" + W + "));",
        "    Thread.sleep(Duration.ofSeconds(-1));",
        "    return System.nanoTime() - start >= " + W + " * 1_000_000L;",
        "  }",
        "}");
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader joins = CoroutineCompiler.load(compilation);
    for (String method : new String[] {"join", "notStarted", "sleep"}) {
      Outcome direct;
      try {
        direct = new Outcome(find(joins.loadClass("p.Joins"), method).invoke(null), null);
      } catch (InvocationTargetException e) {
        direct = new Outcome(null, e.getCause());
      }
      Hub.install(Clock.system()).setErrorStream(null);
      Greenlet<?> greenlet = (Greenlet<?>) find(joins.loadClass("p.JoinsCoroutines"), method).invoke(null);
      greenlet.start().join();
      assertEquals(direct, outcome(greenlet), method + ": direct vs greenlet");
      assertTrue(Hub.current().isEmpty());
    }
  }

  private static Class<?> type() throws ClassNotFoundException {
    return loader.loadClass("p.Monkey");
  }

  private static void setStatic(String field, Object value) throws ReflectiveOperationException {
    type().getField(field).set(null, value);
  }

  private static Outcome direct(String method) throws Exception {
    try {
      return new Outcome(find(type(), method).invoke(null), null);
    } catch (InvocationTargetException e) {
      return new Outcome(null, e.getCause());
    }
  }

  private static Greenlet<?> greenlet(String method) throws Exception {
    return (Greenlet<?>) find(loader.loadClass("p.MonkeyCoroutines"), method).invoke(null);
  }

  private static Outcome outcome(Greenlet<?> greenlet) {
    return new Outcome(greenlet.value(), greenlet.exception());
  }

  private static Method find(Class<?> type, String name) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new AssertionError("no method " + name + " in " + type);
  }
}
