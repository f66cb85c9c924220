package io.gevent4j;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * How a hub with nothing to run waits for work (Agrona's idle strategies), set per hub with
 * {@link Hub#setIdleStrategy}. {@link #block()}, the default, sleeps at once in the hub's selector
 * or parks its thread until a timer, I/O or work from another thread: no CPU while idle.
 * {@link #spin(long)} first polls for up to the given time, so that work handed over by another
 * thread (a cross-hub hand-off, a thread pool's result) is picked up without waking a sleeping
 * thread, at the price of a busy core while it spins. A hub on a virtual clock never spins.
 */
public final class IdleStrategy {
  private static final IdleStrategy BLOCK = new IdleStrategy(0);
  /** {@code Thread.onSpinWait()} on JDK 9+, else null. */
  private static final MethodHandle ON_SPIN_WAIT = onSpinWait();

  private final long spinNanos;

  private IdleStrategy(long spinNanos) {
    this.spinNanos = spinNanos;
  }

  /** Any thread. Sleep at once when idle (the default). */
  public static IdleStrategy block() {
    return BLOCK;
  }

  /** Any thread. Poll for work for up to {@code micros} microseconds when idle, then sleep. */
  public static IdleStrategy spin(long micros) {
    if (micros < 0) {
      throw new IllegalArgumentException("negative spin time: " + micros);
    }
    return micros == 0 ? BLOCK : new IdleStrategy(java.util.concurrent.TimeUnit.MICROSECONDS.toNanos(micros));
  }

  /** How long an idle hub polls before it sleeps, in nanoseconds (0: it sleeps at once). */
  long spinNanos() {
    return spinNanos;
  }

  /** One pause of a spin loop: {@code Thread.onSpinWait()} where the JDK has it. */
  static void pause() {
    if (ON_SPIN_WAIT != null) {
      try {
        ON_SPIN_WAIT.invokeExact();
      } catch (Throwable impossible) {
        throw new AssertionError(impossible);
      }
    }
  }

  private static MethodHandle onSpinWait() {
    try {
      return MethodHandles.publicLookup().findStatic(Thread.class, "onSpinWait", MethodType.methodType(void.class));
    } catch (ReflectiveOperationException jdk8) {
      return null;
    }
  }

  @Override
  public String toString() {
    return spinNanos == 0 ? "IdleStrategy.block()" : "IdleStrategy.spin(" + spinNanos / 1000 + ")";
  }
}
