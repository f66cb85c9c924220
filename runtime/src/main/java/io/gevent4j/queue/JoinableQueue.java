package io.gevent4j.queue;

import io.gevent4j.annotations.Yielding;
import io.gevent4j.event.Event;

/**
 * Hub thread only. A {@link Queue} that counts unfinished tasks (gevent's {@code JoinableQueue}):
 * each item put is a task, {@link #taskDone()} marks one finished, {@link #join()} waits until
 * all are.
 */
public final class JoinableQueue<T> extends Queue<T> {
  private int unfinished;
  private final Event allDone = new Event();

  /** An unbounded queue. */
  public JoinableQueue() {
    this(0);
  }

  /** A queue of at most {@code maxsize} items (0: unbounded). */
  public JoinableQueue(int maxsize) {
    super(maxsize);
    allDone.set();
  }

  @Override
  void accepted() {
    unfinished++;
    allDone.clear();
  }

  /** Marks one task finished; {@link IllegalStateException} if more than were put. */
  public void taskDone() {
    if (unfinished == 0) {
      throw new IllegalStateException("taskDone() called too many times");
    }
    if (--unfinished == 0) {
      allDone.set();
    }
  }

  /** Tasks put and not yet done. */
  public int unfinishedTasks() {
    return unfinished;
  }

  /** Waits until every task put is done. */
  @Yielding
  public void join() {
    allDone.await();
  }
}
