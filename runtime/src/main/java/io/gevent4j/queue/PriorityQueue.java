package io.gevent4j.queue;

import java.util.Comparator;

/** Hub thread only. A {@link Queue} that gives the smallest item first (gevent's {@code PriorityQueue}). */
public final class PriorityQueue<T> extends Queue<T> {
  /** An unbounded queue in natural order. */
  public PriorityQueue() {
    this(0, null);
  }

  /** A queue of at most {@code maxsize} items (0: unbounded) ordered by {@code order} (null: natural). */
  public PriorityQueue(int maxsize, Comparator<? super T> order) {
    super(new java.util.PriorityQueue<>(11, order), maxsize <= 0 ? Integer.MAX_VALUE : maxsize);
  }
}
