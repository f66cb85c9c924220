package io.gevent4j;

/**
 * Thrown to plain code waiting on something that nothing left on its hub can ever complete:
 * no greenlet is ready, no timer is pending and no other thread has handed over work.
 */
public class LoopExit extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  LoopExit(Hub hub) {
    super("This operation would block forever: " + hub
        + " has no ready greenlet, no timer and no pending work from other threads");
  }
}
