package io.gevent4j;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@link Reporter#gevent}: gevent's stderr format, to one stream. */
final class GeventFormatReporter extends SummarizingReporter {
  private final PrintStream out;

  GeventFormatReporter(PrintStream out) {
    this.out = out;
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

  /** The stack trace, then {@code <time> <summary>} and an empty line. */
  @Override
  void reportFailure(Throwable failure, String summary) {
    synchronized (out) {
      failure.printStackTrace(out);
      out.println(now() + " " + summary);
      out.println();
    }
  }

  @Override
  void reportDisconnect(String line) {
    out.println(now() + " " + line);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public String toString() {
    return "Reporter.gevent(" + (out == System.err ? "System.err" : out.toString()) + ")";
  }
}
