package io.gevent4j.hubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Timeout;
import io.gevent4j.testing.Frames;
import io.gevent4j.threadpool.Futures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A group of hubs and the cross-hub primitives, under contention from greenlets of several hubs
 * and plain threads. Bounded: every wait is a join or a future with a timeout, never a sleep.
 */
class HubsTest {
  private static final long SECONDS = 60;

  @Test
  void hubThreadsAreNamedAndSpawnOnTheChosenHub() throws Exception {
    try (Hubs hubs = Hubs.start(3)) {
      List<CompletableFuture<String>> names = hubs.spawnOnEach(i -> Frames.returning(Thread.currentThread().getName()));
      for (int i = 0; i < 3; i++) {
        assertEquals("gevent4j-hub-" + i, names.get(i).get(SECONDS, TimeUnit.SECONDS));
        assertEquals(i, hubs.indexOf(hubs.hub(i)));
      }
      assertEquals("gevent4j-hub-2", hubs.spawn(2, () -> Frames.returning(Thread.currentThread().getName())).get(SECONDS, TimeUnit.SECONDS));
      Set<String> roundRobin = new HashSet<>();
      for (int i = 0; i < 6; i++) {
        roundRobin.add(hubs.spawn(() -> Frames.returning(Thread.currentThread().getName())).get(SECONDS, TimeUnit.SECONDS));
      }
      assertEquals(3, roundRobin.size(), "round-robin reaches every hub");
      String dump = hubs.dump();
      for (int i = 0; i < 3; i++) {
        assertTrue(dump.contains("thread=gevent4j-hub-" + i), dump);
      }
    }
  }

  @Test
  void closeEndsEveryHubThread() {
    Hubs hubs = Hubs.start(2);
    hubs.close();
    assertFalse(hubs.hub(0).thread().isAlive());
    assertFalse(hubs.hub(1).thread().isAlive());
    assertThrows(IllegalArgumentException.class, () -> Hubs.start(0));
  }

  @Test
  void queueHandsEveryItemOverOnceBetweenHubsAndPlainThreads() throws Exception {
    int getters = 2_000;
    SharedQueue<Integer> queue = new SharedQueue<>();
    try (Hubs hubs = Hubs.start(2)) {
      List<CompletableFuture<Integer>> got = new ArrayList<>();
      for (int i = 0; i < getters; i++) {
        got.add(hubs.spawn(() -> Frames.calling(queue::get)));
      }
      Thread plainPutter = new Thread(() -> {
        for (int i = 0; i < getters / 2; i++) {
          queue.put(i);
        }
      });
      plainPutter.start();
      for (int i = getters / 2; i < getters; i++) {
        int n = i;
        hubs.hub(i % 2).submit(() -> queue.put(n));
      }
      plainPutter.join(SECONDS * 1000);
      long sum = 0;
      for (CompletableFuture<Integer> value : got) {
        sum += value.get(SECONDS, TimeUnit.SECONDS);
      }
      assertEquals((long) getters * (getters - 1) / 2, sum, "each item reached exactly one getter");
      assertEquals(0, queue.size());
    }
  }

  @Test
  void aPlainThreadWaitsForAnItemPutOnAHub() throws Exception {
    SharedQueue<String> queue = new SharedQueue<>();
    try (Hubs hubs = Hubs.start(1)) {
      CompletableFuture<String> got = new CompletableFuture<>();
      Thread plain = new Thread(() -> got.complete(queue.get()));
      plain.start();
      hubs.hub(0).submit(() -> queue.put("from hub"));
      assertEquals("from hub", got.get(SECONDS, TimeUnit.SECONDS));
      plain.join(SECONDS * 1000);
    }
  }

  @Test
  void itemsOfGettersThatGaveUpGoBackToTheQueue() throws Exception {
    int rounds = 500;
    SharedQueue<Integer> queue = new SharedQueue<>();
    try (Hubs hubs = Hubs.start(2)) {
      hubs.hub(0).setErrorStream(null);
      hubs.hub(1).setErrorStream(null);
      List<CompletableFuture<Integer>> got = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        got.add(hubs.spawn(() -> Frames.calling(() -> queue.get(1))));
        queue.put(i);
      }
      long received = 0;
      for (CompletableFuture<Integer> value : got) {
        try {
          received += value.get(SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          assertTrue(e.getCause() instanceof Timeout, e.toString());
        }
      }
      hubs.close();
      long left = 0;
      for (Integer item = queue.poll(); item != null; item = queue.poll()) {
        left += item;
      }
      assertEquals((long) rounds * (rounds - 1) / 2, received + left, "no item lost to a timed-out getter");
    }
  }

  @Test
  void eventWakesWaitersOnEveryHubAndPlainThreads() throws Exception {
    SharedEvent event = new SharedEvent();
    try (Hubs hubs = Hubs.start(2)) {
      List<CompletableFuture<Boolean>> woken = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        woken.add(hubs.spawn(() -> Frames.calling(event::await)));
      }
      CompletableFuture<Boolean> plain = new CompletableFuture<>();
      Thread waiter = new Thread(() -> plain.complete(event.await()));
      waiter.start();
      assertFalse(hubs.spawn(0, () -> Frames.calling(() -> event.await(1))).get(SECONDS, TimeUnit.SECONDS));
      new Thread(event::set).start();
      for (CompletableFuture<Boolean> flag : woken) {
        assertTrue(flag.get(SECONDS, TimeUnit.SECONDS));
      }
      assertTrue(plain.get(SECONDS, TimeUnit.SECONDS));
      assertTrue(hubs.spawn(1, () -> Frames.calling(event::await)).get(SECONDS, TimeUnit.SECONDS), "set: returns at once");
      event.clear();
      assertFalse(event.isSet());
      waiter.join(SECONDS * 1000);
    }
  }

  @Test
  void resultReachesWaitersOnOtherHubsOnce() throws Exception {
    SharedResult<String> result = new SharedResult<>();
    SharedResult<String> failed = new SharedResult<>();
    try (Hubs hubs = Hubs.start(2)) {
      List<CompletableFuture<String>> values = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        values.add(hubs.spawn(() -> Frames.calling(result::get)));
      }
      hubs.hub(1).setErrorStream(null);
      CompletableFuture<String> failure = hubs.spawn(1, () -> Frames.calling(failed::get));
      hubs.spawn(0, () -> Frames.calling(() -> result.set("v") + "")).get(SECONDS, TimeUnit.SECONDS);
      assertFalse(result.set("again"));
      for (CompletableFuture<String> value : values) {
        assertEquals("v", value.get(SECONDS, TimeUnit.SECONDS));
      }
      assertEquals("v", result.get(), "plain code: set already");
      failed.setException(new IllegalStateException("boom"));
      ExecutionException e = assertThrows(ExecutionException.class, () -> failure.get(SECONDS, TimeUnit.SECONDS));
      assertEquals("boom", e.getCause().getMessage());
      assertThrows(Timeout.class, () -> new SharedResult<String>().get(1));
    }
  }

  @Test
  void aGreenletAwaitsAFutureOfAGreenletOnAnotherHub() throws Exception {
    try (Hubs hubs = Hubs.start(2)) {
      CompletableFuture<String> answer = hubs.spawn(0, () -> Frames.calling(() ->
          Futures.await(hubs.spawn(1, () -> Frames.returning(Thread.currentThread().getName())))));
      assertEquals("gevent4j-hub-1", answer.get(SECONDS, TimeUnit.SECONDS));
    }
  }
}
