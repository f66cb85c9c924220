package io.gevent4j.test;

import io.gevent4j.Gevent;
import io.gevent4j.Hub;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hub of one test run by {@link GeventExtension}: a fresh hub of the test's thread on a virtual
 * clock, and the means to drive its time. A test gets it as a parameter ({@code void t(TestHub hub)}).
 *
 * <p>Virtual time starts at 0 and moves only when the hub has nothing to run: a wait of plain code
 * ({@code join}, {@code get}, {@code Gevent.sleep}, ...) runs the ready greenlets, then jumps the
 * clock to the next timer, so sleeps and timeouts complete at once, in deadline order. Hub thread
 * (the test's thread) only, from plain code: a greenlet that called {@link #advanceTime} would not
 * be transformed code, and is told so ({@code UntransformedCallException}).
 */
public final class TestHub {
  private final Hub hub;
  private final FailureCollector failures;

  TestHub(Hub hub, FailureCollector failures) {
    this.hub = hub;
    this.failures = failures;
  }

  /** The test's hub ({@link Hub#current()} on the test's thread while the test runs). */
  public Hub hub() {
    return hub;
  }

  /** Virtual time since the test began, in milliseconds. */
  public long currentTimeMillis() {
    return TimeUnit.NANOSECONDS.toMillis(hub.clock().nanoTime());
  }

  /**
   * Moves virtual time forward by {@code millis}, running every greenlet, timer and callback due
   * until then, in order; returns when the clock reads {@link #currentTimeMillis()} {@code + millis}.
   * {@code advanceTime(0)} runs what is ready now.
   */
  public void advanceTime(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("cannot move time backwards: " + millis + " ms");
    }
    Gevent.sleep(millis);
  }

  /**
   * Runs the hub until nothing is left to run: every greenlet finished or waiting on something
   * that is never going to happen, every timer fired (virtual time jumps to the last one). Waits
   * that another thread promised to complete are waited for in real time. Never returns if
   * greenlets keep scheduling timers forever (a loop that sleeps): use {@link #advanceTime} then.
   */
  public void runUntilIdle() {
    Gevent.waitIdle();
  }

  /**
   * The failures the hub has reported so far (greenlets that died of an exception, link and hub
   * callbacks that threw), in order, forgotten once taken: a test that expects a greenlet to fail
   * takes its failure, so that it does not fail the test.
   */
  public List<Throwable> takeFailures() {
    return failures.take();
  }

  FailureCollector failures() {
    return failures;
  }

  @Override
  public String toString() {
    return "TestHub " + hub + " at " + currentTimeMillis() + " ms";
  }
}
