package io.gevent4j;

import io.gevent4j.internal.Sneaky;

/**
 * The low-level suspension API: one wait for one result, the building block of every
 * {@code @Yielding} primitive (gevent's {@code Waiter}). Hub thread only, except the
 * {@code ...FromAnyThread} methods.
 *
 * <p>A primitive creates a waiter, arranges for something to {@link #resume} or {@link #fail} it
 * later (a timer, a link, an I/O event, a callback from another thread), and returns
 * {@link #await()} as its <em>last action</em>:
 *
 * <pre>{@code
 * @Yielding
 * public static <T> T await(CompletionStage<T> stage) {
 *   Waiter<T> waiter = new Waiter<>();
 *   waiter.expectOtherThread();
 *   stage.whenComplete((value, failure) -> {
 *     if (failure == null) waiter.resumeFromAnyThread(value); else waiter.failFromAnyThread(failure);
 *   });
 *   return waiter.await();
 * }
 * }</pre>
 *
 * <p>Called from plain code, {@code await()} runs the hub until the waiter is done and returns the
 * result. Called by a coroutine, it parks the greenlet and returns at once with a placeholder
 * ({@code null}, or 0 from the typed variants); the coroutine receives the real result when it is
 * resumed. A primitive must therefore not use the value {@code await()} returns, except to return
 * it. A {@code @Yielding} call from code the processor did not transform, inside a running
 * greenlet, throws {@link UntransformedCallException}.
 *
 * @param <T> the result type
 */
public final class Waiter<T> extends ReadyTask {
  private final Hub hub;
  private final Greenlet<?> owner;
  private boolean done;
  private T value;
  private Throwable failure;
  private Runnable onCancel;
  private boolean expectsOtherThread;
  private io.gevent4j.internal.Timer deadline;
  /** What the wait is for, named by {@link LoopExit} (a greenlet being joined), or null. */
  Object awaited;

  /**
   * A waiter for the calling greenlet (or for plain code) on the calling thread's hub.
   *
   * @throws UntransformedCallException inside a running greenlet, when the primitive creating it
   *     was not called by generated code (checked here, before the primitive registers anything)
   */
  public Waiter() {
    this.hub = Hub.current();
    this.owner = hub.running;
    if (owner != null && !owner.isCooperative()) {
      throw UntransformedCallException.forCurrentStack(owner);
    }
  }

  /** In the ready queue, a waiter marks the turn of plain code that waited on it ({@link MainWait}). */
  @Override
  void runReady(Hub hub) {
    hub.main.turnCame(this);
  }

  /** Whether a result or failure has been delivered (or the wait was cancelled). */
  public boolean isDone() {
    return done;
  }

  /** Delivers {@code value}; returns false if the waiter was already done. */
  public boolean resume(T value) {
    return complete(value, null, false);
  }

  /** Delivers {@code failure}, thrown at the waiting call; returns false if already done. */
  public boolean fail(Throwable failure) {
    return complete(null, failure, false);
  }

  /**
   * {@link #resume}, as gevent's {@code Waiter.switch} (a rawlinked {@code greenlet.switch}): called
   * from a hub callback (a link, a posted task), the waiting greenlet runs at once, inside the
   * callback, and plain code resumes as soon as the callback returns, instead of taking their turn
   * at the back of the ready queue. Called elsewhere (from a greenlet, a timer), it is
   * {@link #resume}.
   */
  public boolean resumeBySwitch(T value) {
    return complete(value, null, true);
  }

  /** {@link #fail}, delivered like {@link #resumeBySwitch}. */
  public boolean failBySwitch(Throwable failure) {
    return complete(null, failure, true);
  }

  /**
   * Declares that another thread will complete this waiter ({@link #resumeFromAnyThread} or
   * {@link #failFromAnyThread}): until it does, the hub stays alive and its thread parks when
   * idle, instead of throwing {@link LoopExit}. Hub thread only; call it before {@link #await()}.
   */
  public void expectOtherThread() {
    if (!expectsOtherThread && !done) {
      expectsOtherThread = true;
      hub.holdOpen();
    }
  }

