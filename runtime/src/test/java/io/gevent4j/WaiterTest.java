package io.gevent4j;

import static java.util.Arrays.asList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.internal.Timer;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The low-level suspension API: resume/fail, both wait modes, cancellation and cross-thread wake-ups. */
class WaiterTest extends HubTestSupport {
  /** Longer than any test should take; only there to give the hub a deadline to sleep until. */
  private static final long GUARD_MILLIS = 60_000;

  @Test
  void resumeDeliversOnceAndFailsAfterwards() {
    Waiter<String> waiter = new Waiter<>();
    assertFalse(waiter.isDone());
    assertTrue(waiter.resume("first"));
    assertTrue(waiter.isDone());
    assertFalse(waiter.resume("second"));
    assertFalse(waiter.fail(new IllegalStateException()));
    assertEquals("first", waiter.await());
  }

  @Test
  void awaitFromPlainCodeRunsTheHubUntilDone() {
    Waiter<String> waiter = new Waiter<>();
    hub.schedule(25, () -> waiter.resume("woken"));
    assertEquals("woken", waiter.await());
    assertEquals(25, nowMillis());
  }

  @Test
  void failIsThrownAtTheWaitingCallAsItIs() {
    Waiter<String> waiter = new Waiter<>();
    IOException checked = new IOException("io");
    hub.post(() -> waiter.fail(checked));
    Throwable thrown = assertThrows(Throwable.class, waiter::await);
    assertSame(checked, thrown, "even a checked exception is not wrapped");
  }

  @Test
  void typedAwaitsConvertTheResult() {
    Waiter<Integer> ints = new Waiter<>();
    ints.resume(7);
    assertEquals(7, ints.awaitInt());
    Waiter<Long> longs = new Waiter<>();
    longs.resume(8L);
    assertEquals(8L, longs.awaitLong());
    Waiter<Double> doubles = new Waiter<>();
    doubles.resume(1.5);
    assertEquals(1.5, doubles.awaitDouble());
    Waiter<Boolean> booleans = new Waiter<>();
    booleans.resume(true);
    assertTrue(booleans.awaitBoolean());
  }

  @Test
  void insideAGreenletAwaitParksAndTheFrameReceivesTheResult() {
    TestFrames.AwaitsWaiter<String> frame = new TestFrames.AwaitsWaiter<>();
    Greenlet<String> g = Greenlet.of(frame).start();
    Gevent.sleep(0);
    assertFalse(g.isDead(), "parked");
    frame.waiter.resume("delivered");
    assertEquals("delivered", g.get());
  }

  @Test
  void insideAGreenletAFailureIsThrownAtTheSuspensionPoint() {
    TestFrames.AwaitsWaiter<String> frame = new TestFrames.AwaitsWaiter<>();
    Greenlet<String> g = Greenlet.of(frame).start();
    Gevent.sleep(0);
    IllegalStateException boom = new IllegalStateException("boom");
    frame.waiter.fail(boom);
    g.join();
    assertSame(boom, g.exception());
  }

  @Test
  void aWaiterAlreadyDoneDoesNotPark() {
    Greenlet<String> g = TestFrames.calling(() -> {
      Waiter<String> waiter = new Waiter<>();
      waiter.resume("at once");
      return waiter.await();
    }).start();
    assertEquals("at once", g.get());
  }

  @Test
  void killCancelsTheWaitAndRunsItsUndo() {
    TestFrames.AwaitsWaiter<String> frame = new TestFrames.AwaitsWaiter<>();
    Greenlet<String> g = Greenlet.of(frame).start();
    Gevent.sleep(0);
    frame.waiter.onCancel(() -> log.add("undone"));
    g.kill();
    assertTrue(frame.waiter.isDone());
    assertFalse(frame.waiter.resume("too late"));
    assertEquals(java.util.Collections.singletonList("undone"), log);
    assertTrue(g.isSuccessful());
    assertNull(g.value());
  }

