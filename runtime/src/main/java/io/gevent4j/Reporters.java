package io.gevent4j;

/**
 * The reporter a new hub starts with, chosen by the system property {@code gevent4j.reporter}
 * (see {@link Reporter}), and the guard that keeps a throwing reporter from stopping a hub.
 */
final class Reporters {
  /** The system property that chooses the reporter of new hubs. */
  static final String PROPERTY = "gevent4j.reporter";

  static final Reporter NONE = new Reporter() {
    @Override
    public void greenletFailed(Greenlet<?> greenlet, Throwable failure) {
    }

    @Override
    public void linkFailed(Object link, Greenlet<?> greenlet, Throwable failure) {
    }

    @Override
    public void callbackFailed(Object task, Throwable failure) {
    }

    @Override
    public void blocked(Object task, long blockedMillis, Thread hubThread, StackTraceElement[] stack) {
    }

    @Override
    public String toString() {
      return "Reporter.none()";
    }
  };

  private Reporters() {
  }

  /** The reporter {@code gevent4j.reporter} names; gevent's format on stderr when unset or unknown. */
  static Reporter fromSystemProperty() {
    String name = System.getProperty(PROPERTY, "gevent").trim();
    switch (name) {
      case "gevent":
      case "":
        return Reporter.gevent(System.err);
      case "logging":
        return Reporter.logging();
      case "system":
        return Reporter.systemLogger();
      case "none":
        return NONE;
      default:
        return instantiate(name);
    }
  }

  private static Reporter instantiate(String className) {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type = Class.forName(className, true, loader != null ? loader : Reporters.class.getClassLoader());
      return (Reporter) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      System.err.println("gevent4j: -D" + PROPERTY + "=" + className + " is not gevent, logging, system, none or a "
          + "Reporter class with a public no-argument constructor (" + e + "); reporting to stderr");
      return Reporter.gevent(System.err);
    }
  }

  /** Prints what a reporter threw instead of reporting, so that the hub carries on. */
  static void reporterFailed(Reporter reporter, Throwable failure) {
    try {
      System.err.println("gevent4j: reporter " + reporter + " threw instead of reporting:");
      failure.printStackTrace();
    } catch (Throwable ignored) {
      // nothing left to report to
    }
  }
}
