package io.gevent4j;

import java.util.function.Consumer;

/**
 * The one error handler of a hub (gevent's {@code hub.handle_error}): hands the failure of a
 * greenlet, a link or a hub callback to the hub's {@link Reporter} ({@link Hub#setReporter};
 * gevent's format on {@code System.err} unless the system property {@code gevent4j.reporter} says
 * otherwise), and keeps a reporter that throws from disturbing the hub.
 */
final class FailureReport {
  /** Volatile so that {@link Hub#setReporter} may be called from any thread. */
  private volatile Reporter reporter = Reporters.fromSystemProperty();

  void setReporter(Reporter reporter) {
    this.reporter = reporter;
  }

  Reporter reporter() {
    return reporter;
  }

  /** {@code greenlet} died of {@code failure}. */
  void greenletFailed(Greenlet<?> greenlet, Throwable failure) {
    deliver(to -> to.greenletFailed(greenlet, failure));
  }

  /** The link callback {@code link} of {@code greenlet} threw {@code failure}. */
  void linkFailed(Object link, Greenlet<?> greenlet, Throwable failure) {
    deliver(to -> to.linkFailed(link, greenlet, failure));
  }

  /** The hub callback or timer {@code task} threw {@code failure}. */
  void callbackFailed(Object task, Throwable failure) {
    deliver(to -> to.callbackFailed(task, failure));
  }

  private void deliver(Consumer<Reporter> report) {
    Reporter to = reporter;
    try {
      report.accept(to);
    } catch (Throwable broken) {
      Reporters.reporterFailed(to, broken);
    }
  }
}