  @Test
  void resumeFromAnotherThreadWakesAParkedHub() throws InterruptedException {
    install(Clock.system());
    TestFrames.AwaitsWaiter<Integer> frame = new TestFrames.AwaitsWaiter<>();
    Greenlet<Integer> g = Greenlet.of(frame).start();
    Gevent.sleep(0);
    Thread resumer = whenParked(Thread.currentThread(), () -> frame.waiter.resumeFromAnyThread(42));
    Timer guard = hub.schedule(GUARD_MILLIS, () -> { });
    long start = System.nanoTime();
    assertEquals(42, g.get());
    assertTrue(System.nanoTime() - start < GUARD_MILLIS * 500_000L, "woken, not timed out");
    resumer.join();
    guard.cancel();
  }

  @Test
  void failFromAnotherThreadWakesPlainCode() throws InterruptedException {
    install(Clock.system());
    Waiter<String> waiter = new Waiter<>();
    IllegalStateException boom = new IllegalStateException("from another thread");
    Thread failer = whenParked(Thread.currentThread(), () -> waiter.failFromAnyThread(boom));
    Timer guard = hub.schedule(GUARD_MILLIS, () -> { });
    assertSame(boom, assertThrows(IllegalStateException.class, waiter::await));
    failer.join();
    guard.cancel();
  }

  @Test
  void manyWakeUpsFromAnotherThreadAreAllDelivered() throws InterruptedException {
    install(Clock.system());
    int count = 1000;
    AtomicReference<Waiter<Integer>> current = new AtomicReference<>();
    Timer guard = hub.schedule(GUARD_MILLIS, () -> { });
    Consumer<Integer> resumeNext = i -> {
      Waiter<Integer> waiter;
      while ((waiter = current.getAndSet(null)) == null) {
        Thread.yield();
      }
      waiter.resumeFromAnyThread(i);
    };
    Thread resumer = new Thread(() -> {
      for (int i = 0; i < count; i++) {
        resumeNext.accept(i);
      }
    });
    resumer.start();
    for (int i = 0; i < count; i++) {
      Waiter<Integer> waiter = new Waiter<>();
      current.set(waiter);
      assertEquals(i, waiter.awaitInt());
    }
    resumer.join();
    guard.cancel();
  }

  @Test
  void aWaitForAnotherThreadAloneKeepsTheHubAlive() throws InterruptedException {
    install(Clock.system());
    Waiter<String> waiter = new Waiter<>();
    waiter.expectOtherThread();
    Thread resumer = whenParked(Thread.currentThread(), () -> waiter.resumeFromAnyThread("x"));
    try {
      assertEquals("x", waiter.await());
    } finally {
      resumer.interrupt();
      resumer.join();
    }
  }

  /**
   * Starts a thread that runs {@code action} once {@code hubThread} is parked (the hub is idle,
   * waiting for its next deadline), so the action must wake it. Spins; gives up when interrupted.
   */
  private static Thread whenParked(Thread hubThread, Runnable action) {
    Thread thread = new Thread(() -> {
      while (!isParked(hubThread)) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        Thread.yield();
      }
      action.run();
    }, "waker");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static boolean isParked(Thread thread) {
    Thread.State state = thread.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
  }

  // ---------------------------------------------------------------- resumeBySwitch, failBySwitch, expireAfter, failAfter

