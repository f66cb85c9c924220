package io.gevent4j.hubs;

import io.gevent4j.Timeout;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import io.gevent4j.internal.Sneaky;
import java.util.ArrayDeque;

/**
 * Thread-safe. A value or an exception set once, from any hub or thread, that greenlets of any
 * hub (and plain threads) wait for: {@code event.AsyncResult} across hubs. Waiters are woken on
 * their own hubs; one that starts waiting while the result is set sees it at once or is woken.
 *
 * @param <T> the value's type
 */
public final class SharedResult<T> {
  private final RemoteWaiters<T> waiters = new RemoteWaiters<>(this);
  private boolean ready;
  private T value;
  private Throwable exception;

  /** Any thread. Sets the value and wakes every waiter; returns false if already set. */
  public boolean set(T value) {
    return complete(value, null);
  }

  /** Any thread. Sets the exception {@link #get()} throws; returns false if already set. */
  public boolean setException(Throwable exception) {
    return complete(null, java.util.Objects.requireNonNull(exception, "exception"));
  }

  private boolean complete(T result, Throwable failure) {
    ArrayDeque<RemoteWaiters.Entry<T>> woken;
    synchronized (this) {
      if (ready) {
        return false;
      }
      ready = true;
      value = result;
      exception = failure;
      woken = waiters.takeAll();
    }
    for (RemoteWaiters.Entry<T> waiter : woken) {
      if (failure == null) {
        waiter.resume(result, null);
      } else {
        waiter.fail(failure);
      }
    }
    return true;
  }

  /** Any thread. Whether it is set. */
  public synchronized boolean isReady() {
    return ready;
  }

  /** Waits for the value and returns it, or throws the exception. */
  @Yielding
  public T get() {
    Waiter<T> waiter;
    synchronized (this) {
      if (ready) {
        return now();
      }
      waiter = waiters.add();
    }
    return waiter.await();
  }

  /** {@link #get()} waiting at most {@code timeoutMillis}, then throwing a {@link Timeout}. */
  @Yielding
  public T get(long timeoutMillis) {
    Waiter<T> waiter;
    synchronized (this) {
      if (ready) {
        return now();
      }
      waiter = waiters.add();
    }
    waiter.failAfter(timeoutMillis, new Timeout(timeoutMillis));
    return waiter.await();
  }

  /** Holding the lock, once ready. */
  private T now() {
    if (exception != null) {
      throw Sneaky.<RuntimeException>rethrow(exception);
    }
    return value;
  }
}
