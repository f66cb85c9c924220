package io.gevent4j;

import static io.gevent4j.TestFrames.calling;
import static io.gevent4j.TestFrames.logging;
import static io.gevent4j.TestFrames.returning;
import static io.gevent4j.TestFrames.sleeper;
import static io.gevent4j.TestFrames.throwing;
import static io.gevent4j.TestFrames.victim;
import static java.util.Arrays.asList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.event.Event;
import io.gevent4j.internal.Timer;
import io.gevent4j.internal.TimerWheel;
import io.gevent4j.queue.Channel;
import io.gevent4j.queue.PriorityQueue;
import io.gevent4j.queue.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue #11: the runtime behaves like gevent where gevent users rely on it. Each expected trace is
 * what gevent does (GEVENT-NOTES, gevent's greenlet.py, _abstract_linkable.py, queue.py), on a
 * virtual clock.
 */
class GeventParityTest extends HubTestSupport {

  /** A step of a {@link Script}: plain code, or a {@link Yield}. */
  private interface Step {
    void run();
  }

  /** A yielding step of a {@link Script}: one {@code @Yielding} call through the protocol. */
  private static final class Yield implements Step {
    final Runnable call;

    Yield(Runnable call) {
      this.call = call;
    }

    @Override
    public void run() {
      call.run();
    }
  }

  private static Yield yield(Runnable call) {
    return new Yield(call);
  }

  /** A greenlet running {@code steps} in order: plain steps run, {@link Yield}s may suspend. */
  private static Greenlet<Void> script(Step... steps) {
    return Greenlet.of(new Script(steps));
  }

  /** State {@code 2i}: step {@code i} is next; {@code 2i+1}: step {@code i} resumes. */
  private static final class Script extends TestFrames.Frame<Void> {
    private final Step[] steps;

    Script(Step[] steps) {
      super("script");
      this.steps = steps;
    }

    @Override
    protected Object resume$() throws Throwable {
      for (;;) {
        int i = state$ / 2;
        if (state$ % 2 == 1) {
          if (resumed$()) {
            result$();
          }
          state$ = 2 * (i + 1);
          continue;
        }
        if (i == steps.length) {
          return null;
        }
        if (steps[i] instanceof Yield) {
          prepare$();
          ((Yield) steps[i]).call.run();
          if (parked$(2 * i + 1)) {
            return SUSPEND;
          }
          state$ = 2 * i + 1;
        } else {
          steps[i].run();
          state$ = 2 * (i + 1);
        }
      }
    }
  }

  // ------------------------------------------------------------- 1. joiners are links

  @Test
  void joinersAreWokenInRegistrationOrderInterleavedWithLinks() {
    Greenlet<String> g = sleeper(log, "g", 10).start();
    g.link(x -> log.add("link1"));
    script(yield(g::join), () -> log.add("j1 woke")).start();
    Gevent.sleep(0);
    g.link(x -> log.add("link2"));
    script(yield(g::join), () -> log.add("j2 woke")).start();
    Gevent.sleep(0);
    g.link(x -> log.add("link3"));
    g.join();
    log.add("main woke");
    assertEquals(asList("g", "link1", "j1 woke", "link2", "j2 woke", "link3", "main woke"), log);
  }

  @Test
  void plainCodeJoiningRunsAtItsPlaceAmongTheLinks() {
    Greenlet<String> g = sleeper(log, "g", 10).start();
    g.link(x -> log.add("link1"));
    script(yield(g::join), () -> log.add("j1 woke")).start();
    Gevent.sleep(0);
    script(() -> g.link(x -> log.add("link2"))).start(); // registers after main's join
    g.join();
    log.add("main woke");
    Gevent.sleep(0); // the hub goes on with the links where it left off
    assertEquals(asList("g", "link1", "j1 woke", "main woke", "link2"), log);
  }

  @Test
  void getFromAGreenletRunsAtItsLinkPlace() {
    Greenlet<String> g = sleeper(log, "g", 10).start();
    script(yield(g::get), () -> log.add("getter woke")).start();
    Gevent.sleep(0);
    g.link(x -> log.add("link"));
    g.join();
    assertEquals(asList("g", "getter woke", "link"), log);
  }

  // ------------------------------------------------------------- 2. main does not jump the queue

  @Test
  void mainWokenByEventSetRunsAfterGreenletsSpawnedEarlier() {
    Event event = new Event();
    Gevent.spawn(script(() -> {
      log.add("set");
      event.set();
    }));
    Gevent.spawn(logging(log, "other"));
    event.await();
    log.add("main woke");
    assertEquals(asList("set", "other", "main woke"), log);
  }

  @Test
  void greenletResumingFromSleepZeroRunsBeforeMainsTimerThatFellDue() {
    Gevent.spawn(script(() -> {
      log.add("g1");
      hub.clock().awaitDeadline(TimeUnit.MILLISECONDS.toNanos(20)); // busy for 20 ms
    }, yield(() -> Gevent.sleep(0)), () -> log.add("g2")));
    Gevent.sleep(10);
    log.add("main woke");
    assertEquals(asList("g1", "g2", "main woke"), log);
    assertEquals(20, nowMillis());
  }

  @Test
  void timersDueTogetherWakeAGreenletAndMainInDeadlineOrder() {
    Gevent.spawn(script(yield(() -> Gevent.sleep(10)), () -> log.add("g woke"),
        yield(() -> Gevent.sleep(0)), () -> log.add("g resumed")));
    Gevent.sleep(0);
    Gevent.sleep(10); // due with g's timer, scheduled after it
    log.add("main woke");
    Gevent.sleep(0);
    assertEquals(asList("g woke", "main woke", "g resumed"), log);
  }

  // ------------------------------------------------------------- 3. Event.await while notifying

  @Test
  void awaitOnASetEventQueuesBehindWaitersStillBeingWoken() {
    Event event = new Event();
    Greenlet<Void> w1 = script(yield(event::await), () -> log.add("w1")).start();
    Greenlet<Void> w2 = script(yield(event::await), () -> log.add("w2")).start();
    Gevent.sleep(0);
    Greenlet<String> y = logging(log, "y");
    Greenlet<Void> s = script(() -> {
      event.set();
      y.start();
    }, yield(event::await), () -> log.add("s")).start();
    Gevent.joinAll(w1, w2, s); // not y: joinAll would start it
    y.join();
    assertEquals(asList("w1", "w2", "s", "y"), log);
  }

  @Test
  void mainAwaitingAnEventItSetQueuesBehindTheWaiters() {
    Event event = new Event();
    script(yield(event::await), () -> log.add("w1")).start();
    script(yield(() -> event.await(1000)), () -> log.add("w2")).start();
    Gevent.sleep(0);
    event.set();
    assertTrue(event.await(5));
    log.add("main");
    assertEquals(asList("w1", "w2", "main"), log);
    assertTrue(event.await(), "nothing pending: at once");
    assertEquals(0, hub.readyCount());
  }

  // ------------------------------------------------------------- 4. priority hand-off

  @Test
  void aWaitingGetterOfAPriorityQueueReceivesTheSmallestItem() {
    PriorityQueue<Integer> queue = new PriorityQueue<>();
    Greenlet<Integer> getter = calling(queue::get).start();
    Gevent.sleep(0);
    queue.put(9);
    queue.put(0);
    assertEquals(0, (int) getter.get());
    assertEquals(9, (int) queue.getNowait());
  }

  @Test
  void putsFromAGreenletInOneTurnHandTheSmallestToEachGetterInArrivalOrder() {
    PriorityQueue<Integer> queue = new PriorityQueue<>();
    Greenlet<Integer> first = calling(queue::get).start();
    Greenlet<Integer> second = calling(queue::get).start();
    Gevent.sleep(0);
    script(() -> {
      queue.put(9);
      queue.put(5);
      queue.put(0);
    }).start();
    assertEquals(0, (int) first.get());
    assertEquals(5, (int) second.get());
    assertEquals(1, queue.size());
    queue.getNowait();
  }

  // ------------------------------------------------------------- 5. kill(exception), silent Timeout, linkValue/linkException

  @Test
  void killWithAnExceptionRaisesItAtTheSuspensionPoint() {
    Greenlet<Void> g = victim(log, 1000).start();
    Gevent.sleep(0);
    IllegalStateException stop = new IllegalStateException("stop");
    g.kill(stop);
    assertEquals(asList("v-start", "v-finally"), log);
    assertTrue(g.isDead());
    assertFalse(g.isSuccessful());
    assertSame(stop, g.exception());
    assertEquals(1, errorCount("failed with IllegalStateException"), errors());
    assertEquals(0, hub.timerCount());
  }

  @Test
  void killWithAnExceptionTheGreenletCatches() {
    Greenlet<String> g = Greenlet.of(new TestFrames.Frame<String>("catcher") {
      @Override
      protected Object resume$() throws Throwable {
        switch (state$) {
          case 0:
            prepare$();
            Gevent.sleep(1000);
            if (parked$(1)) {
              return SUSPEND;
            }
            // fall through
          case 1:
            try {
              if (resumed$()) {
                result$();
              }
              return "slept";
            } catch (IllegalArgumentException e) {
              caught$();
              return "caught " + e.getMessage();
            }
          default:
            throw new IllegalStateException();
        }
      }
    }).start();
    Gevent.sleep(0);
    g.killAsync(new IllegalArgumentException("x"));
    assertFalse(g.isDead(), "killAsync does not wait");
    assertEquals("caught x", g.get());
    assertNull(g.exception());
  }

  @Test
  void killWithAnExceptionBeforeStartFailsWithoutRunning() {
    Greenlet<String> g = logging(log, "ran").start();
    IllegalStateException stop = new IllegalStateException("stop");
    g.kill(stop);
    Gevent.sleep(0);
    assertTrue(log.isEmpty());
    assertSame(stop, g.exception());
    assertSame(stop, assertThrows(IllegalStateException.class, g::get));
    Greenlet<String> exited = logging(log, "ran").start();
    exited.kill(new GreenletExit());
    assertTrue(exited.isSuccessful(), "GreenletExit counts as success");
  }

  @Test
  void silentTimeoutLeavesItsBlockAndCodeGoesOnAfterIt() {
    try (Timeout timeout = Timeout.silent(30)) {
      assertTrue(timeout.isSilent());
      new Event().await();
      log.add("not reached");
    } catch (Timeout expired) {
      expired.rethrowUnlessSilent();
    }
    log.add("after");
    assertEquals(asList("after"), log);
    assertEquals(30, nowMillis());
  }

  @Test
  void nestedSilentTimeoutsEachSwallowOnlyTheirOwn() {
    try (Timeout outer = Timeout.silent(20)) {
      try (Timeout inner = Timeout.silent(50)) {
        Gevent.sleep(1000);
      } catch (Timeout expired) {
        expired.rethrowUnlessSilent(); // the outer one: passed on
      }
      log.add("not reached");
    } catch (Timeout expired) {
      expired.rethrowUnlessSilent();
    }
    assertTrue(log.isEmpty());
    assertEquals(20, nowMillis());
    Timeout ordinary = assertThrows(Timeout.class, () -> {
      try (Timeout outer = Timeout.startNew(10)) {
        try (Timeout inner = Timeout.silent(50)) {
          Gevent.sleep(1000);
        } catch (Timeout expired) {
          expired.rethrowUnlessSilent();
        }
      }
    });
    assertFalse(ordinary.isSilent());
    assertEquals(0, hub.timerCount());
  }

  @Test
  void silentTimeoutInAGreenletExitsAtTheSuspensionPoint() {
    // try (Timeout t = Timeout.silent(50)) { sleep(1000); log("woke"); }
    // catch (Timeout e) { e.rethrowUnlessSilent(); }  log("after"); return "done";
    Greenlet<String> g = Greenlet.of(new TestFrames.Frame<String>("silent") {
      private Timeout timeout;

      @Override
      protected Object resume$() throws Throwable {
        switch (state$) {
          case 0:
            timeout = Timeout.silent(50);
            prepare$();
            Gevent.sleep(1000);
            if (parked$(1)) {
              return SUSPEND;
            }
            // fall through
          case 1:
            try {
              try {
                if (resumed$()) {
                  result$();
                }
                log.add("woke");
              } finally {
                timeout.close();
              }
            } catch (Timeout expired) {
              caught$();
              expired.rethrowUnlessSilent();
            }
            log.add("after");
            return "done";
          default:
            throw new IllegalStateException();
        }
      }
    }).start();
    assertEquals("done", g.get());
    assertEquals(asList("after"), log);
    assertEquals(50, nowMillis());
    assertEquals(0, hub.timerCount());
  }

  @Test
  void linkValueAndLinkExceptionRunOnlyOnTheirOutcome() {
    Greenlet<String> ok = returning("f", "v");
    Greenlet<Object> failing = throwing(new IllegalStateException("boom"));
    ok.linkValue(x -> log.add("ok value"));
    ok.linkException(x -> log.add("ok exception"));
    failing.linkValue(x -> log.add("failing value"));
    failing.linkException(x -> log.add("failing exception " + x.exception().getMessage()));
    Consumer<Greenlet<String>> unlinked = x -> log.add("unlinked");
    ok.linkValue(unlinked);
    ok.unlink(unlinked);
    Gevent.joinAll(ok, failing);
    Gevent.sleep(0);
    assertEquals(asList("ok value", "failing exception boom"), log);
  }

  // ------------------------------------------------------------- 6. clamped deadlines

  @Test
  void sleepOfLongMaxValueBesideAShortSleep() {
    Greenlet<String> far = sleeper(log, "far", Long.MAX_VALUE).start();
    Greenlet<String> near = sleeper(log, "near", 10).start();
    near.join();
    assertEquals(asList("near"), log);
    assertEquals(10, nowMillis());
    far.kill();
    assertTrue(far.isDead());
  }

  @Test
  void overflowingDeadlinesSortLast() {
    hub.schedule(Long.MAX_VALUE, () -> log.add("max"));
    hub.schedule(10, () -> log.add("10"));
    Timeout timeout = Timeout.startNew(Long.MAX_VALUE);
    Gevent.sleep(20);
    assertEquals(asList("10"), log);
    assertTrue(timeout.pending(), "never fired");
    timeout.close();
    assertTrue(sleeper(log, "s", 5).start().join(Long.MAX_VALUE));
    assertTrue(hub.clock() instanceof Clock.VirtualClock);
    // near the end of time, a delay that overflows still sorts after a due timer
    hub.clock().awaitDeadline(Long.MAX_VALUE - 1000);
    hub.schedule(1, () -> log.add("overflowed"));
    hub.schedule(0, () -> log.add("due"));
    Gevent.waitIdle();
    assertEquals(asList("10", "s", "due", "max", "overflowed"), log);
  }

  @Test
  void deadlineArithmeticSaturates() {
    assertEquals(Long.MAX_VALUE, TimerWheel.deadline(1, Long.MAX_VALUE));
    assertEquals(Long.MAX_VALUE, TimerWheel.deadline(Long.MAX_VALUE - 5, 10));
    assertEquals(15, TimerWheel.deadline(5, 10));
    assertEquals(5, TimerWheel.deadline(5, -3), "negative delays count as 0");
    assertEquals(Long.MAX_VALUE, TimerWheel.remaining(Long.MAX_VALUE, -5));
    assertEquals(10, TimerWheel.remaining(5, -5));
    TimerWheel wheel = new TimerWheel(0);
    wheel.add(Long.MAX_VALUE, () -> { });
    wheel.add(-100, () -> { });
    assertEquals(-100, ((Timer) wheel.pollDue(0)).deadlineNanos());
    assertNull(wheel.pollDue(Long.MAX_VALUE - 1));
    assertEquals(Long.MAX_VALUE, ((Timer) wheel.pollDue(Long.MAX_VALUE)).deadlineNanos());
  }

  // ------------------------------------------------------------- 7. unstarted greenlets, null items

  @Test
  void joiningANeverStartedGreenletFromPlainCodeNamesIt() {
    Greenlet<Integer> g = returning("f", 1, 5);
    String pattern = "This operation would block forever: <Greenlet at 0x[0-9a-f]+: f\\(5\\)> was never started.*";
    LoopExit getting = assertThrows(LoopExit.class, g::get);
    assertTrue(getting.getMessage().matches(pattern), getting.getMessage());
    LoopExit joining = assertThrows(LoopExit.class, g::join);
    assertTrue(joining.getMessage().matches(pattern), joining.getMessage());
    assertFalse(g.isStarted());
    LoopExit other = assertThrows(LoopExit.class, () -> new Waiter<Void>().await());
    assertFalse(other.getMessage().contains("never started"), other.getMessage());
  }

  @Test
  void queuesRefuseNullItems() {
    Queue<String> queue = new Queue<>(1);
    assertThrows(NullPointerException.class, () -> queue.put(null));
    assertThrows(NullPointerException.class, () -> queue.putNowait(null));
    queue.put("full");
    assertThrows(NullPointerException.class, () -> queue.put(null, 10), "before waiting");
    assertThrows(NullPointerException.class, () -> new Channel<String>().put(null));
    assertThrows(NullPointerException.class, () -> new PriorityQueue<String>().put(null));
    assertEquals(1, queue.size());
    assertEquals(0, nowMillis(), "nothing waited");
    queue.getNowait();
  }
}
