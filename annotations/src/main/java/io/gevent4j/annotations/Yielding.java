package io.gevent4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a suspension primitive: a method that may switch to other greenlets until its result is
 * ready (sleep, join, queue get, socket read, lock acquire, ...).
 *
 * <p>Called from a {@link Coroutine} body, it suspends only the calling greenlet. Called from plain
 * Java, it waits, running the thread's hub meanwhile, as gevent's main greenlet does. A primitive
 * is written with the runtime's low-level {@code io.gevent4j.Waiter} API; its last action must be
 * to return {@code waiter.await()} (or a typed variant).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Yielding {}
