package io.gevent4j.testing;

import io.gevent4j.CoroutineFrame;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Hand-written coroutine frames for the tests of the runtime's packages, written against the
 * public (and protected) API only, as generated code is: {@link CoroutineFrame}'s protocol is
 * reachable from a subclass in any package, whereas {@code io.gevent4j.TestFrames} is
 * package-private.
 */
public final class Frames {
  private Frames() {}

  /**
   * A greenlet that runs {@code before}, makes one {@code @Yielding} call through the generated
   * protocol, then returns {@code after} of its result.
   */
  public static <T, R> Greenlet<R> steps(Runnable before, Supplier<T> yieldingCall, Function<T, R> after) {
    return Greenlet.of(new Steps<>(before, yieldingCall, after));
  }

  /** {@code call()}: makes one {@code @Yielding} call through the protocol and returns its result. */
  public static <T> Greenlet<T> calling(Supplier<T> yieldingCall) {
    return steps(() -> { }, yieldingCall, value -> value);
  }

  /** Makes the {@code @Yielding} call {@code yieldingCall}, then logs {@code label}. */
  public static Greenlet<Object> step(List<String> log, String label, Runnable yieldingCall) {
    return steps(() -> { }, () -> {
      yieldingCall.run();
      return null;
    }, ignored -> log.add(label));
  }

  /** Returns {@code value} at once. */
  public static <T> Greenlet<T> returning(T value) {
    return steps(() -> { }, () -> null, ignored -> value);
  }

  /** Sleeps once, logs {@code label}, returns it. */
  public static Greenlet<String> sleeper(List<String> log, String label, long millis) {
    return steps(() -> { }, () -> {
      Gevent.sleep(millis);
      return null;
    }, ignored -> {
      log.add(label);
      return label;
    });
  }

  /** The frame of {@link #steps}. */
  private static final class Steps<T, R> extends CoroutineFrame<R> {
    private final Runnable before;
    private final Supplier<T> call;
    private final Function<T, R> after;
    private T value;

    Steps(Runnable before, Supplier<T> call, Function<T, R> after) {
      this.before = before;
      this.call = call;
      this.after = after;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object resume$() throws Throwable {
      switch (state$) {
        case 0:
          before.run();
          prepare$();
          value = call.get();
          if (parked$(1)) {
            return SUSPEND;
          }
          // fall through
        case 1:
          if (resumed$()) {
            value = (T) result$();
          }
          return after.apply(value);
        default:
          throw new IllegalStateException();
      }
    }

    @Override
    protected String name$() {
      return "steps";
    }

    @Override
    protected Object[] arguments$() {
      return new Object[0];
    }
  }
}
