package io.gevent4j;

import static io.gevent4j.TestFrames.logging;
import static io.gevent4j.TestFrames.sleeper;
import static io.gevent4j.TestFrames.stepper;
import static io.gevent4j.TestFrames.victim;
import static java.util.Arrays.asList;
import static java.util.Collections.singletonList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gevent facade: lazy spawn, FIFO scheduling, timers, spawnLater, joinAll and killAll (GEVENT-NOTES S1, S2, S4, S7, S8). */
class GeventTest extends HubTestSupport {

  @Test
  void spawnIsLazyUntilMainWaits() {
    Greenlet<String> child = Gevent.spawn(logging(log, "child"));
    log.add("parent-continues");
    assertEquals(singletonList("parent-continues"), log);
    assertTrue(child.isStarted());
    child.join();
    assertEquals(asList("parent-continues", "child"), log);
  }

  @Test
  void spawnReturnsTheSameGreenlet() {
    Greenlet<String> g = logging(log, "x");
    assertSame(g, Gevent.spawn(g));
    g.join();
  }

  @Test
  void sleepZeroFromMainRunsEveryReadyGreenletOnce() {
    Gevent.spawn(stepper(log, "1", 0, 2));
    Gevent.spawn(stepper(log, "2", 0, 2));
    Gevent.sleep(0);
    assertEquals(Collections.<String>emptyList(), log, "both yielded once before logging");
    Gevent.sleep(0);
    assertEquals(asList("1A", "2A"), log);
    Gevent.sleep(0);
    assertEquals(asList("1A", "2A", "1B", "2B"), log);
  }

  @Test
  void sleepZeroIsFifoRoundRobin() {
    Gevent.joinAll(stepper(log, "1", 0, 2), stepper(log, "2", 0, 2));
    assertEquals("1A 2A 1B 2B", String.join(" ", log));
  }

  @Test
  void fourWorkersInterleaveInSpawnOrder() {
    List<Greenlet<String>> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      workers.add(stepper(log, "w" + i, 0, 2));
    }
    Gevent.joinAll(workers);
    assertEquals(asList("w0A", "w1A", "w2A", "w3A", "w0B", "w1B", "w2B", "w3B"), log);
  }

  @Test
  void timersFireInDeadlineOrder() {
    Gevent.joinAll(sleeper(log, "c", 30), sleeper(log, "a", 10), sleeper(log, "b", 20));
    assertEquals(asList("a", "b", "c"), log);
    assertEquals(30, nowMillis(), "virtual time jumped straight to the last deadline");
  }

  @Test
  void equalDeadlinesFireInSchedulingOrder() {
    List<Greenlet<String>> sleepers = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sleepers.add(sleeper(log, "s" + i, 10));
      expected.add("s" + i);
    }
    Gevent.joinAll(sleepers);
    assertEquals(expected, log);
  }

  @Test
  void sleepFromMainRunsTheHubMeanwhile() {
    Gevent.spawn(sleeper(log, "during", 10));
    Gevent.spawn(sleeper(log, "after", 90));
    Gevent.sleep(50);
    assertEquals(singletonList("during"), log);
    assertEquals(50, nowMillis(), "returned at its own deadline, not the next one");
    Gevent.sleep(50);
    assertEquals(asList("during", "after"), log);
    assertEquals(100, nowMillis());
  }

  @Test
  void spawnLaterStartsFromATimer() {
    Greenlet<String> later20 = Gevent.spawnLater(20, logging(log, "later-20"));
    Greenlet<String> later10 = Gevent.spawnLater(10, logging(log, "later-10"));
    Greenlet<String> now = Gevent.spawn(logging(log, "now"));
    assertTrue(later20.isStarted());
    Gevent.joinAll(later20, later10, now);
    assertEquals(asList("now", "later-10", "later-20"), log);
    assertEquals(20, nowMillis());
  }

  @Test
  void joinAllReturnsCompletionOrder() {
    Greenlet<String> slow = sleeper(log, "0", 30);
    Greenlet<String> fast = sleeper(log, "1", 10);
    assertEquals(asList(fast, slow), Gevent.joinAll(slow, fast));
  }

  @Test
  void joinAllStartsUnstartedGreenletsAndAcceptsDeadOnes() {
    Greenlet<String> dead = logging(log, "dead");
    dead.start().join();
    Greenlet<String> unstarted = logging(log, "unstarted");
    assertEquals(asList(dead, unstarted), Gevent.joinAll(dead, unstarted));
    assertEquals(asList("dead", "unstarted"), log);
  }

  @Test
  void joinAllOfNothingReturnsAtOnce() {
    assertEquals(Collections.emptyList(), Gevent.joinAll());
  }

  @Test
  void joinAllAllowsDuplicates() {
    Greenlet<String> g = sleeper(log, "g", 10);
    assertEquals(asList(g, g), Gevent.joinAll(g, g));
  }

  @Test
  void joinAllInsideAGreenlet() {
    Greenlet<String> a = sleeper(log, "a", 20);
    Greenlet<String> b = sleeper(log, "b", 10);
    Greenlet<List<Greenlet<?>>> waiter = TestFrames.calling(() -> Gevent.joinAll(a, b)).start();
    assertEquals(asList(b, a), waiter.get());
  }

  @Test
  void killAllKillsUnstartedAndSuspendedGreenlets() {
    Greenlet<Void> suspended = victim(log, 1000).start();
    Gevent.sleep(0);
    Greenlet<String> unstarted = logging(log, "never");
    Greenlet<String> scheduled = logging(log, "never-either").start();
    Gevent.killAll(suspended, unstarted, scheduled);
    assertEquals(asList("v-start", "v-caught GreenletExit", "v-finally"), log);
    assertTrue(suspended.isDead() && unstarted.isDead() && scheduled.isDead());
    assertTrue(suspended.isSuccessful() && unstarted.isSuccessful() && scheduled.isSuccessful());
    assertEquals(0, hub.timerCount());
  }

  @Test
  void sleepsOfManyGreenletsOverlap() {
    List<Greenlet<String>> sleepers = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      sleepers.add(sleeper(log, "s", 100));
    }
    Gevent.joinAll(sleepers);
    assertEquals(1000, log.size());
    assertEquals(100, nowMillis(), "all slept at the same time");
  }
}
