package io.gevent4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.UntransformedCallException;
import io.gevent4j.event.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a test run by {@link GeventExtension} sees: a fresh hub on a virtual clock, driven by {@link TestHub}. */
@ExtendWith(GeventExtension.class)
class GeventExtensionTest {
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void beforeEachSeesTheTestsHub(TestHub hub) {
    assertSame(hub.hub(), Hub.current());
  }

  @Test
  void eachTestGetsAFreshHubOnAVirtualClock(TestHub hub) {
    assertSame(Hub.current(), hub.hub());
    assertTrue(hub.hub().clock() instanceof Clock.VirtualClock, hub.hub().clock().toString());
    assertEquals(0, hub.currentTimeMillis());
    assertTrue(hub.hub().isEmpty());
  }

  @Test
  void sleepsCompleteAtOnceInDeadlineOrder(TestHub hub) {
    long realStart = System.nanoTime();
    Greenlet<String> slow = Gevent.spawn(WorkersCoroutines.sleeper(log, "an hour", 3_600_000));
    Greenlet<String> fast = Gevent.spawn(WorkersCoroutines.sleeper(log, "a second", 1000));
    Greenlet<String> middle = Gevent.spawn(WorkersCoroutines.sleeper(log, "a minute", 60_000));
    Gevent.joinAll(slow, fast, middle);
    assertEquals(Arrays.asList("a second", "a minute", "an hour"), log);
    assertEquals(3_600_000, hub.currentTimeMillis());
    assertTrue(System.nanoTime() - realStart < TimeUnit.SECONDS.toNanos(60), "an hour of virtual time is not an hour");
  }

  @Test
  void timeoutsFireInVirtualTime(TestHub hub) {
    assertEquals("timed out", WorkersCoroutines.underTimeout(500, 10_000).start().get());
    assertEquals(500, hub.currentTimeMillis());
    assertEquals("done", WorkersCoroutines.underTimeout(500, 499).start().get());
    assertEquals(999, hub.currentTimeMillis());
  }

  @Test
  void advanceTimeRunsWhatIsDueAndNoMore(TestHub hub) {
    Greenlet<String> sleeper = Gevent.spawn(WorkersCoroutines.sleeper(log, "woke", 1000));
    hub.advanceTime(999);
    assertEquals(999, hub.currentTimeMillis());
    assertFalse(sleeper.isDead());
    hub.advanceTime(1);
    assertEquals(1000, hub.currentTimeMillis());
    assertTrue(sleeper.isDead());
    assertEquals("woke", sleeper.get());
  }

  @Test
  void advanceTimeZeroRunsWhatIsReady(TestHub hub) {
    Event event = new Event();
    Greenlet<String> waiting = Gevent.spawn(WorkersCoroutines.awaiting(event));
    hub.advanceTime(0);
    assertTrue(hub.hub().liveGreenlets().contains(waiting), "it ran up to its wait");
    event.set();
    hub.advanceTime(0);
    assertEquals("set", waiting.value());
    assertEquals(0, hub.currentTimeMillis());
  }

  @Test
  void advanceTimeRefusesToGoBack(TestHub hub) {
    assertThrows(IllegalArgumentException.class, () -> hub.advanceTime(-1));
  }

  @Test
  void runUntilIdleRunsEverythingToTheLastTimer(TestHub hub) {
    Greenlet<String> a = Gevent.spawn(WorkersCoroutines.sleeper(log, "a", 20));
    Greenlet<String> b = Gevent.spawn(WorkersCoroutines.sleeper(log, "b", 10));
    hub.runUntilIdle();
    assertTrue(a.isDead() && b.isDead());
    assertEquals(Arrays.asList("b", "a"), log);
    assertEquals(20, hub.currentTimeMillis());
  }

  @Test
  void aFailureTheTestTakesDoesNotFailIt(TestHub hub) {
    Greenlet<String> failing = Gevent.spawn(WorkersCoroutines.failing("expected"));
    failing.join();
    List<Throwable> failures = hub.takeFailures();
    assertEquals(1, failures.size());
    assertSame(failing.exception(), failures.get(0));
    assertEquals(new ArrayList<Throwable>(), hub.takeFailures(), "taken once");
  }

  @Test
  void advanceTimeInsideAGreenletIsAnUntransformedCall(TestHub hub) {
    Greenlet<Object> calling = io.gevent4j.Greenlet.of(new CallingFrame(() -> hub.advanceTime(10))).start();
    calling.join();
    assertTrue(calling.exception() instanceof UntransformedCallException, String.valueOf(calling.exception()));
    hub.takeFailures();
  }

  /** A hand-written frame that calls {@code body} once, as plain (untransformed) code. */
  private static final class CallingFrame extends io.gevent4j.CoroutineFrame<Object> {
    private final Runnable body;

    CallingFrame(Runnable body) {
      this.body = body;
    }

    @Override
    protected Object resume$() {
      body.run();
      return null;
    }

    @Override
    protected String name$() {
      return "calling";
    }

    @Override
    protected Object[] arguments$() {
      return new Object[0];
    }
  }
}
