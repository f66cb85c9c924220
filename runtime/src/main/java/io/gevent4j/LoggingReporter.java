package io.gevent4j;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** {@link Reporter#logging}: {@code java.util.logging}, so that servers route reports to their logger. */
final class LoggingReporter implements Reporter {
  private final Logger logger;

  LoggingReporter(Logger logger) {
    this.logger = logger;
  }

  @Override
  public void greenletFailed(Greenlet<?> greenlet, Throwable failure) {
    report(failure, ReportText.greenletFailed(greenlet, failure));
  }

  @Override
  public void linkFailed(Object link, Greenlet<?> greenlet, Throwable failure) {
    report(failure, ReportText.linkFailed(link, greenlet));
  }

  @Override
  public void callbackFailed(Object task, Throwable failure) {
    report(failure, ReportText.callbackFailed(task, failure));
  }

  @Override
  public void blocked(Object task, long blockedMillis, Thread hubThread, StackTraceElement[] stack) {
    if (!logger.isLoggable(Level.WARNING)) {
      return;
    }
    StringBuilder text = new StringBuilder(ReportText.blocked(task, blockedMillis, hubThread));
    for (StackTraceElement frame : stack) {
      text.append("\n    at ").append(frame);
    }
    log(Level.WARNING, text.toString(), null);
  }

  /** A failure at SEVERE with its exception; an ordinary disconnect at INFO, in one line. */
  private void report(Throwable failure, String summary) {
    IOException disconnect = Disconnects.find(failure);
    if (disconnect != null) {
      log(Level.INFO, ReportText.disconnected(summary, failure, disconnect), null);
    } else {
      log(Level.SEVERE, summary, failure);
    }
  }

  private void log(Level level, String message, Throwable thrown) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName(logger.getName());
    record.setSourceClassName(Hub.class.getName());
    record.setSourceMethodName("report");
    record.setThrown(thrown);
    logger.log(record);
  }

  @Override
  public String toString() {
    return "Reporter.logging(" + logger.getName() + ")";
  }
}
