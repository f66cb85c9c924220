package io.gevent4j;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@link Reporter#gevent}: gevent's stderr format, to one stream. */
final class GeventFormatReporter implements Reporter {
  private final PrintStream out;

  GeventFormatReporter(PrintStream out) {
    this.out = out;
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
    StringBuilder text = new StringBuilder()
        .append(now()).append(" : ").append(ReportText.blocked(task, blockedMillis, hubThread)).append('\n');
    for (StackTraceElement frame : stack) {
      text.append("    at ").append(frame).append('\n');
    }
    synchronized (out) {
      out.print(text);
      out.flush();
    }
  }

  /** The stack trace, then {@code <time> <summary>} and an empty line; a disconnect in one line. */
  private void report(Throwable failure, String summary) {
    IOException disconnect = Disconnects.find(failure);
    synchronized (out) {
      if (disconnect != null) {
        out.println(now() + " " + ReportText.disconnected(summary, failure, disconnect));
        return;
      }
      failure.printStackTrace(out);
      out.println(now() + " " + summary);
      out.println();
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public String toString() {
    return "Reporter.gevent(" + (out == System.err ? "System.err" : out.toString()) + ")";
  }
}
