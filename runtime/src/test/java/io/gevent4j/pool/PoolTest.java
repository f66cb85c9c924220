package io.gevent4j.pool;

import static io.gevent4j.testing.Frames.sleeper;
import static io.gevent4j.testing.Frames.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.testing.Frames;
import io.gevent4j.testing.VirtualHubTestSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * {@link Group} and {@link Pool} (gevent's test__pool.py and test__group.py); public API only,
 * through {@link io.gevent4j.testing} (the io.gevent4j test helpers are package-private). Virtual
 * time; the hub is empty after each test.
 */
class PoolTest extends VirtualHubTestSupport {
  @Test
  void poolMapKeepsOrderAndLimitsConcurrency() {
    Pool pool = new Pool(2);
    int[] running = {0};
    int[] peak = {0};
    List<Integer> squares = pool.map(Arrays.asList(0, 1, 2, 3, 4), n -> steps(() -> peak[0] = Math.max(peak[0], ++running[0]), () -> {
      Gevent.sleep(10 * (5 - n));
      return null;
    }, ignored -> {
      running[0]--;
      return n * n;
    }));
    assertEquals(Arrays.asList(0, 1, 4, 9, 16), squares);
    assertEquals(2, peak[0]);
  }

  /** A greenlet that sleeps {@code n * 10} ms and returns {@code n}, or fails if {@code n} is negative. */
  private static Greenlet<Integer> after(int n) {
    return steps(() -> { }, () -> {
      Gevent.sleep(Math.abs(n) * 10);
      return null;
    }, ignored -> {
      if (n < 0) {
        throw new IllegalStateException("failed " + n);
      }
      return n;
    });
  }

  @Test
  void imapUnorderedStreamsResultsInCompletionOrder() {
    Pool pool = new Pool(5);
    MapResults<Integer> results = pool.imapUnordered(Arrays.asList(3, 1, 2), PoolTest::after);
    List<String> read = new ArrayList<>();
    while (results.hasNext()) {
      int n = results.next();
      read.add(n + "@" + nowMillis());
    }
    assertEquals(Arrays.asList("1@10", "2@20", "3@30"), read, "each result is read as soon as it is done");
    assertThrows(NoSuchElementException.class, results::next);
  }

  @Test
  void imapKeepsInputOrderAndReadsEachAsSoonAsItsTurnIsDone() {
    Pool pool = new Pool(5);
    MapResults<Integer> results = pool.imap(Arrays.asList(2, 1, 4, 3), PoolTest::after);
    List<String> read = new ArrayList<>();
    while (results.hasNext()) {
      int n = results.next();
      read.add(n + "@" + nowMillis());
    }
    assertEquals(Arrays.asList("2@20", "1@20", "4@40", "3@40"), read);
  }

  @Test
  void imapLimitsConcurrencyToThePoolSize() {
    Pool pool = new Pool(2);
    MapResults<Integer> results = pool.imap(Arrays.asList(1, 1, 1, 1), PoolTest::after);
    assertEquals(2, pool.size(), "two started, two wait for a slot");
    int sum = 0;
    while (results.hasNext()) {
      sum += results.next();
    }
    assertEquals(4, sum);
    assertEquals(20, nowMillis(), "two rounds of two");
  }

  @Test
  void aFailureIsThrownWhereItIsReadAndTheOthersCanStillBeRead() {
    Pool pool = new Pool(5);
    MapResults<Integer> unordered = pool.imapUnordered(Arrays.asList(3, -1, 2), PoolTest::after);
    IllegalStateException failure = assertThrows(IllegalStateException.class, unordered::next);
    assertEquals("failed -1", failure.getMessage());
    assertEquals(10, nowMillis());
    assertEquals(2, (int) unordered.next());
    assertEquals(3, (int) unordered.next());
    assertFalse(unordered.hasNext());

    MapResults<Integer> ordered = pool.imap(Arrays.asList(1, -2, 3), PoolTest::after);
    assertEquals(1, (int) ordered.next());
    assertThrows(IllegalStateException.class, ordered::next);
    assertEquals(3, (int) ordered.next());
  }

  @Test
  void aFunctionThatThrowsIsThatInputsFailureEvenWhenItsStartWasDeferred() {
    Pool pool = new Pool(1);
    MapResults<Integer> results = pool.imap(Arrays.asList(1, 2, 3), n -> {
      if (n == 2) {
        throw new IllegalArgumentException("no greenlet for " + n);
      }
      return after(n);
    });
    assertEquals(1, (int) results.next());
    assertEquals("no greenlet for 2", assertThrows(IllegalArgumentException.class, results::next).getMessage());
    assertEquals(3, (int) results.next());
    assertFalse(results.hasNext());
    assertEquals(0, pool.size());
  }

  @Test
  void oneReaderAtATime() {
    Pool pool = new Pool(2);
    MapResults<Integer> results = pool.imapUnordered(Arrays.asList(1, 2), PoolTest::after);
    Greenlet<Integer> first = Frames.calling(results::next).start();
    Greenlet<Integer> second = Frames.calling(results::next).start();
    second.join();
    assertTrue(second.exception() instanceof IllegalStateException, String.valueOf(second.exception()));
    assertEquals(1, (int) first.get());
    assertEquals(2, (int) results.next());
  }

  @Test
  void aFunctionThatThrowsFailsTheMapAndLeavesThePoolFree() {
    Pool pool = new Pool(1);
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> pool.map(Arrays.asList(1, 2), n -> {
      if (n == 2) {
        throw new IllegalArgumentException("no greenlet for " + n);
      }
      return after(n);
    }));
    assertEquals("no greenlet for 2", failure.getMessage());
    pool.join();
    assertTrue(pool.spawn(after(1)).join(100), "the pool still grants slots");
  }

  @Test
  void imapOfNothingHasNoResults() {
    assertFalse(new Pool(1).imap(Arrays.<Integer>asList(), PoolTest::after).hasNext());
  }

  @Test
  void poolSpawnWaitsForAFreeSlot() {
    Pool pool = new Pool(1);
    pool.spawn(sleeper(log, "first", 20));
    pool.spawn(sleeper(log, "second", 20));
    assertEquals(20, nowMillis(), "the second spawn waited for the first to finish");
    pool.join();
    assertEquals(0, pool.size());
  }

  @Test
  void groupJoinAndKill() {
    Group group = new Group();
    group.spawn(sleeper(log, "short", 10));
    Greenlet<String> longer = group.spawn(sleeper(log, "long", 1000));
    assertFalse(group.join(50));
    assertTrue(group.contains(longer));
    group.kill();
    assertTrue(longer.isDead());
    assertEquals(0, group.size());
    assertTrue(group.join(0));
  }

  // ---------------------------------------------------------------- Group.add, discard, killOne

  @Test
  void addTakesAGreenletInWithoutStartingIt() {
    Group group = new Group();
    Greenlet<String> member = sleeper(log, "member", 10);
    assertSame(member, group.add(member));
    assertFalse(member.isStarted(), "add does not start");
    assertTrue(group.contains(member));
    assertEquals(1, group.size());
    assertSame(member, group.add(member));
    assertEquals(1, group.size(), "adding twice");
    assertFalse(group.join(0), "a member is alive");
    member.start();
    group.join();
    assertEquals(10, nowMillis());
    assertFalse(group.contains(member), "it left when it died");
    assertEquals(0, group.size());
    group.add(member);
    assertFalse(group.contains(member), "a dead greenlet is not added");
  }

  @Test
  void discardRemovesAMemberThatKeepsRunning() {
    Group group = new Group();
    Greenlet<String> member = group.spawn(sleeper(log, "member", 30));
    Greenlet<String> other = group.spawn(sleeper(log, "other", 10));
    group.discard(member);
    assertFalse(group.contains(member));
    assertEquals(1, group.size());
    group.discard(member); // not a member: nothing
    group.join();
    assertEquals(10, nowMillis(), "the join did not wait for the discarded greenlet");
    assertTrue(other.isDead());
    assertFalse(member.isDead(), "it keeps running");
    member.join();
    assertEquals(Arrays.asList("other", "member"), log);
  }

  @Test
  void killOneKillsAMemberAndWaitsForIt() {
    Group group = new Group();
    Greenlet<String> victim = group.spawn(sleeper(log, "victim", 1000));
    Greenlet<String> survivor = group.spawn(sleeper(log, "survivor", 20));
    Gevent.sleep(0);
    group.killOne(victim);
    assertTrue(victim.isDead());
    assertTrue(victim.isSuccessful(), "killed by GreenletExit");
    assertFalse(group.contains(victim));
    assertTrue(group.contains(survivor));
    group.join();
    assertEquals(Arrays.asList("survivor"), log);
    assertEquals(20, nowMillis());
  }

  // ---------------------------------------------------------------- Pool.freeCount, isFull, waitAvailable

  @Test
  void freeCountAndIsFullFollowTheRunningGreenlets() {
    assertThrows(IllegalArgumentException.class, () -> new Pool(0));
    Pool pool = new Pool(2);
    assertEquals(2, pool.freeCount());
    assertFalse(pool.isFull());
    pool.spawn(sleeper(log, "a", 10));
    assertEquals(1, pool.freeCount());
    pool.spawn(sleeper(log, "b", 20));
    assertEquals(0, pool.freeCount());
    assertTrue(pool.isFull());
    pool.join();
    assertEquals(2, pool.freeCount());
    assertFalse(pool.isFull());
  }

  @Test
  void waitAvailableWaitsForAFreeSlotWithoutTakingIt() {
    Pool pool = new Pool(1);
    pool.waitAvailable();
    assertEquals(0, nowMillis(), "a free slot: no wait");
    pool.spawn(sleeper(log, "first", 20));
    pool.waitAvailable();
    assertEquals(20, nowMillis());
    assertEquals(1, pool.freeCount(), "the slot is still free");
    assertEquals(Arrays.asList("first"), log);
    Greenlet<Object> waiting = Frames.step(log, "available", pool::waitAvailable);
    pool.spawn(sleeper(log, "second", 10));
    waiting.start();
    Gevent.sleep(0);
    assertEquals(1, log.size(), "the greenlet waits for the slot");
    waiting.join();
    assertEquals(30, nowMillis());
    assertEquals(Arrays.asList("first", "second", "available"), log);
  }
}
