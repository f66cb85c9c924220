package io.gevent4j.internal;

/**
 * A task due at a deadline on a hub's clock. Hub thread only.
 *
 * <p>Timers with equal deadlines fire in the order they were scheduled. A timer is an entry of its
 * {@link TimerWheel}: linked into a wheel slot (cancelling unlinks it, O(1)), or in the wheel's heap
 * of the timers due within the current tick.
 */
public final class Timer {
  /** {@link #position} of a timer not in the due heap. */
  static final int NOWHERE = -1;

  private final long deadlineNanos;
  private final Object task;
  /** Its index in the wheel's due heap, or {@link #NOWHERE}. */
  int position = NOWHERE;
  /**
   * Neighbours in a wheel slot: {@code prev} of a slot's head is its tail, {@code next} of its
   * tail is null; {@code prev} is null out of a slot.
   */
  Timer prev;
  Timer next;
  private final TimerWheel wheel;

  Timer(TimerWheel wheel, long deadlineNanos, Object task) {
    this.wheel = wheel;
    this.deadlineNanos = deadlineNanos;
    this.task = task;
  }

  /** Cancels the timer if it has not fired yet; returns whether it was still pending. */
  public boolean cancel() {
    return wheel.remove(this);
  }

  /** The deadline on the hub's clock, in nanoseconds. */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /** Runs the timer's task if it is a {@code Runnable} (called by the hub when the timer is due). */
  public void fire() {
    ((Runnable) task).run();
  }

  /** What the timer is for: a {@code Runnable}, or a sleeping greenlet the hub wakes itself. */
  public Object target() {
    return task;
  }

  /** Whether the timer has neither fired nor been cancelled. */
  public boolean isPending() {
    return position != NOWHERE || prev != null;
  }
}
