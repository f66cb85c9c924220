package io.gevent4j.monkey;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Yielding;
import java.util.concurrent.TimeUnit;

/**
 * The cooperative {@link TimeUnit#sleep(long)}: with monkey patching on, the processor rewrites
 * {@code unit.sleep(timeout)} (for example {@code TimeUnit.SECONDS.sleep(1)}) inside
 * {@code @Coroutine} bodies into {@link #sleep(TimeUnit, long) sleep(unit, timeout)}.
 */
public final class PatchedTimeUnit {
  private PatchedTimeUnit() {}

  /**
   * {@code unit.sleep(timeout)} that suspends only the calling greenlet: for {@code timeout} in
   * {@code unit}, rounded up to a millisecond; a timeout of zero or less returns at once, as the
   * original does. Throws {@link NullPointerException} for a null {@code unit}.
   */
  @Yielding
  public static void sleep(TimeUnit unit, long timeout) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    if (timeout > 0) {
      Gevent.sleep(Blocking.ceilMillis(nanos));
    }
  }
}