  /** Thread-safe {@link #resume}: delivers {@code value} in the waiter's hub. */
  public void resumeFromAnyThread(T value) {
    hub.submit(() -> resumeBySwitch(value));
  }

  /** Thread-safe {@link #fail}: delivers {@code failure} in the waiter's hub. */
  public void failFromAnyThread(Throwable failure) {
    hub.submit(() -> failBySwitch(failure));
  }

  /**
   * Registers what to undo (a timer, a link) if the wait is abandoned, for example when the
   * waiting greenlet is killed. Replaces any earlier registration.
   */
  public void onCancel(Runnable undo) {
    this.onCancel = undo;
  }

  /**
   * Ends the wait after {@code millis} with {@code value} if nothing completed it first, undoing
   * the {@link #onCancel} registration (a wait that gives up, such as {@code join(timeout)}).
   */
  public void expireAfter(long millis, T value) {
    deadline = hub.schedule(millis, () -> {
      deadline = null;
      undo();
      resume(value);
    });
  }

  /** Fails the wait after {@code millis} with {@code failure} if nothing completed it first. */
  public void failAfter(long millis, Throwable failure) {
    deadline = hub.schedule(millis, () -> {
      deadline = null;
      undo();
      fail(failure);
    });
  }

  /** Abandons the wait: marks it done and runs the {@link #onCancel} action. */
  void cancel() {
    if (!done) {
      done = true;
      cancelDeadline();
      releaseHub();
      Runnable undo = onCancel;
      onCancel = null;
      if (undo != null) {
        undo.run();
      }
    }
  }

  /** Undoes the wait's registrations (as {@link #cancel()}) and fails it with {@code failure}. */
  void abort(Throwable failure) {
    undo();
    fail(failure);
  }

  private void undo() {
    Runnable undo = onCancel;
    onCancel = null;
    if (undo != null && !done) {
      undo.run();
    }
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel();
      deadline = null;
    }
  }

  private boolean complete(T result, Throwable error, boolean bySwitch) {
    if (done) {
      return false;
    }
    done = true;
    cancelDeadline();
    releaseHub();
    value = result;
    failure = error;
    onCancel = null;
    Greenlet<?> g = owner;
    if (g == null) {
      hub.main.done(this, bySwitch);
    } else if (g.stopWaitingOn(this)) {
      g.wake(result, error, bySwitch);
    }
    return true;
  }

  private void releaseHub() {
    if (expectsOtherThread) {
      expectsOtherThread = false;
      hub.release();
    }
  }

  /**
   * Waits for the result: see the class documentation for the two modes. Must be the primitive's
   * last action, its result returned as it is.
   */
  public T await() {
    return suspend() ? null : result();
  }

  /** {@link #await()} for a primitive returning {@code int}. */
  public int awaitInt() {
    return suspend() ? 0 : ((Number) result()).intValue();
  }

  /** {@link #await()} for a primitive returning {@code long}. */
  public long awaitLong() {
    return suspend() ? 0L : ((Number) result()).longValue();
  }

  /** {@link #await()} for a primitive returning {@code double}. */
  public double awaitDouble() {
    return suspend() ? 0.0 : ((Number) result()).doubleValue();
  }

  /** {@link #await()} for a primitive returning {@code boolean}. */
  public boolean awaitBoolean() {
    return !suspend() && (Boolean) result();
  }

  /** Parks the owning greenlet, or runs the hub for plain code; returns whether it parked. */
  private boolean suspend() {
    Greenlet<?> g = owner;
    if (g == null) {
      if (!done) {
        hub.block(this);
      }
      return false;
    }
    if (!g.claimCooperative()) {
      cancel();
      throw UntransformedCallException.forCurrentStack(g);
    }
    if (done) {
      return false;
    }
    g.parkOn(this);
    return true;
  }

  private T result() {
    if (failure != null) {
      throw Sneaky.<RuntimeException>rethrow(failure);
    }
    return value;
  }
}
