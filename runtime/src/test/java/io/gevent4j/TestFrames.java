package io.gevent4j;

import java.util.List;
import java.util.function.Supplier;

/**
 * Hand-written coroutine frames shaped like the processor's output, shared by the runtime tests.
 *
 * <p>Each {@code @Yielding} call follows the generated protocol:
 *
 * <pre>{@code
 * case 1:
 *   prepare$();
 *   value = someYieldingCall();
 *   if (parked$(2)) return SUSPEND;
 * case 2:
 *   if (resumed$()) value = (T) result$();
 * }</pre>
 */
final class TestFrames {
  private TestFrames() {}

  /** {@code name(arguments)}: returns {@code value} at once. */
  static <T> Greenlet<T> returning(String name, T value, Object... arguments) {
    return Greenlet.of(new Returning<>(name, value, arguments));
  }

  /** {@code fail()}: throws {@code failure} at once (checked or not). */
  static Greenlet<Object> throwing(Throwable failure) {
    return Greenlet.of(new Throwing(failure));
  }

  /** {@code log(text)}: adds {@code text} to {@code log} at once and returns it. */
  static Greenlet<String> logging(List<String> log, String text) {
    return Greenlet.of(new Log(log, text));
  }

  /** {@code sleeper(label, millis)}: sleeps once, logs {@code label}, returns it. */
  static Greenlet<String> sleeper(List<String> log, String label, long millis) {
    return Greenlet.of(new Steps(log, label, millis, 1));
  }

  /**
   * {@code steps(name, millis, steps)}: {@code steps} times sleeps then logs {@code name} followed
   * by A, B, C, ...; returns {@code name}.
   */
  static Greenlet<String> stepper(List<String> log, String name, long millis, int steps) {
    return Greenlet.of(new Steps(log, name, millis, steps));
  }

  /** {@code victim(millis)}: see {@link Victim}. */
  static Greenlet<Void> victim(List<String> log, long millis) {
    return Greenlet.of(new Victim(log, millis));
  }

  /** {@code call()}: makes one {@code @Yielding} call through the protocol and returns its result. */
  static <T> Greenlet<T> calling(Supplier<T> yieldingCall) {
    return Greenlet.of(new Calls<>(yieldingCall));
  }

  /** {@code depth(n)}: recurses {@code n} coroutine calls deep, returns {@code n}. */
  static Greenlet<Integer> depth(int n) {
    return Greenlet.of(new Depth(n, false));
  }

  /** {@link #depth(int)} whose innermost call yields to the hub once before it returns. */
  static Greenlet<Integer> depthYieldingAtTheBottom(int n) {
    return Greenlet.of(new Depth(n, true));
  }

  /** {@code helper(millis)}: calls {@link #sleepInPlainHelper} without the protocol. */
  static Greenlet<Void> callingPlainHelper(long millis) {
    return Greenlet.of(new CallsPlainHelper(millis));
  }

  /**
   * A plain method (not a {@code @Coroutine}) making a {@code @Yielding} call: inside a greenlet
   * this must fail with {@link UntransformedCallException} naming this method.
   */
  static void sleepInPlainHelper(long millis) {
    Gevent.sleep(millis);
  }

  /** Name and arguments for {@link Greenlet#toString()}. */
  abstract static class Frame<T> extends CoroutineFrame<T> {
    private final String name;
    private final Object[] arguments;

    Frame(String name, Object... arguments) {
      this.name = name;
      this.arguments = arguments;
    }

    @Override
    protected final String name$() {
      return name;
    }

    @Override
    protected final Object[] arguments$() {
      return arguments;
    }
  }

  static final class Returning<T> extends Frame<T> {
    private final T value;

    Returning(String name, T value, Object... arguments) {
      super(name, arguments);
      this.value = value;
    }

    @Override
    protected Object resume$() {
      return value;
    }
  }

  static final class Throwing extends Frame<Object> {
    private final Throwable failure;

    Throwing(Throwable failure) {
      super("fail");
      this.failure = failure;
    }

    @Override
    protected Object resume$() throws Throwable {
      throw failure;
    }
  }

  static final class Log extends Frame<String> {
    private final List<String> log;
    private final String text;

    Log(List<String> log, String text) {
      super("log", text);
      this.log = log;
      this.text = text;
    }

    @Override
    protected Object resume$() {
      log.add(text);
      return text;
    }
  }

  /** {@code for (i = 0; i < steps; i++) { Gevent.sleep(millis); log.add(label(i)); } return name;} */
  static final class Steps extends Frame<String> {
    private final List<String> log;
    private final String name;
    private final long millis;
    private final int steps;
    private int i;

