package io.gevent4j.event;

import io.gevent4j.Greenlet;
import io.gevent4j.Timeout;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import io.gevent4j.internal.Sneaky;
import io.gevent4j.internal.WaitList;
import java.util.function.Consumer;

/**
 * Hub thread only. A value or an exception that will be available later (gevent's
 * {@code AsyncResult}), set once. It can be a greenlet's link target:
 * {@code greenlet.link(result)} sets it from the greenlet's outcome.
 *
 * @param <T> the value's type
 */
public final class AsyncResult<T> implements Consumer<Greenlet<T>> {
  private boolean ready;
  private T value;
  private Throwable exception;
  private final WaitList<T> waiters = new WaitList<>();

  /** Sets the value and wakes every waiter; later sets are ignored. */
  public void set(T value) {
    if (!ready) {
      ready = true;
      this.value = value;
      waiters.resumeAll(value);
    }
  }

  /** Sets the exception that {@link #get()} throws; later sets are ignored. */
  public void setException(Throwable exception) {
    if (!ready) {
      ready = true;
      this.exception = exception;
      waiters.failAll(exception);
    }
  }

  /** Sets this result from a dead greenlet (a link target). */
  @Override
  public void accept(Greenlet<T> greenlet) {
    if (greenlet.exception() == null) {
      set(greenlet.value());
    } else {
      setException(greenlet.exception());
    }
  }

  public boolean isReady() {
    return ready;
  }

  /** Whether it is set with a value (not an exception). */
  public boolean isSuccessful() {
    return ready && exception == null;
  }

  /** The value, or null. */
  public T value() {
    return value;
  }

  /** The exception, or null. */
  public Throwable exception() {
    return exception;
  }

  /** Waits for the value and returns it, or throws the exception (as it is). */
  @Yielding
  public T get() {
    if (ready) {
      return getNowait();
    }
    return waiters.await();
  }

  /** {@link #get()} waiting at most {@code timeoutMillis}, then throwing a {@link Timeout}. */
  @Yielding
  public T get(long timeoutMillis) {
    if (ready) {
      return getNowait();
    }
    Waiter<T> waiter = new Waiter<>();
    waiters.add(waiter);
    waiter.failAfter(timeoutMillis, new Timeout(timeoutMillis));
    return waiter.await();
  }

  /** The value or exception now; a {@link Timeout} if not set yet. */
  public T getNowait() {
    if (!ready) {
      throw new Timeout(0);
    }
    if (exception != null) {
      throw Sneaky.<RuntimeException>rethrow(exception);
    }
    return value;
  }
}
