package io.gevent4j;

import static io.gevent4j.TestFrames.calling;
import static io.gevent4j.TestFrames.logging;
import static io.gevent4j.TestFrames.returning;
import static io.gevent4j.TestFrames.sleeper;
import static io.gevent4j.TestFrames.stepper;
import static io.gevent4j.TestFrames.throwing;
import static io.gevent4j.TestFrames.victim;
import static java.util.Arrays.asList;
import static java.util.Collections.singletonList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Greenlet lifecycle: flags, join/get, failures, kill, links and toString (GEVENT-NOTES S5, S7, S10, S11, S13). */
class GreenletTest extends HubTestSupport {

  /** isStarted / isDead / isReady / isSuccessful, in that order. */
  private static String flags(Greenlet<?> g) {
    return (g.isStarted() ? "T" : "F") + (g.isDead() ? "T" : "F") + (g.isReady() ? "T" : "F")
        + (g.isSuccessful() ? "T" : "F");
  }

  @Test
  void flagsFollowGeventsTable() {
    Greenlet<String> g = returning("f", "done", 5);
    assertEquals("FFFF", flags(g), "unstarted");
    g.start();
    assertEquals("TFFF", flags(g), "after start");
    g.join();
    assertEquals("FTTT", flags(g), "finished");
    assertEquals("done", g.value());
    assertNull(g.exception());
  }

  @Test
  void flagsOfAFailedGreenlet() {
    IllegalStateException boom = new IllegalStateException("boom");
    Greenlet<Object> g = throwing(boom).start();
    g.join();
    assertEquals("FTTF", flags(g));
    assertNull(g.value());
    assertSame(boom, g.exception());
  }

  @Test
  void aSuspendedGreenletIsStartedButNotReady() {
    Greenlet<String> g = sleeper(log, "a", 10).start();
    Gevent.sleep(0);
    assertEquals("TFFF", flags(g));
    g.join();
    assertEquals("FTTT", flags(g));
  }

  @Test
  void secondStartIsANoOp() {
    Greenlet<String> g = logging(log, "ran");
    assertSame(g, g.start());
    assertSame(g, g.start());
    g.join();
    g.start();
    Gevent.sleep(0);
    assertEquals(singletonList("ran"), log);
    assertTrue(g.isDead());
  }

  @Test
  void joinReturnsAtOnceForADeadGreenlet() {
    Greenlet<String> g = sleeper(log, "a", 10).start();
    g.join();
    long finishedAt = nowMillis();
    g.join();
    assertTrue(g.join(0));
    assertEquals(finishedAt, nowMillis());
  }

  @Test
  void joinWithTimeoutReturnsFalseThenTrue() {
    Greenlet<String> g = sleeper(log, "slow", 100).start();
    assertFalse(g.join(50));
    assertFalse(g.isDead());
    assertEquals(50, nowMillis());
    assertEquals(1, hub.timerCount(), "the join timer is gone, the sleep timer is left");
    assertTrue(g.join(100));
    assertEquals(100, nowMillis(), "returned when the greenlet died, not at the timeout");
    assertEquals(0, hub.timerCount(), "the join timer was cancelled");
  }

  @Test
  void getReturnsTheValue() {
    assertEquals("v", returning("f", "v").start().get());
    assertEquals("a", sleeper(log, "a", 10).start().get());
  }

  @Test
  void getStartsNothingButWaits() {
    Greenlet<String> g = sleeper(log, "a", 10);
    g.start();
    assertEquals("a", g.get());
    assertEquals("a", g.get(), "get on a dead greenlet returns the value again");
  }

  @Test
  void getRethrowsAnUncheckedExceptionAsItIs() {
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    Greenlet<Object> g = throwing(boom).start();
    assertSame(boom, assertThrows(IllegalArgumentException.class, g::get), "while waiting");
    assertSame(boom, assertThrows(IllegalArgumentException.class, g::get), "once dead");
  }

  @Test
  void getRethrowsAnErrorAsItIs() {
    AssertionError boom = new AssertionError("boom");
    Greenlet<Object> g = throwing(boom).start();
    assertSame(boom, assertThrows(AssertionError.class, g::get), "while waiting");
    assertSame(boom, assertThrows(AssertionError.class, g::get), "once dead");
  }

