package io.gevent4j.benchmarks;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.annotations.Coroutine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap bytes per sleeping task (SPEC §7: 1M greenlets asleep at once, ≤ 128 bytes each, ≥ 6× less
 * than virtual threads). Not JMH: a footprint, not a time. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.gevent4j.benchmarks.SleepingFootprint [greenlets|virtual] [count]}
 * (one kind per JVM, so that each starts from the same heap). With
 * {@code -Dfootprint.holdMillis=N} the tasks stay asleep N ms after the report, so that
 * {@code jcmd PID GC.class_histogram} can count their objects.
 */
public final class SleepingFootprint {
  private SleepingFootprint() {}

  /** Sleeps a long time. */
  @Coroutine
  static void sleeper(long millis) {
    Gevent.sleep(millis);
  }

  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "greenlets";
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    long before = usedHeapAfterGc();
    if (kind.equals("virtual")) {
      Object lock = new Object();
      List<Thread> threads = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        threads.add(Peers.virtualThread(() -> {
          try {
            Thread.sleep(600_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }));
      }
      Thread.sleep(2_000);
      report(kind, count, before, usedHeapAfterGc() - listBytes(count));
      hold();
      threads.forEach(Thread::interrupt);
      synchronized (lock) {
        lock.notifyAll();
      }
    } else {
      List<Greenlet<Void>> greenlets = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        greenlets.add(Gevent.spawn(SleepingFootprintCoroutines.sleeper(600_000)));
      }
      Gevent.sleep(1);
      report(kind, count, before, usedHeapAfterGc() - listBytes(count));
      hold();
      greenlets.forEach(Greenlet::killAsync);
    }
  }

  /** Keeps the tasks asleep for {@code -Dfootprint.holdMillis} (default 0). */
  private static void hold() throws InterruptedException {
    long millis = Long.getLong("footprint.holdMillis", 0L);
    if (millis > 0) {
      System.out.flush();
      Thread.sleep(millis);
    }
  }

  /** The list holding the tasks (an array of references), not part of their footprint. */
  private static long listBytes(int count) {
    return 16L + 4L * count;
  }

  private static void report(String kind, int count, long before, long after) {
    System.out.printf("%s: %d sleeping, %.1f bytes of heap each%n", kind, count, (after - before) / (double) count);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
