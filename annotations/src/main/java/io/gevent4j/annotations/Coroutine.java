package io.gevent4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body gevent4j compiles into a state machine.
 *
 * <p>For a class {@code p.Foo}, the processor generates {@code p.FooCoroutines} with one factory
 * per coroutine method: {@code FooCoroutines.m(args)} returns a new, not yet started
 * {@code io.gevent4j.Greenlet}. Inside another coroutine, calling {@code m(args)} waits for its
 * result while other greenlets run. Called directly from plain Java, the method runs its original
 * body as ordinary blocking code.
 *
 * <p>Retention is {@code RUNTIME} so that the marker is visible in compiled jars, to incremental
 * builds, and to the runtime's guard that names the method to annotate.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Coroutine {}
