package io.gevent4j.monkey;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Yielding;

/**
 * Cooperative replacements for {@link Thread}'s blocking methods. With monkey patching on
 * ({@code @MonkeyPatch} or {@code -Agevent4j.monkeyPatch=true}), the processor rewrites
 * {@code Thread.sleep(ms)}, {@code Thread.sleep(ms, ns)}, {@code Thread.sleep(duration)},
 * {@code Thread.yield()} and
 * {@code thread.join(...)} inside {@code @Coroutine} bodies into the methods of the same name
 * here (an instance call's receiver first).
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
   * {@code Thread.sleep(duration)} (JDK 19 and later) that suspends only the calling greenlet:
   * for {@code duration}, rounded up to a millisecond; a negative duration returns at once, as
   * the original does. Throws {@link NullPointerException} for a null {@code duration}.
   */
  @Yielding
  public static void sleep(java.time.Duration duration) throws InterruptedException {
    long nanos;
    try {
      nanos = duration.toNanos();
    } catch (ArithmeticException overflow) {
      nanos = duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (nanos < 0) {
      return;
    }
    Gevent.sleep(Blocking.ceilMillis(nanos));
  }

  /**
   * {@link Thread#yield()}: {@code Gevent.sleep(0)}, the calling greenlet goes to the back of the
   * ready queue and the others run first.
   */
  @Yielding
  public static void yield() {
    Gevent.sleep(0);
  }

  /**
   * {@code thread.join()}: suspends only the calling greenlet until {@code thread} has terminated
   * (at once if it is not alive: terminated or never started). The wait runs on a thread of the
   * patching's pool, and the hub stays alive meanwhile.
   */
  @Yielding
  public static void join(Thread thread) throws InterruptedException {
    if (!thread.isAlive()) {
      return;
    }
    Blocking.checkInterrupt(); // the original waits, and so throws, only for a live thread
    Blocking.onPoolThread(() -> {
      thread.join();
      return null;
    });
  }

  /**
   * {@code thread.join(millis)}: as {@link #join(Thread)}, for at most {@code millis} (0 waits
   * for ever); a negative timeout is refused as the original refuses it.
   */
  @Yielding
  public static void join(Thread thread, long millis) throws InterruptedException {
    if (millis < 0) {
      throw new IllegalArgumentException("timeout value is negative");
    }
    if (!thread.isAlive()) {
      return;
    }
    Blocking.checkInterrupt(); // the original waits, and so throws, only for a live thread
    Blocking.onPoolThread(() -> {
      thread.join(millis);
      return null;
    });
  }

  /**
   * {@code thread.join(millis, nanos)}: as {@link #join(Thread, long)}, the original itself
   * waiting (so the rounding of {@code nanos} is the running JDK's); the arguments are checked as
   * the original checks them.
   */
  @Yielding
  public static void join(Thread thread, long millis, int nanos) throws InterruptedException {
    if (millis < 0) {
      throw new IllegalArgumentException("timeout value is negative");
    }
    if (nanos < 0 || nanos > 999999) {
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    }
    if (!thread.isAlive()) {
      return;
    }
    Blocking.checkInterrupt(); // the original waits, and so throws, only for a live thread
    Blocking.onPoolThread(() -> {
      thread.join(millis, nanos);
      return null;
    });
  }

  /**
   * {@code thread.join(duration)} (JDK 19 and later): waits as {@link #join(Thread, long)} for at
   * most {@code duration} (not at all if it is zero or negative) and returns whether the thread
   * has terminated; throws {@link IllegalThreadStateException} for a thread never started.
   */
  @Yielding
  public static boolean join(Thread thread, java.time.Duration duration) throws InterruptedException {
    long nanos;
    try {
      nanos = duration.toNanos();
    } catch (ArithmeticException overflow) {
      nanos = duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (thread.getState() == Thread.State.NEW) {
      throw new IllegalThreadStateException("Thread not started");
    }
    if (!thread.isAlive()) {
      return true;
    }
    if (nanos <= 0) {
      return false;
    }
    Blocking.checkInterrupt();
    long millis = nanos / 1_000_000;
    int rest = (int) (nanos % 1_000_000);
    return Blocking.onPoolThreadBoolean(() -> {
      thread.join(millis, rest);
      return !thread.isAlive();
    });
  }
}
