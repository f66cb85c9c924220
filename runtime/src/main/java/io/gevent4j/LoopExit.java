package io.gevent4j;

/**
 * Thrown to plain code waiting on something that nothing left on its hub can ever complete:
 * no greenlet is ready, no timer is pending and no other thread has handed over work. Joining or
 * getting a greenlet that was never started names it: {@code This operation would block forever:
 * <Greenlet at 0x1b6d3586: f(5)> was never started ...}.
 */
public class LoopExit extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  LoopExit(Hub hub, Object awaited) {
    super(message(hub, awaited));
  }

  /** Names what the wait was for when that explains it: a greenlet that was never started. */
  private static String message(Hub hub, Object awaited) {
    String nothingLeft = hub + " has no ready greenlet, no timer and no pending work from other threads";
    if (awaited instanceof Greenlet && !((Greenlet<?>) awaited).isStarted() && !((Greenlet<?>) awaited).isDead()) {
      return "This operation would block forever: " + awaited
          + " was never started (start() it, or pass it to Gevent.spawn); " + nothingLeft;
    }
    return "This operation would block forever: " + nothingLeft;
  }
}