    Steps(List<String> log, String name, long millis, int steps) {
      super("steps", name, millis, steps);
      this.log = log;
      this.name = name;
      this.millis = millis;
      this.steps = steps;
    }

    @Override
    protected Object resume$() throws Throwable {
      for (;;) {
        switch (state$) {
          case 0:
            if (i == steps) {
              return name;
            }
            prepare$();
            Gevent.sleep(millis);
            if (parked$(1)) {
              return SUSPEND;
            }
            // fall through
          case 1:
            if (resumed$()) {
              result$();
            }
            log.add(steps == 1 ? name : name + (char) ('A' + i));
            i++;
            state$ = 0;
            continue;
          default:
            throw new IllegalStateException("state " + state$);
        }
      }
    }
  }

  /**
   * gevent's kill victim:
   * {@code log("v-start"); try { sleep(millis); log("v-woke"); } catch (GreenletExit e) {
   * log("v-caught GreenletExit"); throw e; } finally { log("v-finally"); }}
   */
  static final class Victim extends Frame<Void> {
    private final List<String> log;
    private final long millis;

    Victim(List<String> log, long millis) {
      super("victim", millis);
      this.log = log;
      this.millis = millis;
    }

    @Override
    protected Object resume$() throws Throwable {
      for (;;) {
        switch (state$) {
          case 0:
            log.add("v-start");
            prepare$();
            Gevent.sleep(millis);
            if (parked$(1)) {
              return SUSPEND;
            }
            // fall through
          case 1:
            try {
              if (resumed$()) {
                result$();
              }
              log.add("v-woke");
            } catch (GreenletExit e) {
              log.add("v-caught " + e.getMessage());
              throw e;
            } finally {
              log.add("v-finally");
            }
            return null;
          default:
            throw new IllegalStateException("state " + state$);
        }
      }
    }
  }

  /** {@code return yieldingCall.get();} through the protocol. */
  static final class Calls<T> extends Frame<T> {
    private final Supplier<T> yieldingCall;
    private T value;

    Calls(Supplier<T> yieldingCall) {
      super("call");
      this.yieldingCall = yieldingCall;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object resume$() throws Throwable {
      for (;;) {
        switch (state$) {
          case 0:
            prepare$();
            value = yieldingCall.get();
            if (parked$(1)) {
              return SUSPEND;
            }
            // fall through
          case 1:
            if (resumed$()) {
              value = (T) result$();
            }
            return value;
          default:
            throw new IllegalStateException("state " + state$);
        }
      }
    }
  }

  /**
   * A {@code @Yielding} primitive inlined into a frame: {@code waiter = new Waiter<>(); return
   * waiter.await();}. The waiter is created after {@code prepare$()}, as inside a primitive, so it
   * belongs to the greenlet; it is exposed for the test to resume.
   */
  static final class AwaitsWaiter<T> extends Frame<T> {
    Waiter<T> waiter;
    private T value;

    AwaitsWaiter() {
      super("awaitsWaiter");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object resume$() throws Throwable {
      for (;;) {
        switch (state$) {
          case 0:
            prepare$();
            waiter = new Waiter<>();
            value = waiter.await();
            if (parked$(1)) {
              return SUSPEND;
            }
            // fall through
          case 1:
            if (resumed$()) {
              value = (T) result$();
            }
            return value;
          default:
            throw new IllegalStateException("state " + state$);
        }
      }
    }
  }

  /**
   * {@code int depth(int n) { if (n == 0) { if (yields) sleep(0); return 0; } return depth(n - 1) + 1; }}
   * with a nested call.
   */
  static final class Depth extends Frame<Integer> {
    private final int n;
    private final boolean yields;

    Depth(int n, boolean yields) {
      super("depth", n);
      this.n = n;
      this.yields = yields;
    }

    @Override
    protected Object resume$() throws Throwable {
      switch (state$) {
        case 0:
          if (n > 0) {
            if (call$(new Depth(n - 1, yields), 1)) {
              return CALL;
            }
            return (Integer) result$() + 1;
          }
          if (!yields) {
            return 0;
          }
          prepare$();
          Gevent.sleep(0);
          if (parked$(2)) {
            return SUSPEND;
          }
          // fall through
        case 2:
          if (resumed$()) {
            result$();
          }
          return 0;
        case 1:
          return (Integer) result$() + 1;
        default:
          throw new IllegalStateException("state " + state$);
      }
    }
  }

  /** {@code helper(millis) { sleepInPlainHelper(millis); }}: a @Yielding call the processor missed. */
  static final class CallsPlainHelper extends Frame<Void> {
    private final long millis;

    CallsPlainHelper(long millis) {
      super("helper", millis);
      this.millis = millis;
    }

    @Override
    protected Object resume$() {
      sleepInPlainHelper(millis);
      return null;
    }
  }
}
