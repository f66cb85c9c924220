package io.gevent4j;

import java.util.ArrayList;

/**
 * The wait of plain code, gevent's main greenlet: what plain code waits on while it runs its hub's
 * loop, and when its turn to go on comes. Hub thread only.
 *
 * <p>Plain code does not jump the ready queue: when its wait is over it takes its turn at the back
 * of the queue, behind the greenlets already ready, unless a hub callback completed it by a switch
 * ({@link Waiter#resumeBySwitch}), in which case it goes on as soon as that callback returns, as
 * gevent switches to it from inside the callback. Greenlets the same callback switches to after
 * that run right after plain code, first thing when it next waits.
 */
final class MainWait {
  private final Hub hub;
  /** The greenlet that stands for plain code ({@link Gevent#getCurrent()}), made on first use. */
  private Greenlet<Void> greenlet;
  /** What plain code is blocked on, while it runs the loop. */
  private Waiter<?> waiter;
  /** Set when the wait is over and plain code's turn came: the loop returns to it. */
  private boolean resumed;
  /** Greenlets switched to by a callback after it had resumed plain code: they run first next time. */
  private ArrayList<Greenlet<?>> switchedAfterResume;
  /** An exception for plain code raised while it was not waiting (a {@link Timeout}). */
  private Throwable pendingFailure;

  MainWait(Hub hub) {
    this.hub = hub;
  }

  Greenlet<Void> greenlet() {
    if (greenlet == null) {
      greenlet = Greenlet.mainOf(hub);
    }
    return greenlet;
  }

  /**
   * Starts waiting on {@code awaited}; false if an exception raised into plain code while it did
   * not wait aborted it instead (the caller then does not run the loop).
   */
  boolean begin(Waiter<?> awaited) {
    Throwable pending = pendingFailure;
    if (pending != null) {
      pendingFailure = null;
      awaited.abort(pending);
      return false;
    }
    waiter = awaited;
    resumed = false;
    return true;
  }

  void end() {
    waiter = null;
    resumed = false;
  }

  /** Whether the wait is over and plain code goes on once the current task returns. */
  boolean resumed() {
    return resumed;
  }

  /**
   * The wait {@code done} of plain code is over. Completed by a switch from a callback, plain code
   * goes on when that callback returns; otherwise it takes its turn at the back of the ready queue
   * (the waiter itself marks its place, and {@link #turnCame} sees it there).
   */
  void done(Waiter<?> done, boolean bySwitch) {
    if (done != waiter) {
      return;
    }
    if (bySwitch && hub.inCallback() && !resumed) {
      resumed = true;
    } else {
      hub.enqueueTurnOf(done);
    }
  }

  /** The place {@code marker} took in the ready queue came up; a stale mark of an abandoned wait is skipped. */
  void turnCame(Waiter<?> marker) {
    if (marker == waiter) {
      resumed = true;
    }
  }

  /**
   * Runs {@code switched} now, inside the current callback (gevent's {@code greenlet.switch} from
   * the hub); if the callback already resumed plain code, the greenlet runs right after it.
   */
  void switchTo(Greenlet<?> switched) {
    if (resumed) {
      if (switchedAfterResume == null) {
        switchedAfterResume = new ArrayList<>(2);
      }
      switchedAfterResume.add(switched);
    } else {
      switched.step();
    }
  }

  /** Puts the greenlets of {@link #switchTo} that had to wait for plain code first in the ready queue. */
  void requeueSwitched() {
    ArrayList<Greenlet<?>> pending = switchedAfterResume;
    if (pending != null) {
      switchedAfterResume = null;
      for (int i = pending.size() - 1; i >= 0; i--) {
        hub.enqueueFirst(pending.get(i));
      }
    }
  }

  /** Raises {@code failure} in plain code: at once in the wait it is blocked on, or else at its next wait. */
  void raise(Throwable failure) {
    Waiter<?> blocked = waiter;
    if (blocked != null) {
      blocked.abort(failure);
    } else {
      pendingFailure = failure;
    }
  }
}
