package io.gevent4j.processor.javac;

import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Gets javac's tree API from a processing environment, unwrapping the wrappers that build tools
 * (Gradle, IntelliJ) put around javac's own, and saying clearly when the compiler has no tree API.
 */
public final class JavacEnvironment {
  private JavacEnvironment() {}

  /** javac's {@link Trees}; throws {@link IllegalStateException} naming the compiler if unavailable. */
  public static Trees trees(ProcessingEnvironment environment) {
    ProcessingEnvironment unwrapped = unwrap(environment);
    try {
      return Trees.instance(unwrapped);
    } catch (IllegalArgumentException | LinkageError e) {
      throw new IllegalStateException(unwrapped.getClass().getName(), e);
    }
  }

  /** Follows known delegate fields and IntelliJ's {@code jbUnwrap} until javac's environment. */
  static ProcessingEnvironment unwrap(ProcessingEnvironment environment) {
    ProcessingEnvironment current = environment;
    for (int depth = 0; depth < 8 && !isJavac(current); depth++) {
      ProcessingEnvironment inner = delegateOf(current);
      if (inner == null || inner == current) {
        break;
      }
      current = inner;
    }
    return current;
  }

  private static boolean isJavac(ProcessingEnvironment environment) {
    return environment.getClass().getName().equals("com.sun.tools.javac.processing.JavacProcessingEnvironment");
  }

  private static ProcessingEnvironment delegateOf(ProcessingEnvironment environment) {
    try {
      Class<?> apiWrappers = environment.getClass().getClassLoader().loadClass("org.jetbrains.jps.javac.APIWrappers");
      Method unwrap = apiWrappers.getDeclaredMethod("unwrap", Class.class, Object.class);
      Object inner = unwrap.invoke(null, ProcessingEnvironment.class, environment);
      if (inner instanceof ProcessingEnvironment && inner != environment) {
        return (ProcessingEnvironment) inner;
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
      // not IntelliJ
    }
    for (Class<?> type = environment.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (ProcessingEnvironment.class.isAssignableFrom(field.getType())) {
          try {
            field.setAccessible(true);
            return (ProcessingEnvironment) field.get(environment);
          } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
          }
        }
      }
    }
    return null;
  }
}
