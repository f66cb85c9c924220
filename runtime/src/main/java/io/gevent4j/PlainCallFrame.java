package io.gevent4j;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * A frame that runs a plain implementation of a {@code @Coroutine} method (a lambda, a method
 * reference, a mock or proxy, a class compiled without the processor) as an ordinary call: it
 * finishes in one step and cannot suspend. Hub thread only.
 */
final class PlainCallFrame extends CoroutineFrame<Object> {
  private static final MethodHandle CREATE;

  static {
    try {
      CREATE = MethodHandles.lookup().findStatic(PlainCallFrame.class, "create",
          MethodType.methodType(CoroutineFrame.class, MethodHandle.class, Method.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** {@code (Object[])Object}: the method called virtually on the receiver, with the arguments spread. */
  private final MethodHandle target;
  private final Method method;
  /** The receiver, then the arguments. */
  private final Object[] call;

  private PlainCallFrame(MethodHandle target, Method method, Object[] call) {
    this.target = target;
    this.method = method;
    this.call = call;
  }

  /**
   * A frame factory of type {@code type} ({@code (declaring, parameters)CoroutineFrame}) whose
   * frames call {@code method} virtually on their receiver.
   */
  static MethodHandle factory(Method method, MethodType type) {
    MethodHandle target;
    try {
      target = MethodHandles.publicLookup().unreflect(method);
    } catch (IllegalAccessException notPublic) {
      try {
        method.setAccessible(true);
        target = MethodHandles.lookup().unreflect(method);
      } catch (IllegalAccessException | RuntimeException e) { // InaccessibleObjectException on JDK 9+
        throw new IllegalStateException("cannot call the plain implementation of " + method
            + " (open its package to io.gevent4j): " + e, e);
      }
    }
    // fixed arity: a varargs method's array is passed as it is, as the generated frames do
    MethodHandle fixed = target.asFixedArity();
    MethodHandle spread = fixed.asType(fixed.type().generic()).asSpreader(Object[].class, type.parameterCount());
    return MethodHandles.insertArguments(CREATE, 0, spread, method)
        .asCollector(Object[].class, type.parameterCount())
        .asType(type);
  }

  private static CoroutineFrame<?> create(MethodHandle target, Method method, Object[] call) {
    return new PlainCallFrame(target, method, call);
  }

  @Override
  protected Object resume$() throws Throwable {
    return target.invokeExact(call);
  }

  @Override
  protected String name$() {
    return method.getName();
  }

  @Override
  protected Object[] arguments$() {
    return Arrays.copyOfRange(call, 1, call.length);
  }

  @Override
  protected String location$() {
    return call[0].getClass().getName() + "." + method.getName();
  }
}
