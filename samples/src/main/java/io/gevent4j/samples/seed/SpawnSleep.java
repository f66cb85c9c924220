package io.gevent4j.samples.seed;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.annotations.Coroutine;
import java.io.PrintStream;

/**
 * Seed program 2: the same three greenlets, each sleeping cooperatively after every line. While
 * one sleeps the others run, so the output interleaves round-robin and five rounds of one second
 * take about five seconds, not fifteen.
 */
public final class SpawnSleep {
  /** Where the program prints; tests point it elsewhere. */
  static PrintStream out = System.out;
  /** How long each greenlet sleeps after each line. */
  static long millis = 1000;

  private SpawnSleep() {}

  /** Prints the current greenlet and {@code i}, then sleeps {@link #millis} while others run. */
  @Coroutine
  static void f(int n) {
    for (int i = 0; i < n; i++) {
      out.println(Gevent.getCurrent() + " " + i);
      Gevent.sleep(millis);
    }
  }

  /** Spawns three greenlets that sleep {@code millis} after each line, and joins each. */
  public static void run(long millis, PrintStream out) {
    SpawnSleep.out = out;
    SpawnSleep.millis = millis;
    Greenlet<Void> g1 = Gevent.spawn(SpawnSleepCoroutines.f(5));
    Greenlet<Void> g2 = Gevent.spawn(SpawnSleepCoroutines.f(5));
    Greenlet<Void> g3 = Gevent.spawn(SpawnSleepCoroutines.f(5));
    g1.join();
    g2.join();
    g3.join();
  }

  /** {@code SpawnSleep [millis]}: the sleep after each line, one second by default. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    run(args.length > 0 ? Long.parseLong(args[0]) : 1000, System.out);
    System.out.printf("elapsed %.2fs%n", (System.nanoTime() - start) / 1e9);
  }
}
