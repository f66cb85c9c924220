package io.gevent4j;

/** Rethrows any throwable without wrapping, checked or not. */
final class Sneaky {
  private Sneaky() {}

  @SuppressWarnings("unchecked")
  static <E extends Throwable> E rethrow(Throwable failure) throws E {
    throw (E) failure;
  }
}
