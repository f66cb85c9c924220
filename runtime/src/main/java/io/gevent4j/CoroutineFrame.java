package io.gevent4j;

/**
 * Base class of the state machines that the gevent4j processor generates; public for generated
 * code, not API. Hub thread only.
 *
 * <p>One frame is one activation of a {@code @Coroutine} method. A greenlet owns a stack of frames
 * on the heap: the innermost runs, and each frame's {@link #resume$()} returns when the frame
 * finishes (its result), suspends ({@link #SUSPEND}) or made a call that has not finished
 * ({@link #CALL}). A call runs the callee at once, inside its caller, while it does not suspend.
 * See {@code docs/ARCHITECTURE.md}, "The suspension protocol", for the code generated around each
 * suspension point.
 *
 * @param <T> the coroutine's result type ({@code Void} for void methods)
 */
public abstract class CoroutineFrame<T> {
  /** Returned by {@link #resume$()} when the greenlet parked at a {@code @Yielding} call. */
  protected static final Object SUSPEND = new Object();
  /** Returned by {@link #resume$()} when {@link #call$} left its callee unfinished. */
  protected static final Object CALL = new Object();

  /** Where {@link #resume$()} continues: 0 at the start, then a state after each suspension. */
  protected int state$;
  CoroutineFrame<?> caller;
  Greenlet<?> greenlet;

  /** Runs the body from {@link #state$} until it finishes, suspends or calls a coroutine. */
  protected abstract Object resume$() throws Throwable;

  /**
   * The source method's name, for {@link Greenlet#toString()}. This default reads it off
   * {@link #location$()} ({@code p.Foo.f(Foo.java:16)} names {@code f}), as generated frames
   * override that; a frame that overrides neither must override this.
   */
  protected String name$() {
    return StackTraceRecovery.parseLocation(location$()).getMethodName();
  }

  /** The arguments of the call, for {@link Greenlet#toString()}. */
  protected abstract Object[] arguments$();

  /**
   * Drops the references the finished frame's locals hold (its arguments stay, for
   * {@link Greenlet#toString()}), so that a finished greenlet kept for its result keeps no
   * garbage. Generated frames with reference locals override it; this default holds none.
   */
  protected void clear$() {}

  /**
   * The exception a generated {@link #resume$()} throws from its {@code default} arm, for a state
   * it does not have (never expected: a bug); one method here instead of the same code in each.
   */
  protected final IllegalStateException invalidState$() {
    return new IllegalStateException("invalid state " + state$);
  }

  /**
   * Where the frame is in its source, for dumps: {@code p.Foo.f(Foo.java:16)}. Generated frames
   * name the line of the suspension point they wait at; this default names only the class.
   */
  protected String location$() {
    return getClass().getName() + "." + name$();
  }

  /** Marks the next {@code @Yielding} call as made by this frame, so that it may suspend. */
  protected final void prepare$() {
    greenlet.markCooperative();
  }

  /**
   * Called right after a {@code @Yielding} call: records {@code next} as the resume state and
   * returns whether the greenlet parked (the frame must then return {@link #SUSPEND}).
   */
  protected final boolean parked$(int next) {
    state$ = next;
    Greenlet<?> g = greenlet;
    g.clearCooperative();
    return g.isParked();
  }

  /**
   * Called when the state machine catches an exception to route it to a catch or finally block:
   * a {@code @Yielding} call that threw before suspending must not leave its mark behind.
   */
  protected final void caught$() {
    greenlet.clearCooperative();
  }

  /**
   * Calls {@code callee} on this greenlet: pushes it and runs it at once, on the Java stack (the
   * nested call's fast path). Returns false when it finished: its result (or exception) is then
   * delivered, and the caller goes on at state {@code next}, where {@link #result$()} takes it.
   * Returns true when it has not finished (it suspended, or it is left for the greenlet to run):
   * the caller must then return {@link #CALL}, and the result arrives at state {@code next} later.
   */
  protected final boolean call$(CoroutineFrame<?> callee, int next) {
    state$ = next;
    Greenlet<?> g = greenlet;
    callee.caller = this;
    callee.greenlet = g;
    g.top = callee;
    return g.runCallee(callee);
  }

  /**
   * Whether the frame is being re-entered with a result (of a wake-up or a callee); false when the
   * {@code @Yielding} call completed without suspending.
   */
  protected final boolean resumed$() {
    Greenlet<?> g = greenlet;
    if (g.resumed) {
      g.resumed = false;
      return true;
    }
    return false;
  }

  /** The result delivered on resumption; throws the delivered exception, at the suspension point. */
  protected final Object result$() throws Throwable {
    return greenlet.takeResult();
  }
}
