package io.gevent4j;

/**
 * What a hub tells an observer about the tasks it runs ({@link Hub#setBlockingMonitor}): the hub
 * calls {@link #entering} before each greenlet step, timer or callback and {@link #left} after it,
 * on the hub's thread. Implemented by {@code util.BlockingMonitor}; the hub knows only this
 * interface, so the core does not depend on the diagnostics package.
 *
 * <p>Both methods run on the hub's thread around every task: they must be cheap and must not
 * throw. An observer that reads their effect from another thread publishes it itself.
 */
public interface HubObserver {
  /** The hub is about to run {@code task} (a greenlet, a timer or a callback). */
  void entering(Object task);

  /** The task of the last {@link #entering} returned (normally or not). */
  void left();
}