  @Test
  void getWrapsACheckedExceptionInGreenletFailedException() {
    IOException boom = new IOException("boom");
    Greenlet<Object> g = throwing(boom).start();
    GreenletFailedException waiting = assertThrows(GreenletFailedException.class, g::get);
    assertSame(boom, waiting.getCause());
    assertTrue(waiting.getMessage().contains(g.toString()), waiting.getMessage());
    assertSame(boom, assertThrows(GreenletFailedException.class, g::get).getCause(), "once dead");
  }

  @Test
  void getInsideAGreenletDeliversTheValueOrTheFailure() {
    Greenlet<String> slow = sleeper(log, "slow", 10).start();
    Greenlet<Object> failing = throwing(new IllegalStateException("boom")).start();
    Greenlet<String> waitsForSlow = calling(slow::get).start();
    Greenlet<Object> waitsForFailing = calling(failing::get).start();
    assertEquals("slow", waitsForSlow.get());
    waitsForFailing.join();
    assertSame(failing.exception(), waitsForFailing.exception());
    assertEquals(2, errorCount("failed with IllegalStateException"), "each greenlet reports its own failure once");
  }

  @Test
  void aFailureIsReportedOnceAndOthersFinish() {
    Greenlet<String> before = stepper(log, "1", 0, 2).start();
    Greenlet<Object> failing = throwing(new IllegalStateException("boom")).start();
    Greenlet<String> after = stepper(log, "2", 0, 2).start();
    Gevent.joinAll(before, failing, after);
    failing.join();
    failing.join(10);
    assertEquals(asList("1A", "2A", "1B", "2B"), log);
    assertTrue(before.isSuccessful() && after.isSuccessful());
    assertEquals(1, errorCount("failed with IllegalStateException"), errors());
    assertTrue(errors().contains(failing + " failed with IllegalStateException"), errors());
    assertTrue(errors().contains("java.lang.IllegalStateException: boom"), "the stack trace is printed");
  }

  @Test
  void aNullErrorStreamDisablesReports() {
    hub.setErrorStream(null);
    throwing(new IllegalStateException("quiet")).start().join();
    assertEquals("", errors());
  }

  @Test
  void killBeforeStartNeverRunsTheBody() {
    Greenlet<String> g = logging(log, "ran").start();
    g.kill();
    Gevent.sleep(0);
    assertEquals(Collections.<String>emptyList(), log);
    assertEquals("FTTT", flags(g));
    assertNull(g.value());
    assertNull(g.exception());
  }

  @Test
  void killOfAnUnstartedGreenletLeavesNothingScheduled() {
    Greenlet<String> g = logging(log, "ran").start();
    g.kill();
    assertTrue(hub.isEmpty(), "the cancelled start is not left in the run queue: " + hub);
  }

  @Test
  void killBeforeAStartLaterCancelsItsTimer() {
    Greenlet<String> g = Gevent.spawnLater(50, logging(log, "ran"));
    g.kill();
    assertTrue(g.isDead());
    assertEquals(0, hub.timerCount(), "the start timer is cancelled");
  }

  @Test
  void killOfASuspendedGreenletRunsItsFinallyAtTheSuspensionPoint() {
    Greenlet<Void> g = victim(log, 1000).start();
    Gevent.sleep(0);
    assertEquals(singletonList("v-start"), log);
    g.kill();
    assertEquals(asList("v-start", "v-caught GreenletExit", "v-finally"), log);
    assertEquals("FTTT", flags(g));
    assertNull(g.exception());
    assertEquals(0, hub.timerCount(), "the sleep timer is cancelled");
    assertEquals(0, nowMillis(), "no time passed");
    assertEquals("", errors(), "a kill is not reported as a failure");
  }

  @Test
  void killAsyncReturnsBeforeTheFinallyRuns() {
    Greenlet<Void> g = victim(log, 1000).start();
    Gevent.sleep(0);
    g.killAsync();
    assertEquals(singletonList("v-start"), log);
    Gevent.sleep(0);
    assertEquals(asList("v-start", "v-caught GreenletExit", "v-finally"), log);
  }

