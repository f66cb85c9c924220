package io.gevent4j;

import io.gevent4j.annotations.Coroutine;
import io.gevent4j.annotations.Yielding;
import io.gevent4j.internal.Classes;
import io.gevent4j.internal.SourceLines;
import java.lang.reflect.Method;
import java.security.CodeSource;

/**
 * Thrown when a {@code @Yielding} method is called inside a running greenlet from code that the
 * gevent4j processor did not transform (a plain helper method, a lambda): such code cannot
 * suspend, and running the hub re-entrantly would break every other greenlet. The message names
 * the method to annotate with {@code @Coroutine}.
 */
public class UntransformedCallException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  UntransformedCallException(String message) {
    super(message);
  }

  static UntransformedCallException forCurrentStack(Greenlet<?> greenlet) {
    StackTraceElement[] stack = new Throwable().getStackTrace();
    String yielding = null;
    StackTraceElement caller = null;
    ClassLoader greenletLoader = greenlet.loaderOfCode();
    for (StackTraceElement frame : stack) {
      Class<?> type = Classes.load(frame.getClassName(), greenletLoader);
      if (type != null && isRuntime(type)) {
        if (isAnnotated(type, frame.getMethodName(), Yielding.class)) {
          yielding = simpleName(frame);
        }
        continue;
      }
      if (type == null) {
        caller = frame;
        break;
      }
      if (isAnnotated(type, frame.getMethodName(), Yielding.class)) {
        yielding = simpleName(frame);
        continue;
      }
      caller = frame;
      break;
    }
    String what = yielding == null ? "a @Yielding method" : "@Yielding " + yielding;
    return new UntransformedCallException(what + " was called inside " + greenlet
        + " from " + describe(caller, greenletLoader) + ", which gevent4j did not transform, so it cannot suspend. "
        + advice(caller, greenletLoader));
  }

  /** {@code frame} in the user's source (a lambda in a coroutine body is generated code). */
  private static String describe(StackTraceElement frame, ClassLoader greenletLoader) {
    if (frame == null) {
      return "unknown code";
    }
    StackTraceElement caller = SourceLines.toSource(frame, greenletLoader);
    String where = caller.getFileName() == null ? "" : " (" + caller.getFileName() + ":" + caller.getLineNumber() + ")";
    if (frame.getMethodName().startsWith("lambda$")) {
      return "a lambda in " + caller.getClassName() + where;
    }
    return caller.getClassName() + "." + caller.getMethodName() + where;
  }

  private static String advice(StackTraceElement caller, ClassLoader greenletLoader) {
    if (caller == null) {
      return "Call it from a @Coroutine method.";
    }
    if (caller.getMethodName().startsWith("lambda$")) {
      return "Move the call out of the lambda into a @Coroutine method.";
    }
    Class<?> type = Classes.load(caller.getClassName(), greenletLoader);
    if (type != null && isAnnotated(type, caller.getMethodName(), Coroutine.class)) {
      return caller.getClassName() + "." + caller.getMethodName()
          + " is a @Coroutine but was called directly, which runs its blocking body; call it from"
          + " another @Coroutine method, or spawn it through its generated factory.";
    }
    return "Annotate " + caller.getClassName() + "." + caller.getMethodName()
        + " with @Coroutine and call it from a @Coroutine method.";
  }

  private static String simpleName(StackTraceElement frame) {
    String className = frame.getClassName();
    return className.substring(className.lastIndexOf('.') + 1) + "." + frame.getMethodName();
  }

  /** Whether the class comes from the gevent4j runtime itself (its jar or classes folder). */
  private static boolean isRuntime(Class<?> type) {
    if (type.getName().startsWith("java.") || type.getName().startsWith("sun.")
        || type.getName().startsWith("jdk.")) {
      return true;
    }
    try {
      CodeSource runtime = Waiter.class.getProtectionDomain().getCodeSource();
      CodeSource source = type.getProtectionDomain().getCodeSource();
      return runtime != null && source != null && runtime.getLocation().equals(source.getLocation());
    } catch (SecurityException e) {
      return type.getPackage() != null && type.getPackage().getName().startsWith("io.gevent4j");
    }
  }

  private static boolean isAnnotated(Class<?> type, String methodName, Class<? extends java.lang.annotation.Annotation> annotation) {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(methodName) && method.isAnnotationPresent(annotation)) {
        return true;
      }
    }
    return false;
  }
}
