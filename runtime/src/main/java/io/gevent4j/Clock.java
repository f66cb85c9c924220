package io.gevent4j;

import java.util.concurrent.locks.LockSupport;

/**
 * The time source of a {@link Hub}, and how its thread waits for the next deadline. Hub thread only.
 *
 * <p>{@link #system()} is real time. {@link #virtual()} jumps straight to the next deadline instead
 * of waiting, so tests of timers and timeouts run instantly and deterministically:
 * {@code Hub.install(Clock.virtual())}.
 */
public interface Clock {
  /** The current time in nanoseconds (an arbitrary origin, as {@link System#nanoTime()}). */
  long nanoTime();

  /**
   * Waits until {@code deadlineNanos}, or less if the hub's thread is unparked by another thread.
   */
  void awaitDeadline(long deadlineNanos);

  /** Real time: {@link System#nanoTime()} and {@link LockSupport#parkNanos(long)}. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }

  /** Virtual time starting at 0, advanced only by waiting for a deadline. */
  static Clock virtual() {
    return new VirtualClock();
  }

  /** Real time. */
  final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void awaitDeadline(long deadlineNanos) {
      long delay = io.gevent4j.internal.TimerWheel.remaining(deadlineNanos, System.nanoTime());
      if (delay > 0) {
        LockSupport.parkNanos(delay);
      }
    }

    @Override
    public String toString() {
      return "Clock.system()";
    }
  }

  /** Virtual time: waiting for a deadline moves the clock to it at once. */
  final class VirtualClock implements Clock {
    private long now;

    private VirtualClock() {}

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void awaitDeadline(long deadlineNanos) {
      now = Math.max(now, deadlineNanos);
    }

    @Override
    public String toString() {
      return "Clock.virtual() at " + now + " ns";
    }
  }
}
