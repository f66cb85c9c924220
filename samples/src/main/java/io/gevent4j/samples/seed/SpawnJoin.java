package io.gevent4j.samples.seed;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.annotations.Coroutine;
import java.io.PrintStream;

/**
 * Seed program 1: three greenlets of {@code f(5)} that never yield. Each runs to completion before
 * the next starts, so the output is sequential: g1's five lines, then g2's, then g3's.
 */
public final class SpawnJoin {
  /** Where the program prints; tests point it elsewhere. */
  static PrintStream out = System.out;

  private SpawnJoin() {}

  /** Prints the current greenlet and {@code i} for each {@code i < n}, without ever yielding. */
  @Coroutine
  static void f(int n) {
    for (int i = 0; i < n; i++) {
      out.println(Gevent.getCurrent() + " " + i);
    }
  }

  /** Spawns three greenlets and joins each, as the seed does. */
  public static void run(PrintStream out) {
    SpawnJoin.out = out;
    Greenlet<Void> g1 = Gevent.spawn(SpawnJoinCoroutines.f(5));
    Greenlet<Void> g2 = Gevent.spawn(SpawnJoinCoroutines.f(5));
    Greenlet<Void> g3 = Gevent.spawn(SpawnJoinCoroutines.f(5));
    g1.join();
    g2.join();
    g3.join();
  }

  public static void main(String[] args) {
    run(System.out);
  }
}
