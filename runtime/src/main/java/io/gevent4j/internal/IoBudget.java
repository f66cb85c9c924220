package io.gevent4j.internal;

/**
 * Hub thread only. Fair I/O: how many socket operations the running task may complete without
 * waiting before it must yield to the others. The hub resets it before each task it runs (a
 * greenlet's step lasts until the greenlet suspends), so a greenlet whose reads and writes are
 * always ready (buffered lines, a fast peer) still lets every other ready greenlet run after
 * {@link #limit()} operations, and a chat server needs no {@code sleep(0)}.
 */
public final class IoBudget {
  /** The default number of operations a task may complete without waiting. */
  public static final int DEFAULT_LIMIT = 64;

  private int limit = DEFAULT_LIMIT;
  private int left = DEFAULT_LIMIT;

  /** A new task runs: it gets the whole budget. */
  public void reset() {
    left = limit;
  }

  /**
   * Spends one operation that completed without waiting; false when the budget is used up and the
   * caller must yield (the budget is then full again for when it resumes).
   */
  public boolean spend() {
    if (--left > 0) {
      return true;
    }
    left = limit;
    return false;
  }

  /** The operations a task may complete without waiting. */
  public int limit() {
    return limit;
  }

  /** Sets {@link #limit()} (at least 1; {@link Integer#MAX_VALUE} turns fairness off). */
  public void setLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the I/O budget must be at least 1: " + limit);
    }
    this.limit = limit;
    this.left = limit;
  }
}