  @Test
  void repeatedKillsAreHarmless() {
    Greenlet<Void> g = victim(log, 1000).start();
    Gevent.sleep(0);
    g.killAsync();
    g.killAsync();
    g.kill();
    g.kill();
    assertEquals(asList("v-start", "v-caught GreenletExit", "v-finally"), log);
  }

  @Test
  void killFromAnotherGreenletWaitsForTheVictim() {
    Greenlet<Void> victim = victim(log, 1000).start();
    Greenlet<Object> killer = calling(() -> {
      victim.kill();
      return null;
    }).start();
    killer.join();
    assertTrue(killer.isSuccessful());
    assertTrue(victim.isDead());
    assertEquals(asList("v-start", "v-caught GreenletExit", "v-finally"), log);
  }

  @Test
  void killOfAGreenletThatYieldedWithSleepZero() {
    Greenlet<String> g = stepper(log, "s", 0, 100).start();
    Gevent.sleep(0);
    Gevent.sleep(0);
    g.kill();
    assertEquals(singletonList("sA"), log, "no further step ran");
    assertTrue(g.isSuccessful());
  }

  @Test
  void aGreenletKillingItselfEndsSuccessfully() {
    Greenlet<Object> g = calling(() -> {
      Gevent.getCurrent().kill();
      log.add("not reached");
      return null;
    }).start();
    g.join();
    assertEquals("FTTT", flags(g));
    assertEquals(Collections.<String>emptyList(), log);
  }

  @Test
  void greenletExitIsAnErrorNotAnException() {
    assertFalse(Exception.class.isAssignableFrom(GreenletExit.class));
    assertInstanceOf(Error.class, new GreenletExit());
  }

  @Test
  void linksRunInRegistrationOrderWhenTheGreenletDies() {
    Greenlet<String> g = sleeper(log, "g", 10).start();
    g.link(x -> log.add("link1 " + x.value()));
    g.link(x -> log.add("link2"));
    g.join();
    assertEquals(asList("g", "link1 g", "link2"), log);
  }

  @Test
  void aLinkAddedAfterDeathRunsInALaterTurn() {
    Greenlet<String> g = returning("f", "v").start();
    g.join();
    g.link(x -> log.add("late"));
    assertEquals(Collections.<String>emptyList(), log, "not synchronously");
    Gevent.sleep(0);
    assertEquals(singletonList("late"), log);
  }

  @Test
  void aThrowingLinkDoesNotStopTheOthers() {
    Greenlet<String> g = sleeper(log, "g", 10).start();
    g.link(x -> log.add("first"));
    g.link(x -> {
      throw new IllegalStateException("bad link");
    });
    g.link(x -> log.add("third"));
    g.join();
    assertEquals(asList("g", "first", "third"), log);
    assertTrue(g.isSuccessful());
    assertEquals(1, errorCount("bad link"), errors());
  }

  @Test
  void unlinkedCallbacksDoNotRun() {
    Greenlet<String> g = sleeper(log, "g", 10).start();
    java.util.function.Consumer<Greenlet<String>> link = x -> log.add("unlinked");
    g.link(link);
    g.unlink(link);
    g.join();
    assertEquals(singletonList("g"), log);
  }

  @Test
  void linksFireForAGreenletKilledBeforeStart() {
    Greenlet<String> g = logging(log, "ran").start();
    g.link(x -> log.add("linked"));
    g.kill();
    Gevent.sleep(0);
    assertEquals(singletonList("linked"), log);
  }

  @Test
  void toStringLooksLikeGevents() {
    Greenlet<Integer> g = returning("f", 1, 5);
    assertTrue(g.toString().matches("<Greenlet at 0x[0-9a-f]+: f\\(5\\)>"), g.toString());
    assertTrue(returning("g", 1, "x").toString().matches("<Greenlet at 0x[0-9a-f]+: g\\('x'\\)>"));
    assertTrue(returning("h", 1, 'c', 2L, null).toString().endsWith(": h('c', 2, null)>"));
    assertTrue(returning("none", 1).toString().endsWith(": none()>"));
  }

