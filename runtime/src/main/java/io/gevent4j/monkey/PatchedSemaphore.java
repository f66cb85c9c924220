package io.gevent4j.monkey;

import io.gevent4j.annotations.Yielding;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The cooperative {@link Semaphore#acquire()} of {@code java.util.concurrent} and its siblings:
 * with monkey patching on, the processor rewrites {@code semaphore.acquire(...)},
 * {@code acquireUninterruptibly(...)} and the timed {@code tryAcquire(..., timeout, unit)} inside
 * {@code @Coroutine} bodies into the methods of the same name here.
 *
 * <p>Permits available now are taken at once, in the semaphore's own order (fair or not);
 * otherwise the wait runs on a thread of the patching's pool, only the calling greenlet is
 * suspended and the hub stays alive meanwhile. A greenlet killed while it waits takes no permit:
 * one acquired for it after all is released again.
 */
public final class PatchedSemaphore {
  private PatchedSemaphore() {}

  /** {@code semaphore.acquire()}, suspending only the calling greenlet. */
  @Yielding
  public static void acquire(Semaphore semaphore) throws InterruptedException {
    acquire(semaphore, 1);
  }

  /** {@code semaphore.acquire(permits)}; a negative count is refused as the original refuses it. */
  @Yielding
  public static void acquire(Semaphore semaphore, int permits) throws InterruptedException {
    if (permits < 0) {
      throw new IllegalArgumentException();
    }
    if (semaphore.tryAcquire(permits, 0, TimeUnit.NANOSECONDS)) {
      return;
    }
    Blocking.onPoolThread(() -> {
      semaphore.acquire(permits);
      return null;
    }, ignored -> semaphore.release(permits));
  }

  /** {@code semaphore.acquireUninterruptibly()}, suspending only the calling greenlet. */
  @Yielding
  public static void acquireUninterruptibly(Semaphore semaphore) {
    acquireUninterruptibly(semaphore, 1);
  }

  /** {@code semaphore.acquireUninterruptibly(permits)}; the calling greenlet can still be killed. */
  @Yielding
  public static void acquireUninterruptibly(Semaphore semaphore, int permits) {
    if (permits < 0) {
      throw new IllegalArgumentException();
    }
    try {
      if (semaphore.tryAcquire(permits, 0, TimeUnit.NANOSECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the original keeps the interrupt for later
    }
    Blocking.onPoolThread(() -> {
      semaphore.acquireUninterruptibly(permits);
      return null;
    }, ignored -> semaphore.release(permits));
  }

  /**
   * {@code semaphore.tryAcquire(timeout, unit)}: true when a permit was acquired, false when the
   * timeout elapsed first (at once for a timeout of zero or less).
   */
  @Yielding
  public static boolean tryAcquire(Semaphore semaphore, long timeout, TimeUnit unit) throws InterruptedException {
    return tryAcquire(semaphore, 1, timeout, unit);
  }

  /** {@code semaphore.tryAcquire(permits, timeout, unit)}, as {@link #tryAcquire(Semaphore, long, TimeUnit)}. */
  @Yielding
  public static boolean tryAcquire(Semaphore semaphore, int permits, long timeout, TimeUnit unit) throws InterruptedException {
    if (permits < 0) {
      throw new IllegalArgumentException();
    }
    long nanos = unit.toNanos(timeout);
    if (semaphore.tryAcquire(permits, 0, TimeUnit.NANOSECONDS)) {
      return true;
    }
    if (nanos <= 0) {
      return false;
    }
    return Blocking.onPoolThreadBoolean(() -> semaphore.tryAcquire(permits, nanos, TimeUnit.NANOSECONDS), acquired -> {
      if (acquired) {
        semaphore.release(permits);
      }
    });
  }
}
