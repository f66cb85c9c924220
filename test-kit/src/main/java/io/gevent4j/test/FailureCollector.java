package io.gevent4j.test;

import io.gevent4j.Greenlet;
import io.gevent4j.Reporter;
import java.util.ArrayList;
import java.util.List;

/**
 * The reporter of a test's hub: keeps each failure the hub reports, with gevent's one-line summary
 * as its description, so that an uncaught greenlet failure fails the test. Hub thread only.
 */
final class FailureCollector implements Reporter {
  /** One reported failure. */
  static final class Failure {
    final String summary;
    final Throwable exception;

    Failure(String summary, Throwable exception) {
      this.summary = summary;
      this.exception = exception;
    }
  }

  private final List<Failure> failures = new ArrayList<>();

  @Override
  public void greenletFailed(Greenlet<?> greenlet, Throwable failure) {
    failures.add(new Failure(greenlet + " failed with " + failure, failure));
  }

  @Override
  public void linkFailed(Object link, Greenlet<?> greenlet, Throwable failure) {
    failures.add(new Failure("link " + link + " of " + greenlet + " failed with " + failure, failure));
  }

  @Override
  public void callbackFailed(Object task, Throwable failure) {
    failures.add(new Failure("callback " + task + " failed with " + failure, failure));
  }

  /** Nothing samples a test's hub; a monitor the test starts itself reports where it says. */
  @Override
  public void blocked(Object task, long blockedMillis, Thread hubThread, StackTraceElement[] stack) {
  }

  /** The exceptions reported and not yet taken; forgets them. */
  List<Throwable> take() {
    List<Throwable> taken = new ArrayList<>();
    for (Failure failure : failures) {
      taken.add(failure.exception);
    }
    failures.clear();
    return taken;
  }

  /** The failures reported and not taken. */
  List<Failure> pending() {
    return new ArrayList<>(failures);
  }

  @Override
  public String toString() {
    return "the gevent4j test kit's failure collector";
  }
}
