package io.gevent4j.queue;

import java.util.ArrayDeque;
import java.util.Collections;

/** Hub thread only. A {@link Queue} that gives the last item put first (gevent's {@code LifoQueue}). */
public final class LifoQueue<T> extends Queue<T> {
  /** An unbounded queue. */
  public LifoQueue() {
    this(0);
  }

  /** A queue of at most {@code maxsize} items (0: unbounded). */
  public LifoQueue(int maxsize) {
    super(Collections.asLifoQueue(new ArrayDeque<>()), maxsize <= 0 ? Integer.MAX_VALUE : maxsize);
  }
}
