package io.gevent4j.internal;

/**
 * A task due at a deadline on a hub's clock. Hub thread only.
 *
 * <p>Timers with equal deadlines fire in the order they were scheduled (the sequence number breaks
 * ties), and each knows its index in the heap so that cancelling is O(log n).
 */
public final class Timer {
  private final long deadlineNanos;
  final long sequence;
  private final Object task;
  int heapIndex = -1;
  private final TimerHeap heap;

  Timer(TimerHeap heap, long deadlineNanos, long sequence, Object task) {
    this.heap = heap;
    this.deadlineNanos = deadlineNanos;
    this.sequence = sequence;
    this.task = task;
  }

  /** Cancels the timer if it has not fired yet; returns whether it was still pending. */
  public boolean cancel() {
    return heap.remove(this);
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
    return heapIndex >= 0;
  }

  boolean firesBefore(Timer other) {
    return deadlineNanos < other.deadlineNanos
        || (deadlineNanos == other.deadlineNanos && sequence < other.sequence);
  }
}
