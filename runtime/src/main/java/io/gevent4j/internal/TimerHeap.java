package io.gevent4j.internal;

import java.util.Arrays;

/**
 * A binary min-heap of {@link Timer}s ordered by deadline, then arrival: the timers of a
 * {@link TimerWheel} due within its current tick. Hub thread only.
 *
 * <p>Timers arrive in the order they were scheduled (the wheel moves a slot's timers in only when
 * this heap is empty, then adds newer ones), so arrival breaks ties as scheduling order does. The
 * arrival numbers live beside the timers, in a parallel array: a timer keeps none.
 */
final class TimerHeap {
  private Timer[] heap = new Timer[16];
  private int[] arrivals = new int[16];
  private int size;
  /** The arrival number of the next timer; restarts when the heap is empty. */
  private int nextArrival;

  void insert(Timer timer) {
    if (size == 0) {
      nextArrival = 0;
    } else if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
      arrivals = Arrays.copyOf(arrivals, size * 2);
    }
    heap[size] = timer;
    arrivals[size] = nextArrival++;
    siftUp(size++);
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
    size--;
    Timer last = heap[size];
    int lastArrival = arrivals[size];
    heap[size] = null;
    if (index != size) {
      heap[index] = last;
      arrivals[index] = lastArrival;
      last.position = index;
      siftDown(index);
      siftUp(last.position);
    }
  }

  /** Whether the timer at {@code a} fires before the one at {@code b}. */
  private boolean firesBefore(int a, int b) {
    long deadlineA = heap[a].deadlineNanos();
    long deadlineB = heap[b].deadlineNanos();
    return deadlineA < deadlineB || (deadlineA == deadlineB && arrivals[a] < arrivals[b]);
  }

  private void swap(int a, int b) {
    Timer timer = heap[a];
    heap[a] = heap[b];
    heap[b] = timer;
    heap[a].position = a;
    timer.position = b;
    int arrival = arrivals[a];
    arrivals[a] = arrivals[b];
    arrivals[b] = arrival;
  }

  private void siftUp(int index) {
    heap[index].position = index;
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (!firesBefore(index, parent)) {
        break;
      }
      swap(index, parent);
      index = parent;
    }
  }

  private void siftDown(int index) {
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      int right = child + 1;
      if (right < size && firesBefore(right, child)) {
        child = right;
      }
      if (!firesBefore(child, index)) {
        break;
      }
      swap(index, child);
      index = child;
    }
  }
}
