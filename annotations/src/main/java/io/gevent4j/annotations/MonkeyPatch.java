package io.gevent4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-time monkey patching: inside the {@code @Coroutine} bodies of the annotated class or
 * method, the processor rewrites known blocking JDK calls ({@code Thread.sleep}, ...) into their
 * cooperative replacements in {@code io.gevent4j.monkey}. {@code @MonkeyPatch(false)} turns it
 * off where the processor option {@code -Agevent4j.monkeyPatch=true} turned it on globally.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MonkeyPatch {
  /** Whether to patch. */
  boolean value() default true;
}
