package io.gevent4j.samples.seed;

import java.util.Random;

/** The random pauses of seed programs 3 and 4 ({@code time.sleep(random.random())}). */
final class Work {
  /** Lines each worker prints. */
  static final int LINES = 10;

  private Work() {}

  /** A pause between 0 and {@code maxMillis}. */
  static long pause(Random random, long maxMillis) {
    return (long) (random.nextDouble() * maxMillis);
  }
}
