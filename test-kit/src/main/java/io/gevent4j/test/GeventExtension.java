package io.gevent4j.test;

import io.gevent4j.Clock;
import io.gevent4j.Hub;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension ({@code @ExtendWith(GeventExtension.class)}): runs each test in a fresh hub of
 * the test's thread on a virtual clock, so sleeps and timeouts complete at once, in order, and
 * {@link TestHub} (a test method parameter) moves time with {@link TestHub#advanceTime} and
 * {@link TestHub#runUntilIdle}.
 *
 * <p>After the test and its {@code @AfterEach} methods, the test fails if a greenlet died of an
 * exception that the test did not take ({@link TestHub#takeFailures}; also a link or hub callback
 * that threw), or if it left greenlets, ready tasks, timers, open sockets or waits for other
 * threads on the hub; the message lists them with the dump of where each greenlet waits. Either
 * way the leftovers are killed and the thread gets a new hub on {@link Clock#system()}, so later
 * tests start clean. A test that failed on its own is not failed again for what it left.
 *
 * <p>The test must run on the thread that ran its {@code @BeforeEach} methods (JUnit's default;
 * not {@code @Timeout(threadMode = SEPARATE_THREAD)}). A hub is per thread: tests run in parallel
 * each get their own.
 */
public final class GeventExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GeventExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    Hub hub;
    try {
      hub = Hub.install(Clock.virtual());
    } catch (IllegalStateException busy) {
      throw new IllegalStateException("gevent4j: cannot give the test a fresh hub: the hub of thread \""
          + Thread.currentThread().getName() + "\" still has work from earlier code (" + busy.getMessage() + ")", busy);
    }
    FailureCollector failures = new FailureCollector();
    hub.setReporter(failures);
    context.getStore(NAMESPACE).put(TestHub.class, new TestHub(hub, failures));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestHub test = context.getStore(NAMESPACE).remove(TestHub.class, TestHub.class);
    if (test == null) {
      return;
    }
    Hub hub = Hub.current();
    String leftovers = Leftovers.describe(hub);
    List<FailureCollector.Failure> failures = test.failures().pending();
    Leftovers.cleanUp(hub);
    AssertionError restoring = restoreSystemHub();
    if (context.getExecutionException().isPresent()) {
      return; // the test's own failure says more than what it left behind
    }
    AssertionError verdict = Verdicts.of(failures, leftovers);
    if (verdict == null) {
      verdict = restoring;
    } else if (restoring != null) {
      verdict.addSuppressed(restoring);
    }
    if (verdict != null) {
      throw verdict;
    }
  }

  /** Gives the thread a hub on real time again; an error if clean-up could not empty the old one. */
  private static AssertionError restoreSystemHub() {
    try {
      Hub.install(Clock.system());
      return null;
    } catch (IllegalStateException stillBusy) {
      return new AssertionError("gevent4j: clean-up could not empty the test's hub (timers more than "
          + Leftovers.CLEAN_UP_MILLIS / 60_000 + " virtual minutes away, or greenlets that survive being killed); "
          + "later tests on this thread will find it busy: " + stillBusy.getMessage(), stillBusy);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestHub.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestHub test = context.getStore(NAMESPACE).get(TestHub.class, TestHub.class);
    if (test == null) {
      throw new org.junit.jupiter.api.extension.ParameterResolutionException(
          "gevent4j: a TestHub exists only for test methods and @BeforeEach/@AfterEach methods");
    }
    return test;
  }
}
