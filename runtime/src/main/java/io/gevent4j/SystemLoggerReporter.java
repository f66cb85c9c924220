package io.gevent4j;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * {@link Reporter#systemLogger}: JDK 9+'s {@code System.Logger}, reached by reflection so that the
 * runtime still runs on JDK 8 (where {@link #create} falls back to {@code java.util.logging}).
 */
final class SystemLoggerReporter extends SummarizingReporter {
  /** The JDK's {@code System.Logger} API, or null before JDK 9. */
  private static final Api API = Api.find();

  private final String name;
  private final Object logger;

  private SystemLoggerReporter(String name, Object logger) {
    this.name = name;
    this.logger = logger;
  }

  /** A reporter through the {@code System.Logger} {@code name}; {@link Reporter#logging()} before JDK 9. */
  static Reporter create(String name) {
    if (API == null) {
      return Reporter.logging(java.util.logging.Logger.getLogger(name));
    }
    try {
      return new SystemLoggerReporter(name, API.getLogger.invoke(name));
    } catch (Throwable unavailable) {
      return Reporter.logging(java.util.logging.Logger.getLogger(name));
    }
  }

  @Override
  public void blocked(Object task, long blockedMillis, Thread hubThread, StackTraceElement[] stack) {
    if (isLoggable(API.warning)) {
      log(API.warning, ReportText.blockedWithStack(task, blockedMillis, hubThread, stack), null);
    }
  }

  /** At {@code ERROR}, with the exception. */
  @Override
  void reportFailure(Throwable failure, String summary) {
    log(API.error, summary, failure);
  }

  /** At {@code INFO}, without an exception. */
  @Override
  void reportDisconnect(String line) {
    log(API.info, line, null);
  }

  private boolean isLoggable(Object level) {
    try {
      return (boolean) API.isLoggable.invoke(logger, level);
    } catch (Throwable e) {
      throw new IllegalStateException("System.Logger.isLoggable failed", e);
    }
  }

  private void log(Object level, String message, Throwable thrown) {
    try {
      API.log.invoke(logger, level, message, thrown);
    } catch (Throwable e) {
      throw new IllegalStateException("System.Logger.log failed", e);
    }
  }

  @Override
  public String toString() {
    return "Reporter.systemLogger(" + name + ")";
  }

  /** Handles on {@code System.getLogger}, {@code Logger.log}, {@code Logger.isLoggable} and three levels. */
  private static final class Api {
    final MethodHandle getLogger;
    final MethodHandle log;
    final MethodHandle isLoggable;
    final Object error;
    final Object warning;
    final Object info;

    private Api(Class<?> loggerType, Class<?> levelType) throws ReflectiveOperationException {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      getLogger = lookup.findStatic(System.class, "getLogger", MethodType.methodType(loggerType, String.class))
          .asType(MethodType.methodType(Object.class, String.class));
      log = lookup.findVirtual(loggerType, "log", MethodType.methodType(void.class, levelType, String.class, Throwable.class))
          .asType(MethodType.methodType(void.class, Object.class, Object.class, String.class, Throwable.class));
      isLoggable = lookup.findVirtual(loggerType, "isLoggable", MethodType.methodType(boolean.class, levelType))
          .asType(MethodType.methodType(boolean.class, Object.class, Object.class));
      error = levelType.getField("ERROR").get(null);
      warning = levelType.getField("WARNING").get(null);
      info = levelType.getField("INFO").get(null);
    }

    static Api find() {
      try {
        return new Api(Class.forName("java.lang.System$Logger"), Class.forName("java.lang.System$Logger$Level"));
      } catch (ReflectiveOperationException | LinkageError | RuntimeException beforeJdk9) {
        return null;
      }
    }
  }
}
