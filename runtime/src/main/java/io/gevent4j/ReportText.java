package io.gevent4j;

import java.io.IOException;

/** The one-line summaries that every built-in {@link Reporter} uses, in gevent's words. */
final class ReportText {
  private ReportText() {
  }

  static String greenletFailed(Greenlet<?> greenlet, Throwable failure) {
    return greenlet + " failed with " + failure.getClass().getSimpleName();
  }

  /** The lines {@code spawned at} and the greenlet's spawn site, if captured; else empty. */
  static String spawnedAt(Greenlet<?> greenlet) {
    StackTraceElement[] site = greenlet.spawningStack();
    if (site == null) {
      return "";
    }
    StringBuilder text = new StringBuilder("  spawned at\n");
    for (StackTraceElement frame : site) {
      text.append("    at ").append(frame).append('\n');
    }
    return text.toString();
  }

  static String linkFailed(Object link, Greenlet<?> greenlet) {
    return "link " + link + " of " + greenlet;
  }

  static String callbackFailed(Object task, Throwable failure) {
    return "callback " + task + " failed with " + failure.getClass().getSimpleName();
  }

  static String blocked(Object task, long blockedMillis, Thread hubThread) {
    return task + " appears to be blocked for " + blockedMillis + " ms on " + hubThread.getName();
  }

  /** {@link #blocked} followed by the lines of {@code stack}, for a log message. */
  static String blockedWithStack(Object task, long blockedMillis, Thread hubThread, StackTraceElement[] stack) {
    StringBuilder text = new StringBuilder(blocked(task, blockedMillis, hubThread));
    for (StackTraceElement frame : stack) {
      text.append("\n    at ").append(frame);
    }
    return text.toString();
  }

  /** {@code summary} of an ordinary disconnect, for a report without the stack trace. */
  static String disconnected(String summary, Throwable failure, IOException disconnect) {
    return summary + ": the peer disconnected (" + Disconnects.describe(failure, disconnect) + ")";
  }
}
