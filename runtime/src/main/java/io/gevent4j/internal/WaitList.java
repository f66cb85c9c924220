package io.gevent4j.internal;

import io.gevent4j.Waiter;
import java.util.ArrayDeque;

/**
 * Hub thread only. The FIFO list of waiters of a primitive (gevent's {@code AbstractLinkable}):
 * waiters are served in arrival order, and one whose wait is abandoned (killed, timed out)
 * removes itself.
 *
 * @param <T> what the waiters wait for
 */
public final class WaitList<T> {
  private final ArrayDeque<Waiter<T>> waiters = new ArrayDeque<>();

  /** Adds {@code waiter} at the end; it leaves the list if its wait is abandoned. */
  public void add(Waiter<T> waiter) {
    waiters.add(waiter);
    waiter.onCancel(() -> waiters.remove(waiter));
  }

  /** Whether no one waits. */
  public boolean isEmpty() {
    return waiters.isEmpty();
  }

  /** How many wait. */
  public int size() {
    return waiters.size();
  }

  /** Removes and returns the first waiter, or null. */
  public Waiter<T> poll() {
    return waiters.poll();
  }

  /** Resumes every waiter with {@code value}, in order. */
  public void resumeAll(T value) {
    for (Waiter<T> waiter; (waiter = waiters.poll()) != null; ) {
      waiter.resume(value);
    }
  }

  /** Fails every waiter with {@code failure}, in order. */
  public void failAll(Throwable failure) {
    for (Waiter<T> waiter; (waiter = waiters.poll()) != null; ) {
      waiter.fail(failure);
    }
  }
}
