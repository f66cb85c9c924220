package io.gevent4j.internal;

import java.util.Arrays;

/**
 * A binary min-heap of {@link Timer}s ordered by deadline, then sequence: the timers of a
 * {@link TimerWheel} due within its current tick. Hub thread only.
 */
final class TimerHeap {
  private Timer[] heap = new Timer[16];
  private int size;

  void insert(Timer timer) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size++] = timer;
    siftUp(size - 1);
  }

  /** The earliest timer, or null. */
  Timer peek() {
    return size == 0 ? null : heap[0];
  }

  /** Removes and returns the earliest timer if it is due at {@code nowNanos}, else null. */
  Timer pollDue(long nowNanos) {
    if (size == 0 || heap[0].deadlineNanos() > nowNanos) {
      return null;
    }
    Timer first = heap[0];
    remove(first);
    return first;
  }

  /** Removes {@code timer}, which is in this heap ({@link Timer#position} 0 or more). */
  void remove(Timer timer) {
    int index = timer.position;
    timer.position = Timer.NOWHERE;
    Timer last = heap[--size];
    heap[size] = null;
    if (index != size) {
      heap[index] = last;
      last.position = index;
      siftDown(index);
      siftUp(last.position);
    }
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
      parent.position = index;
      index = parentIndex;
    }
    heap[index] = timer;
    timer.position = index;
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
      heap[index].position = index;
      index = child;
    }
    heap[index] = timer;
    timer.position = index;
  }
}
