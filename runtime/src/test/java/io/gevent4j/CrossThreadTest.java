package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A hub on its own thread, fed by many threads at once: nothing is lost, every greenlet runs on
 * the hub's thread only. Bounded: futures are awaited with a timeout.
 */
class CrossThreadTest {
  private static final int THREADS = 8;
  private static final int SPAWNS_PER_THREAD = 2_000;

  @Test
  void manyThreadsSpawnOntoOneHubAndLoseNothing() throws Exception {
    Hub hub = Hub.startThread("stress-hub");
    try {
      int[] ranOnHub = {0};
      List<Thread> feeders = new ArrayList<>();
      List<CompletableFuture<Integer>> results = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < THREADS; t++) {
        int base = t * SPAWNS_PER_THREAD;
        Thread feeder = new Thread(() -> {
          for (int i = 0; i < SPAWNS_PER_THREAD; i++) {
            int n = base + i;
            results.add(hub.spawnFromAnyThread(() -> TestFrames.calling(() -> {
              ranOnHub[0]++;
              return n;
            })));
          }
        });
        feeders.add(feeder);
        feeder.start();
      }
      for (Thread feeder : feeders) {
        feeder.join(30_000);
      }
      long sum = 0;
      for (CompletableFuture<Integer> result : results) {
        sum += result.get(30, TimeUnit.SECONDS);
      }
      long total = (long) THREADS * SPAWNS_PER_THREAD;
      assertEquals(total, results.size());
      assertEquals(total * (total - 1) / 2, sum, "every greenlet ran exactly once");
      int ran = hub.spawnFromAnyThread(() -> TestFrames.returning("count", ranOnHub[0])).get(30, TimeUnit.SECONDS);
      assertEquals(total, ran, "counted on the hub thread without locks");
    } finally {
      hub.stop();
    }
  }

  @Test
  void wakeupsFromOtherThreadsAreNotLost() throws Exception {
    Hub hub = Hub.startThread("wakeup-hub");
    try {
      List<CompletableFuture<String>> results = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        int n = i;
        CompletableFuture<String> external = new CompletableFuture<>();
        results.add(hub.spawnFromAnyThread(() -> TestFrames.calling(() -> io.gevent4j.threadpool.Futures.await(external))));
        new Thread(() -> external.complete("w" + n)).start();
      }
      for (int i = 0; i < 500; i++) {
        assertEquals("w" + i, results.get(i).get(30, TimeUnit.SECONDS));
      }
    } finally {
      hub.stop();
    }
  }

  /**
   * A hub waiting for I/O sleeps in its selector: work handed over just as it goes to sleep must
   * still wake it (the selector's wake-up is never skipped), or a round trip would wait forever.
   */
  @Test
  void wakeupsOfAHubWaitingForIoAreNotLost() throws Exception {
    Hub hub = Hub.startThread("io-wakeup-hub");
    CompletableFuture<io.gevent4j.socket.ServerSocket> listening = new CompletableFuture<>();
    try {
      CompletableFuture<Object> accepting = hub.spawnFromAnyThread(() -> TestFrames.calling(() -> {
        try {
          io.gevent4j.socket.ServerSocket server = io.gevent4j.socket.ServerSocket.listen(
              new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 1);
          listening.complete(server);
          return server.accept();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }));
      listening.get(30, TimeUnit.SECONDS);
      for (int i = 0; i < 3_000; i++) {
        CompletableFuture<Integer> roundTrip = new CompletableFuture<>();
        int n = i;
        hub.submit(() -> roundTrip.complete(n));
        assertEquals(n, (int) roundTrip.get(30, TimeUnit.SECONDS), "round trip " + i);
      }
      hub.submit(() -> {
        try {
          listening.getNow(null).close();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      assertThrows(java.util.concurrent.ExecutionException.class, () -> accepting.get(30, TimeUnit.SECONDS));
    } finally {
      hub.stop();
    }
  }

  /**
   * A spinning hub picks up work from other threads while it polls (a long spin: the next round
   * trip comes within it) and after it has gone to sleep (a 1 µs spin: most round trips find it
   * asleep, so the submit must wake it).
   */
  @Test
  void aSpinningHubLosesNoWorkWhileItPollsOrAfter() throws Exception {
    Hub hub = Hub.startThread("spinning-hub");
    try {
      for (long spinMicros : new long[] {200_000, 1}) {
        hub.setIdleStrategy(IdleStrategy.spin(spinMicros));
        assertEquals("IdleStrategy.spin(" + spinMicros + ")", hub.idleStrategy().toString());
        for (int i = 0; i < 1_000; i++) {
          CompletableFuture<Integer> roundTrip = new CompletableFuture<>();
          int n = i;
          hub.submit(() -> roundTrip.complete(n));
          assertEquals(n, (int) roundTrip.get(30, TimeUnit.SECONDS));
        }
      }
    } finally {
      hub.stop();
    }
  }

  @Test
  void idleStrategies() {
    assertEquals("IdleStrategy.block()", IdleStrategy.block().toString());
    assertEquals(IdleStrategy.block(), IdleStrategy.spin(0));
    assertThrows(IllegalArgumentException.class, () -> IdleStrategy.spin(-1));
    Hub hub = Hub.install(Clock.virtual());
    assertEquals(IdleStrategy.block(), hub.idleStrategy(), "the default");
    hub.setIdleStrategy(IdleStrategy.spin(1_000_000));
    long before = System.nanoTime();
    Gevent.sleep(5_000); // virtual time: the hub does not spin a second of real time
    assertTrue(System.nanoTime() - before < 900_000_000L, "a hub on a virtual clock never spins");
    assertThrows(NullPointerException.class, () -> hub.setIdleStrategy(null));
  }

  @Test
  void aGreenletCannotBeStartedFromAnotherThread() throws Exception {
    Hub.install(Clock.virtual());
    Greenlet<String> greenlet = TestFrames.returning("f", "x");
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    Thread other = new Thread(() -> {
      try {
        greenlet.start();
        failure.complete(null);
      } catch (IllegalStateException e) {
        failure.complete(e);
      }
    });
    other.start();
    other.join(10_000);
    assertTrue(failure.get(10, TimeUnit.SECONDS) instanceof IllegalStateException);
    assertThrows(IllegalStateException.class, () -> {
      throw failure.get();
    });
  }
}
