package io.gevent4j.processor.model;

/**
 * How a body uses a private field, method or constructor of its class's nest, or a member or the
 * class of a private class: the generated code,
 * in another class, reaches each one through an accessor of that kind (ARCHITECTURE, "Private
 * members").
 */
public enum PrivateUse {
  /** A field read. */
  READ,
  /** A field written by {@code =}, or by {@code op=} (with a {@link #READ}). */
  WRITE,
  PRE_INCREMENT,
  PRE_DECREMENT,
  POST_INCREMENT,
  POST_DECREMENT,
  /** A method call. */
  CALL,
  /** A constructor call, {@code new Foo(...)}. */
  CREATE,
  /**
   * A {@code super.m(...)} (or {@code Iface.super.m(...)}) call of a plain method, made without
   * virtual dispatch; the key is the method, the accessor is in the coroutine class's holder.
   */
  SUPER_CALL,
  /**
   * The enclosing instance of an inner class ({@code Outer.this}, an outer member), read from
   * the field javac gives it; the key is the inner class.
   */
  OUTER,
  /**
   * The {@code Class} of a private class, which the generated code cannot name: for its
   * {@code instanceof}, casts and class literal; the key is the class.
   */
  TYPE
}
