package io.gevent4j.samples.seed;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import java.io.PrintStream;
import java.util.Random;

/**
 * Seed program 3: two workers that pause with {@code Thread.sleep}, without monkey patching.
 * {@code Thread.sleep} blocks the hub's whole thread, so the workers run one after another:
 * work1 0..9, then work2 0..9. (The processor warns about exactly this; the warning is
 * suppressed here because blocking is what the program demonstrates.)
 */
public final class BlockingSleep {
  /** Where the program prints; tests point it elsewhere. */
  static PrintStream out = System.out;

  private BlockingSleep() {}

  /** Prints {@code name i} ten times, pausing a random time with the blocking {@code Thread.sleep}. */
  @Coroutine
  @SuppressWarnings("gevent4j:blocking")
  static void work(String name, Random random, long maxMillis) throws InterruptedException {
    for (int i = 0; i < Work.LINES; i++) {
      out.println(name + " " + i);
      Thread.sleep(Work.pause(random, maxMillis));
    }
  }

  /** Runs work1 and work2 with {@code joinAll}, pausing up to {@code maxMillis}. */
  public static void run(long seed, long maxMillis, PrintStream out) {
    BlockingSleep.out = out;
    Random random = new Random(seed);
    Gevent.joinAll(BlockingSleepCoroutines.work("work1", random, maxMillis),
        BlockingSleepCoroutines.work("work2", random, maxMillis));
  }

  /** {@code BlockingSleep [maxMillis]}: pauses up to one second by default. */
  public static void main(String[] args) {
    run(1, args.length > 0 ? Long.parseLong(args[0]) : 1000, System.out);
  }
}