  @Test
  void resumeBySwitchFromACallbackRunsTheGreenletInsideTheCallback() {
    TestFrames.AwaitsWaiter<String> switched = new TestFrames.AwaitsWaiter<>();
    TestFrames.AwaitsWaiter<String> queued = new TestFrames.AwaitsWaiter<>();
    Greenlet<String> a = Greenlet.of(switched).start();
    Greenlet<String> b = Greenlet.of(queued).start();
    Gevent.sleep(0);
    hub.post(() -> {
      log.add("resumeBySwitch: " + switched.waiter.resumeBySwitch("by switch"));
      log.add("switched greenlet dead inside the callback: " + a.isDead());
      log.add("resume: " + queued.waiter.resume("by resume"));
      log.add("resumed greenlet dead inside the callback: " + b.isDead());
      log.add("again: " + switched.waiter.resumeBySwitch("again"));
    });
    Gevent.joinAll(a, b);
    assertEquals(asList("resumeBySwitch: true", "switched greenlet dead inside the callback: true",
        "resume: true", "resumed greenlet dead inside the callback: false", "again: false"), log);
    assertEquals("by switch", a.get());
    assertEquals("by resume", b.get());
  }

  @Test
  void failBySwitchFromACallbackThrowsAtTheSuspensionPointAtOnce() {
    TestFrames.AwaitsWaiter<String> frame = new TestFrames.AwaitsWaiter<>();
    Greenlet<String> g = Greenlet.of(frame).start();
    Gevent.sleep(0);
    IllegalStateException failure = new IllegalStateException("switched failure");
    hub.post(() -> {
      log.add("failBySwitch: " + frame.waiter.failBySwitch(failure));
      log.add("dead inside the callback: " + g.isDead());
      log.add("again: " + frame.waiter.failBySwitch(new IllegalStateException("again")));
    });
    g.join();
    assertEquals(asList("failBySwitch: true", "dead inside the callback: true", "again: false"), log);
    assertSame(failure, g.exception());
    assertTrue(errors().contains("switched failure"), "reported as a greenlet failure");
  }

  @Test
  void bySwitchOutsideACallbackIsAPlainResumeOrFail() {
    Waiter<String> value = new Waiter<>();
    assertTrue(value.resumeBySwitch("v"));
    assertFalse(value.resumeBySwitch("w"));
    assertEquals("v", value.await());
    Waiter<String> failed = new Waiter<>();
    IOException failure = new IOException("io");
    assertTrue(failed.failBySwitch(failure));
    assertFalse(failed.resumeBySwitch("late"));
    assertSame(failure, assertThrows(IOException.class, failed::await));
  }

  @Test
  void expireAfterEndsTheWaitWithTheValueAndUndoesItsRegistration() {
    Waiter<String> waiter = new Waiter<>();
    waiter.onCancel(() -> log.add("undone"));
    waiter.expireAfter(30, "expired");
    assertEquals(1, hub.timerCount());
    assertEquals("expired", waiter.await());
    assertEquals(30, nowMillis());
    assertEquals(asList("undone"), log);
    assertTrue(waiter.isDone());
  }

  @Test
  void expireAfterIsCancelledByAnEarlierResume() {
    Waiter<String> waiter = new Waiter<>();
    waiter.onCancel(() -> log.add("undone"));
    waiter.expireAfter(30, "expired");
    hub.schedule(10, () -> waiter.resume("first"));
    assertEquals("first", waiter.await());
    assertEquals(10, nowMillis());
    assertEquals(0, hub.timerCount(), "the expiry timer is cancelled");
    assertTrue(log.isEmpty(), "a completed wait has nothing to undo");
  }

  @Test
  void failAfterFailsTheWaitAndUndoesItsRegistration() {
    Waiter<String> waiter = new Waiter<>();
    waiter.onCancel(() -> log.add("undone"));
    IllegalStateException failure = new IllegalStateException("too late");
    waiter.failAfter(20, failure);
    assertSame(failure, assertThrows(IllegalStateException.class, waiter::await));
    assertEquals(20, nowMillis());
    assertEquals(asList("undone"), log);
    Waiter<String> resumed = new Waiter<>();
    resumed.failAfter(20, failure);
    assertTrue(resumed.resume("in time"));
    assertEquals(0, hub.timerCount(), "the failure timer is cancelled");
    assertEquals("in time", resumed.await());
  }
}
