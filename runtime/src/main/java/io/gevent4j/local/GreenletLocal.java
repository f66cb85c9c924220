package io.gevent4j.local;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Hub thread only. A value per greenlet, like {@link ThreadLocal} per thread (gevent's
 * {@code local}): each greenlet (and the thread's main greenlet) sees its own, created by the
 * initial-value supplier on first use, and collected with the greenlet (weak keys).
 *
 * @param <T> the value's type
 */
public final class GreenletLocal<T> {
  private final Supplier<? extends T> initialValue;
  private final Map<Greenlet<?>, T> values = new WeakHashMap<>();

  /** A local whose first value in each greenlet is null. */
  public GreenletLocal() {
    this(() -> null);
  }

  /** A local whose first value in each greenlet comes from {@code initialValue}. */
  public GreenletLocal(Supplier<? extends T> initialValue) {
    this.initialValue = initialValue;
  }

  /** The current greenlet's value. */
  public T get() {
    Greenlet<?> current = Gevent.getCurrent();
    if (!values.containsKey(current)) {
      values.put(current, initialValue.get());
    }
    return values.get(current);
  }

  /** Sets the current greenlet's value. */
  public void set(T value) {
    values.put(Gevent.getCurrent(), value);
  }

  /** Removes the current greenlet's value; the next {@link #get()} starts afresh. */
  public void remove() {
    values.remove(Gevent.getCurrent());
  }
}
