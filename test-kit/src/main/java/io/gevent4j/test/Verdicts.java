package io.gevent4j.test;

import java.util.List;

/** Turns what a test's hub reported and what it left into the error that fails the test. */
final class Verdicts {
  private Verdicts() {
  }

  /**
   * The error for {@code failures} (the first is the message and the cause, the others are
   * suppressed) and {@code leftovers} (the message of {@link Leftovers#describe}, or null); null
   * when there is neither.
   */
  static AssertionError of(List<FailureCollector.Failure> failures, String leftovers) {
    AssertionError verdict = null;
    for (FailureCollector.Failure failure : failures) {
      AssertionError error = new AssertionError("gevent4j: " + failure.summary
          + " (reported by the hub: the test did not catch it; TestHub.takeFailures() takes the failures a test expects)",
          failure.exception);
      if (verdict == null) {
        verdict = error;
      } else {
        verdict.addSuppressed(error);
      }
    }
    if (leftovers != null) {
      AssertionError left = new AssertionError("gevent4j: " + leftovers);
      if (verdict == null) {
        verdict = left;
      } else {
        verdict.addSuppressed(left);
      }
    }
    return verdict;
  }
}
