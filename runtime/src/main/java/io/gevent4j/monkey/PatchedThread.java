package io.gevent4j.monkey;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Yielding;

/**
 * Cooperative replacements for {@link Thread}'s blocking methods. With monkey patching on
 * ({@code @MonkeyPatch} or {@code -Agevent4j.monkeyPatch=true}), the processor rewrites
 * {@code Thread.sleep(ms)} inside {@code @Coroutine} bodies into {@link #sleep(long)}.
 */
public final class PatchedThread {
  private PatchedThread() {}

  /**
   * {@link Thread#sleep(long)} that suspends only the calling greenlet. It keeps the original's
   * {@code throws InterruptedException} so that the surrounding code compiles unchanged.
   */
  @Yielding
  public static void sleep(long millis) throws InterruptedException {
    if (millis < 0) {
      throw new IllegalArgumentException("timeout value is negative");
    }
    Gevent.sleep(millis);
  }
}
