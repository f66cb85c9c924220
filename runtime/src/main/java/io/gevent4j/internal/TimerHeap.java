package io.gevent4j.internal;

import java.util.Arrays;

/**
 * A binary min-heap of {@link Timer}s ordered by deadline, then sequence. Hub thread only.
 *
 * <p>Deadlines are compared as plain numbers, never by wrapping differences: a deadline computed
 * with {@link #deadline} saturates at {@link Long#MAX_VALUE} (Netty's rule), so a very long or
 * overflowing delay sorts last and never blocks the timers due before it.
 */
public final class TimerHeap {
  private Timer[] heap = new Timer[16];
  private int size;
  private long nextSequence;

  /** {@code nowNanos + delayNanos} (a delay of 0 or more), {@link Long#MAX_VALUE} if that overflows. */
  public static long deadline(long nowNanos, long delayNanos) {
    long delay = Math.max(0, delayNanos);
    return nowNanos > Long.MAX_VALUE - delay ? Long.MAX_VALUE : nowNanos + delay;
  }

  /** {@code deadlineNanos - nowNanos}, saturated to {@link Long#MAX_VALUE} instead of overflowing. */
  public static long remaining(long deadlineNanos, long nowNanos) {
    long difference = deadlineNanos - nowNanos;
    if (nowNanos < 0 && difference < deadlineNanos) {
      return Long.MAX_VALUE; // overflowed upwards
    }
    return difference;
  }

  public Timer add(long deadlineNanos, Runnable task) {
    return addTarget(deadlineNanos, task);
  }

  /** Adds a timer for {@code target}: a {@code Runnable}, or an object its owner handles itself. */
  public Timer addTarget(long deadlineNanos, Object task) {
    Timer timer = new Timer(this, deadlineNanos, nextSequence++, task);
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    timer.heapIndex = size;
    heap[size++] = timer;
    siftUp(timer.heapIndex);
    return timer;
  }

  public int size() {
    return size;
  }

  /** The earliest timer, or null. */
  public Timer peek() {
    return size == 0 ? null : heap[0];
  }

  /** Removes and returns the earliest timer if it is due at {@code nowNanos}, else null. */
  public Timer pollDue(long nowNanos) {
    if (size == 0 || heap[0].deadlineNanos() > nowNanos) {
      return null;
    }
    Timer first = heap[0];
    remove(first);
    return first;
  }

  public boolean remove(Timer timer) {
    int index = timer.heapIndex;
    if (index < 0 || index >= size || heap[index] != timer) {
      return false;
    }
    timer.heapIndex = -1;
    Timer last = heap[--size];
    heap[size] = null;
    if (index != size) {
      heap[index] = last;
      last.heapIndex = index;
      siftDown(index);
      siftUp(last.heapIndex);
    }
    return true;
  }

  private void siftUp(int index) {
    Timer timer = heap[index];
    while (index > 0) {
      int parentIndex = (index - 1) >>> 1;
      Timer parent = heap[parentIndex];
      if (!timer.firesBefore(parent)) {
        break;
      }
      heap[index] = parent;
      parent.heapIndex = index;
      index = parentIndex;
    }
    heap[index] = timer;
    timer.heapIndex = index;
  }

  private void siftDown(int index) {
    Timer timer = heap[index];
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      int right = child + 1;
      if (right < size && heap[right].firesBefore(heap[child])) {
        child = right;
      }
      if (!heap[child].firesBefore(timer)) {
        break;
      }
      heap[index] = heap[child];
      heap[index].heapIndex = index;
      index = child;
    }
    heap[index] = timer;
    timer.heapIndex = index;
  }
}
