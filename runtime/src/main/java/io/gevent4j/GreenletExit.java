package io.gevent4j;

/**
 * Raised inside a greenlet at its suspension point by {@link Greenlet#kill()}. Not a failure: a
 * greenlet that ends with it counts as successful, and it is not reported.
 *
 * <p>It extends {@link Error}, as gevent's extends {@code BaseException}, so that
 * {@code catch (Exception e)} does not swallow it; {@code finally} blocks run as usual.
 */
public class GreenletExit extends Error {
  private static final long serialVersionUID = 1L;

  /** A kill request. */
  public GreenletExit() {
    super("GreenletExit", null, false, false);
  }
}
