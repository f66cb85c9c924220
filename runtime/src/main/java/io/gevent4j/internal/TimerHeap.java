package io.gevent4j.internal;

import java.util.Arrays;

/**
 * A binary min-heap of {@link TimerEntry}s ordered by deadline, then arrival: the entries a
 * {@link TimerWheel} is given for its cursor's tick while that tick's run is under way. Hub
 * thread only.
 *
 * <p>Entries arrive in the order they were scheduled, so arrival breaks ties as scheduling order
 * does. Deadlines and arrival numbers live beside the entries, in parallel arrays (comparing
 * touches no entry); an entry's place in the wheel is its index here.
 */
final class TimerHeap {
  private TimerEntry[] heap = new TimerEntry[16];
  private long[] deadlines = new long[16];
  private int[] arrivals = new int[16];
  private int size;
  /** The arrival number of the next entry; restarts when the heap is empty. */
  private int nextArrival;

  boolean isEmpty() {
    return size == 0;
  }

  void insert(TimerEntry entry, long deadlineNanos) {
    if (size == 0) {
      nextArrival = 0;
    } else if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
      deadlines = Arrays.copyOf(deadlines, size * 2);
      arrivals = Arrays.copyOf(arrivals, size * 2);
    }
    heap[size] = entry;
    deadlines[size] = deadlineNanos;
    arrivals[size] = nextArrival++;
    siftUp(size++);
  }

  /** The earliest entry's deadline; the heap must not be empty. */
  long firstDeadline() {
    return deadlines[0];
  }

  /** Removes and returns the earliest entry; the heap must not be empty. */
  TimerEntry pollFirst() {
    TimerEntry first = heap[0];
    removeAt(0);
    return first;
  }

  /** Removes the entry at {@code index} and marks it in no wheel. */
  void removeAt(int index) {
    heap[index].timerPlace(TimerEntry.NOWHERE);
    size--;
    if (index != size) {
      move(size, index);
      siftDown(index);
      siftUp(index);
    }
    heap[size] = null;
  }

  /** Whether the entry at {@code a} fires before the one at {@code b}. */
  private boolean firesBefore(int a, int b) {
    return deadlines[a] < deadlines[b] || (deadlines[a] == deadlines[b] && arrivals[a] < arrivals[b]);
  }

  /** Copies the entry at {@code from} to {@code to} (its place too). */
  private void move(int from, int to) {
    heap[to] = heap[from];
    deadlines[to] = deadlines[from];
    arrivals[to] = arrivals[from];
    heap[to].timerPlace(TimerWheel.place(TimerWheel.HEAP, to));
  }

  private void swap(int a, int b) {
    TimerEntry entry = heap[a];
    long deadline = deadlines[a];
    int arrival = arrivals[a];
    move(b, a);
    heap[b] = entry;
    deadlines[b] = deadline;
    arrivals[b] = arrival;
    entry.timerPlace(TimerWheel.place(TimerWheel.HEAP, b));
  }

  private void siftUp(int index) {
    heap[index].timerPlace(TimerWheel.place(TimerWheel.HEAP, index));
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
