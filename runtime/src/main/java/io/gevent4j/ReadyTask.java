package io.gevent4j;

import io.gevent4j.internal.TimerEntry;

/**
 * What a hub's ready queue holds, each knowing how it runs: a {@link Greenlet} to step, the turn of
 * plain code (the {@link Waiter} it waited on, see {@link MainWait}) or a {@link Callback}. Hub
 * thread only. A {@link TimerEntry} (which has no fields) so that a greenlet can be its own timer.
 */
abstract class ReadyTask extends TimerEntry {
  /** Runs this task in {@code hub}'s loop; must not throw. */
  abstract void runReady(Hub hub);

  /** What a {@link HubObserver} is told runs. */
  Object observed() {
    return this;
  }

  /** A {@link Runnable} handed to the hub ({@link Hub#post}, {@link Hub#submit}); its failure is reported, never thrown. */
  static final class Callback extends ReadyTask {
    private final Runnable task;

    Callback(Runnable task) {
      this.task = task;
    }

    @Override
    void runReady(Hub hub) {
      try {
        task.run();
      } catch (Throwable failure) {
        hub.failures.callbackFailed(task, failure);
      }
    }

    @Override
    Object observed() {
      return task;
    }
  }
}
