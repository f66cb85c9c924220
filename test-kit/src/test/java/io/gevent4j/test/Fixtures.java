package io.gevent4j.test;

import io.gevent4j.Clock;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.event.Event;
import io.gevent4j.socket.ServerSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Test classes that misbehave on purpose, run by {@link GeventExtensionVerdictTest} through the
 * JUnit launcher (they are nested, so the build does not run them itself).
 */
final class Fixtures {
  /** What the fixtures logged (their greenlets' {@code finally} blocks). */
  static final List<String> LOG = new CopyOnWriteArrayList<>();
  /** The server socket {@link LeavesWork#aSocket} leaves open, closed by the verdict test. */
  static volatile ServerSocket openServer;

  private static volatile boolean running;

  private Fixtures() {
  }

  /** Whether {@link #run} runs the fixtures: they are disabled when a build runs them on their own. */
  static boolean running() {
    return running;
  }

  /** Runs the tests of {@code fixture} on this thread; their results by method name. */
  static Map<String, TestExecutionResult> run(Class<?> fixture) {
    Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(fixture))
        .build();
    Launcher launcher = LauncherFactory.create();
    running = true;
    try {
      launcher.execute(request, new TestExecutionListener() {
        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
          if (test.isTest()) {
            results.put(((MethodSource) test.getSource().get()).getMethodName(), result);
          }
        }
      });
    } finally {
      running = false;
    }
    return results;
  }

  @ExtendWith(GeventExtension.class)
  @EnabledIf("io.gevent4j.test.Fixtures#running")
  static class LeavesWork {
    @Test
    void aSleepingGreenlet(TestHub hub) {
      Gevent.spawn(WorkersCoroutines.forever(LOG));
      hub.advanceTime(1500);
    }

    @Test
    void anUnjoinedGreenlet() {
      Gevent.spawn(WorkersCoroutines.sleeper(LOG, "never joined", 10));
    }

    @Test
    void aGreenletWaitingOnAnEvent(TestHub hub) {
      Gevent.spawn(WorkersCoroutines.awaiting(new Event()));
      hub.advanceTime(0);
    }

    @Test
    void aTimer(TestHub hub) {
      hub.hub().schedule(1000, () -> LOG.add("timer fired"));
    }

    @Test
    void aSocket() throws IOException {
      openServer = ServerSocket.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
    }

    @Test
    void nothing(TestHub hub) {
      Greenlet<String> joined = Gevent.spawn(WorkersCoroutines.sleeper(LOG, "joined", 10));
      joined.join();
    }

    @Test
    void aGreenletAndFailsOnItsOwn() {
      Gevent.spawn(WorkersCoroutines.forever(LOG));
      throw new AssertionError("the test's own failure");
    }
  }

  @ExtendWith(GeventExtension.class)
  @EnabledIf("io.gevent4j.test.Fixtures#running")
  static class ReportsFailures {
    @Test
    void anUncaughtGreenletFailure() {
      Gevent.spawn(WorkersCoroutines.failing("boom")).join();
    }

    @Test
    void twoFailures() {
      Gevent.joinAll(Gevent.spawn(WorkersCoroutines.failing("first")), Gevent.spawn(WorkersCoroutines.failing("second")));
    }

    @Test
    void aFailingLink() {
      Greenlet<String> done = Gevent.spawn(WorkersCoroutines.sleeper(LOG, "linked", 5));
      done.link(dead -> {
        throw new IllegalArgumentException("bad link");
      });
      done.join();
      Gevent.sleep(0);
    }

    @Test
    void aFailureItTakes(TestHub hub) {
      Gevent.spawn(WorkersCoroutines.failing("taken")).join();
      hub.takeFailures();
    }
  }

  /** Leaves the thread's hub busy before the extension runs: the extension says so. */
  @ExtendWith(GeventExtension.class)
  @EnabledIf("io.gevent4j.test.Fixtures#running")
  static class FindsABusyHub {
    @Test
    void test() {
    }
  }

  /** Installs a hub with work on the calling thread, as code outside the kit could. */
  static Hub busyHub() {
    Hub hub = Hub.install(Clock.virtual());
    hub.schedule(10, () -> LOG.add("busy hub's timer"));
    return hub;
  }
}
