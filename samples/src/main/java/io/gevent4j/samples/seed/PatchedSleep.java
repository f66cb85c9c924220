package io.gevent4j.samples.seed;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import io.gevent4j.annotations.MonkeyPatch;
import java.io.PrintStream;
import java.util.Random;

/**
 * Seed program 4: the same workers with compile-time monkey patching ({@link MonkeyPatch}, gevent's
 * {@code monkey.patch_all()}): the processor rewrites {@code Thread.sleep} into a cooperative
 * sleep, so while one worker pauses the other runs, and the lines interleave in an order set by
 * the random pauses.
 */
@MonkeyPatch
public final class PatchedSleep {
  /** Where the program prints; tests point it elsewhere. */
  static PrintStream out = System.out;

  private PatchedSleep() {}

  /** The body of {@link BlockingSleep#work}, word for word; only the class's patching differs. */
  @Coroutine
  static void work(String name, Random random, long maxMillis) throws InterruptedException {
    for (int i = 0; i < Work.LINES; i++) {
      out.println(name + " " + i);
      Thread.sleep(Work.pause(random, maxMillis));
    }
  }

  /** Runs work1 and work2 with {@code joinAll}, pausing up to {@code maxMillis}. */
  public static void run(long seed, long maxMillis, PrintStream out) {
    PatchedSleep.out = out;
    Random random = new Random(seed);
    Gevent.joinAll(PatchedSleepCoroutines.work("work1", random, maxMillis),
        PatchedSleepCoroutines.work("work2", random, maxMillis));
  }

  /** {@code PatchedSleep [maxMillis]}: pauses up to one second by default. */
  public static void main(String[] args) {
    run(1, args.length > 0 ? Long.parseLong(args[0]) : 1000, System.out);
  }
}
