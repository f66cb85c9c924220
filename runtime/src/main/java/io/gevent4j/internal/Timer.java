package io.gevent4j.internal;

/**
 * A task due at a deadline on a hub's clock. Hub thread only.
 *
 * <p>Timers with equal deadlines fire in the order they were scheduled. A timer is an entry of its
 * {@link TimerWheel}; cancelling removes it in O(1).
 */
public final class Timer extends TimerEntry {
  private final long deadlineNanos;
  private final Runnable task;
  private final TimerWheel wheel;
  /** Its place in the wheel, {@link TimerEntry#NOWHERE} once fired or cancelled. */
  private long place;

  Timer(TimerWheel wheel, long deadlineNanos, Runnable task) {
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

  /** Runs the timer's task (called by the hub when the timer is due). */
  public void fire() {
    task.run();
  }

  /** Whether the timer has neither fired nor been cancelled. */
  public boolean isPending() {
    return place != NOWHERE;
  }

  @Override
  protected long timerPlace() {
    return place;
  }

  @Override
  protected void timerPlace(long place) {
    this.place = place;
  }
}
