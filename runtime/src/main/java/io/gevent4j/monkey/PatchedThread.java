package io.gevent4j.monkey;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Yielding;

/**
 * Cooperative replacements for {@link Thread}'s blocking methods. With monkey patching on
 * ({@code @MonkeyPatch} or {@code -Agevent4j.monkeyPatch=true}), the processor rewrites
 * {@code Thread.sleep(ms)}, {@code Thread.sleep(ms, ns)} and {@code Thread.yield()} inside
 * {@code @Coroutine} bodies into the methods of the same name here.
 */
public final class PatchedThread {
  private PatchedThread() {}

  /**
   * {@link Thread#sleep(long)} that suspends only the calling greenlet. It keeps the original's
   * {@code throws InterruptedException} so that the surrounding code compiles unchanged.
   */
  @Yielding
  public static void sleep(long millis) throws InterruptedException {
    if (millis < 0) {
      throw new IllegalArgumentException("timeout value is negative");
    }
    Gevent.sleep(millis);
  }

  /**
   * {@link Thread#sleep(long, int)} that suspends only the calling greenlet, for {@code millis}
   * plus one if {@code nanos} is positive (the greenlet clock counts milliseconds, and the wait
   * must not be shorter than asked); the arguments are checked as the original checks them.
   */
  @Yielding
  public static void sleep(long millis, int nanos) throws InterruptedException {
    if (millis < 0) {
      throw new IllegalArgumentException("timeout value is negative");
    }
    if (nanos < 0 || nanos > 999999) {
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    }
    Gevent.sleep(nanos > 0 && millis < Long.MAX_VALUE ? millis + 1 : millis);
  }

  /**
   * {@link Thread#yield()}: {@code Gevent.sleep(0)}, the calling greenlet goes to the back of the
   * ready queue and the others run first.
   */
  @Yielding
  public static void yield() {
    Gevent.sleep(0);
  }
}
