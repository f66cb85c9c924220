package io.gevent4j.processor.model;

/** How a method call inside a coroutine body behaves with respect to suspension. */
public enum CallKind {
  /** An ordinary call: runs to completion inside the current state. */
  PLAIN,
  /** A {@code @Yielding} primitive: may park the greenlet. */
  YIELDING,
  /** A call to another {@code @Coroutine}: runs as a nested frame on the same greenlet. */
  COROUTINE,
  /** A known blocking JDK call, rewritten into its cooperative replacement (monkey patching). */
  PATCHED,
  /** A known blocking JDK call left as it is (monkey patching off): a warning. */
  BLOCKING;

  /** Whether the call is a suspension point. */
  public boolean suspends() {
    return this == YIELDING || this == COROUTINE || this == PATCHED;
  }
}
