package io.gevent4j.monkey;

import io.gevent4j.annotations.Yielding;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The cooperative {@link CountDownLatch#await()} and {@link CountDownLatch#await(long, TimeUnit)}:
 * with monkey patching on, the processor rewrites {@code latch.await()} and
 * {@code latch.await(timeout, unit)} inside {@code @Coroutine} bodies into these methods. An open
 * latch returns at once; otherwise the wait runs on a thread of the patching's own pool, only the
 * calling greenlet is suspended and the hub stays alive meanwhile.
 */
public final class PatchedCountDownLatch {
  private PatchedCountDownLatch() {}

  /** {@code latch.await()}, suspending only the calling greenlet until the count reaches zero. */
  @Yielding
  public static void await(CountDownLatch latch) throws InterruptedException {
    if (latch.getCount() == 0) {
      return;
    }
    Blocking.onPoolThread(() -> {
      latch.await();
      return null;
    });
  }

  /**
   * {@code latch.await(timeout, unit)}, suspending only the calling greenlet: true when the count
   * reached zero, false when the timeout elapsed first (at once for a timeout of zero or less).
   */
  @Yielding
  public static boolean await(CountDownLatch latch, long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    if (latch.getCount() == 0) {
      return true;
    }
    if (nanos <= 0) {
      return false;
    }
    return Blocking.onPoolThreadBoolean(() -> latch.await(nanos, TimeUnit.NANOSECONDS));
  }
}
