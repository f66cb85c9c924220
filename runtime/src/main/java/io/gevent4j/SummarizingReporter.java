package io.gevent4j;

import java.io.IOException;

/**
 * The base of the built-in reporters: each failure becomes gevent's one-line summary
 * ({@link ReportText}) and, unless it is an ordinary disconnect ({@link Disconnects}), its trace.
 */
abstract class SummarizingReporter implements Reporter {
  @Override
  public final void greenletFailed(Greenlet<?> greenlet, Throwable failure) {
    summarize(failure, ReportText.greenletFailed(greenlet, failure), ReportText.spawnedAt(greenlet));
  }

  @Override
  public final void linkFailed(Object link, Greenlet<?> greenlet, Throwable failure) {
    summarize(failure, ReportText.linkFailed(link, greenlet), "");
  }

  @Override
  public final void callbackFailed(Object task, Throwable failure) {
    summarize(failure, ReportText.callbackFailed(task, failure), "");
  }

  /** {@code details} (lines, such as the spawn site) follow the summary of a full report only. */
  private void summarize(Throwable failure, String summary, String details) {
    IOException disconnect = Disconnects.find(failure);
    if (disconnect != null) {
      reportDisconnect(ReportText.disconnected(summary, failure, disconnect));
    } else {
      reportFailure(failure, details.isEmpty() ? summary : summary + "\n" + details.substring(0, details.length() - 1));
    }
  }

  /** Reports {@code failure} with its trace and {@code summary}. */
  abstract void reportFailure(Throwable failure, String summary);

  /** Reports an ordinary disconnect in the one line {@code line}, without a trace. */
  abstract void reportDisconnect(String line);
}
