package io.gevent4j;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one error handler of a hub (gevent's {@code hub.handle_error} and
 * {@code exception_stream}): prints the failure of a greenlet, a link or a hub callback in gevent's
 * format, its stack trace then {@code <time> <what> failed with <Type>}, to the stream set with
 * {@link Hub#setErrorStream} ({@code System.err} by default, {@code null} for none).
 */
final class FailureReport {
  /** Volatile so that {@link Hub#setErrorStream} may be called from any thread. */
  private volatile PrintStream stream = System.err;

  void setStream(PrintStream stream) {
    this.stream = stream;
  }

  /** {@code greenlet} died of {@code failure}. */
  void greenletFailed(Greenlet<?> greenlet, Throwable failure) {
    report(failure, greenlet + " failed with " + failure.getClass().getSimpleName());
  }

  /** The link callback {@code link} of {@code greenlet} threw {@code failure}. */
  void linkFailed(Object link, Greenlet<?> greenlet, Throwable failure) {
    report(failure, "link " + link + " of " + greenlet);
  }

  /** The hub callback or timer {@code task} threw {@code failure}. */
  void callbackFailed(Object task, Throwable failure) {
    report(failure, "callback " + task + " failed with " + failure.getClass().getSimpleName());
  }

  private void report(Throwable failure, String summary) {
    PrintStream out = stream;
    if (out != null) {
      failure.printStackTrace(out);
      out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + summary);
      out.println();
    }
  }
}
