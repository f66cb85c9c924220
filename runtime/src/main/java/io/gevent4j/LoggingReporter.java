package io.gevent4j;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** {@link Reporter#logging}: {@code java.util.logging}, so that servers route reports to their logger. */
final class LoggingReporter extends SummarizingReporter {
  private final Logger logger;

  LoggingReporter(Logger logger) {
    this.logger = logger;
  }

  @Override
  public void blocked(Object task, long blockedMillis, Thread hubThread, StackTraceElement[] stack) {
    if (!logger.isLoggable(Level.WARNING)) {
      return;
    }
    log(Level.WARNING, ReportText.blockedWithStack(task, blockedMillis, hubThread, stack), null);
  }

  /** At {@code SEVERE}, with the exception. */
  @Override
  void reportFailure(Throwable failure, String summary) {
    log(Level.SEVERE, summary, failure);
  }

  /** At {@code INFO}, without an exception. */
  @Override
  void reportDisconnect(String line) {
    log(Level.INFO, line, null);
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
