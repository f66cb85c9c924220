package io.gevent4j.internal;

/** Finds a class by name without initializing it; public for the runtime, not API. */
public final class Classes {
  private Classes() {}

  /**
   * The class {@code className} from {@code preferred} (may be null), else the thread's context
   * class loader, else the runtime's; null if none has it.
   */
  public static Class<?> load(String className, ClassLoader preferred) {
    ClassLoader[] loaders = {preferred, Thread.currentThread().getContextClassLoader(), Classes.class.getClassLoader()};
    for (ClassLoader loader : loaders) {
      if (loader == null) {
        continue;
      }
      try {
        return Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError | SecurityException ignored) {
        // try the next loader
      }
    }
    return null;
  }
}
