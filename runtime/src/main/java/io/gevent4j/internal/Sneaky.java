package io.gevent4j.internal;

/** Rethrows any throwable without wrapping, checked or not. */
public final class Sneaky {
  private Sneaky() {}

  @SuppressWarnings("unchecked")
  public static <E extends Throwable> E rethrow(Throwable failure) throws E {
    throw (E) failure;
  }
}