  @Test
  void toStringCutsLongArgumentsAt50AndStaysTheSame() {
    StringBuilder longText = new StringBuilder();
    for (int i = 0; i < 80; i++) {
      longText.append('x');
    }
    Greenlet<Integer> g = returning("f", 1, longText.toString());
    String shown = g.toString();
    assertTrue(shown.endsWith(": f('" + longText.substring(0, 49) + ")>"), shown);
    g.start().join();
    assertEquals(shown, g.toString(), "formatted once");
  }

  @Test
  void getCurrentIsTheRunningGreenletOrMain() {
    Greenlet<?> main = Gevent.getCurrent();
    assertTrue(main.toString().matches("<Greenlet \"main\" at 0x[0-9a-f]+>"), main.toString());
    assertSame(main, Gevent.getCurrent());
    Greenlet<?>[] seen = new Greenlet<?>[1];
    Greenlet<String> g = Greenlet.of(new TestFrames.Frame<String>("who") {
      @Override
      protected Object resume$() {
        seen[0] = Gevent.getCurrent();
        return "done";
      }
    });
    g.start().join();
    assertSame(g, seen[0]);
  }

  @Test
  void startLaterRunsTheGreenletOnceTheDelayHasPassed() {
    Greenlet<String> g = logging(log, "ran");
    assertSame(g, g.startLater(30));
    assertTrue(g.isStarted());
    assertEquals(1, hub.timerCount());
    assertSame(g, g.startLater(5), "a second call does nothing");
    assertSame(g, g.start(), "neither does start()");
    assertEquals(1, hub.timerCount());
    Gevent.sleep(20);
    assertTrue(log.isEmpty(), "not yet");
    assertEquals("ran", g.get());
    assertEquals(30, nowMillis());
    assertEquals(singletonList("ran"), log);
    Greenlet<String> dead = g.startLater(10);
    assertSame(g, dead);
    assertEquals(0, hub.timerCount(), "a dead greenlet does not start again");
  }

  @Test
  void theReprNamesTheGreenletsOwnCallWhileItIsNestedDeepAndOnceItIsDead() {
    Greenlet<Integer> deep = TestFrames.depthYieldingAtTheBottom(5).start();
    Gevent.sleep(0);
    assertTrue(deep.toString().endsWith(": depth(5)>"), "suspended five calls deep: " + deep);
    assertEquals(5, deep.get());
    Greenlet<Integer> dead = TestFrames.depthYieldingAtTheBottom(3).start();
    assertEquals(3, dead.get());
    assertTrue(dead.toString().endsWith(": depth(3)>"), "first formatted once dead: " + dead);
    assertEquals(hub + "\n", hub.dump(), "a dead greenlet is not in the dump");
  }

  @Test
  void linksAddedBeforeAndAfterTheReprIsFormattedAllRunInOrder() {
    java.util.List<String> log = new java.util.ArrayList<>();
    Greenlet<String> g = sleeper(log, "a", 5).start();
    g.link(x -> log.add("first"));
    String repr = g.toString();
    g.link(x -> log.add("second"));
    java.util.function.Consumer<Greenlet<String>> removed = x -> log.add("removed");
    g.link(removed);
    g.unlink(removed);
    g.join();
    Gevent.sleep(0);
    assertEquals(asList("a", "first", "second"), log);
    assertEquals(repr, g.toString());
  }

  @Test
  void aGreenletIsSevenReferencesOneLongAndSevenFlags() {
    // 56 bytes with compressed oops (12-byte header): issue 16's budget per greenlet
    int references = 0;
    int longs = 0;
    int flags = 0;
    for (Class<?> type = Greenlet.class; type != Object.class; type = type.getSuperclass()) {
      for (java.lang.reflect.Field field : type.getDeclaredFields()) {
        if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Class<?> kind = field.getType();
        if (!kind.isPrimitive()) {
          references++;
        } else if (kind == long.class) {
          longs++;
        } else {
          assertTrue(kind == boolean.class || kind == byte.class, field.toString());
          flags++;
        }
      }
    }
    assertEquals(asList(7, 1, 7), asList(references, longs, flags), "references, longs, one-byte flags");
  }
}
