package io.gevent4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Hub;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/**
 * How {@link GeventExtension} fails a test: what it left on its hub, the failures the hub reported;
 * and that the thread's hub is clean and on real time afterwards. Runs {@link Fixtures} through
 * the JUnit launcher.
 */
class GeventExtensionVerdictTest {
  @BeforeEach
  @AfterEach
  void clearLog() {
    Fixtures.LOG.clear();
  }

  private static String message(TestExecutionResult result) {
    assertEquals(TestExecutionResult.Status.FAILED, result.getStatus(), String.valueOf(result));
    return result.getThrowable().get().getMessage();
  }

  private static void assertLeavesACleanSystemHub() {
    Hub hub = Hub.current();
    assertTrue(hub.isEmpty(), hub.toString());
    assertTrue(hub.liveGreenlets().isEmpty(), hub.dump());
    assertEquals(Clock.system(), hub.clock(), "the thread is back on real time");
  }

  @Test
  void whatATestLeavesBehindFailsItAndIsCleanedUp() throws IOException {
    Map<String, TestExecutionResult> results = Fixtures.run(Fixtures.LeavesWork.class);
    try {
      String sleeping = message(results.get("aSleepingGreenlet"));
      assertTrue(sleeping.startsWith("gevent4j: the test left work behind on its hub: 1 live greenlet, 1 timer "), sleeping);
      assertTrue(sleeping.contains(": forever(["), "the dump names the greenlet: " + sleeping);
      assertTrue(sleeping.matches("(?s).* suspended\\n    at io\\.gevent4j\\.test\\.Workers\\.forever\\(Workers\\.java:\\d+\\).*"),
          "and the line it waits at: " + sleeping);
      assertTrue(Fixtures.LOG.contains("finally"), "clean-up killed it, running its finally block: " + Fixtures.LOG);

      String unjoined = message(results.get("anUnjoinedGreenlet"));
      assertTrue(unjoined.contains(": 1 live greenlet, 1 task ready to run "), unjoined);
      assertTrue(unjoined.contains("sleeper(["), unjoined);
      assertFalse(Fixtures.LOG.contains("never joined"), "killed before it ran, it never ran");

      String waiting = message(results.get("aGreenletWaitingOnAnEvent"));
      assertTrue(waiting.contains(": 1 live greenlet (join"), waiting);
      assertTrue(waiting.contains(" waiting\n    at io.gevent4j.test.Workers.awaiting(Workers.java:"), waiting);

      assertTrue(message(results.get("aTimer")).contains(": 1 timer (join or kill greenlets, close sockets"),
          message(results.get("aTimer")));
      assertTrue(Fixtures.LOG.contains("timer fired"), "clean-up ran the timer: " + Fixtures.LOG);

      assertTrue(message(results.get("aSocket")).contains(": 1 open socket "), message(results.get("aSocket")));

      assertEquals(TestExecutionResult.Status.SUCCESSFUL, results.get("nothing").getStatus(), String.valueOf(results.get("nothing")));

      TestExecutionResult own = results.get("aGreenletAndFailsOnItsOwn");
      assertEquals("the test's own failure", message(own));
      assertEquals(0, own.getThrowable().get().getSuppressed().length, "not failed again for what it left");
      assertEquals(7, results.size(), results.keySet().toString());
    } finally {
      if (Fixtures.openServer != null) {
        Fixtures.openServer.close();
      }
    }
    assertLeavesACleanSystemHub();
  }

  @Test
  void failuresTheHubReportsFailTheTest() {
    Map<String, TestExecutionResult> results = Fixtures.run(Fixtures.ReportsFailures.class);
    TestExecutionResult uncaught = results.get("anUncaughtGreenletFailure");
    String text = message(uncaught);
    assertTrue(text.matches("gevent4j: <Greenlet at 0x[0-9a-f]+: failing\\('boom'\\)> failed with java\\.lang\\.IllegalStateException: boom "
        + "\\(reported by the hub: the test did not catch it; TestHub\\.takeFailures\\(\\) takes the failures a test expects\\)"), text);
    Throwable cause = uncaught.getThrowable().get().getCause();
    assertNotNull(cause);
    assertEquals("boom", cause.getMessage());

    Throwable two = results.get("twoFailures").getThrowable().get();
    assertTrue(two.getMessage().contains("failing('first')"), two.getMessage());
    assertEquals(1, two.getSuppressed().length);
    assertTrue(two.getSuppressed()[0].getMessage().contains("failing('second')"), two.getSuppressed()[0].getMessage());

    String link = message(results.get("aFailingLink"));
    assertTrue(link.startsWith("gevent4j: link "), link);
    assertTrue(link.contains("failed with java.lang.IllegalArgumentException: bad link"), link);

    assertEquals(TestExecutionResult.Status.SUCCESSFUL, results.get("aFailureItTakes").getStatus());
    assertLeavesACleanSystemHub();
  }

  @Test
  void aBusyHubBeforeTheTestIsReported() {
    Fixtures.busyHub();
    try {
      String text = message(Fixtures.run(Fixtures.FindsABusyHub.class).get("test"));
      assertTrue(text.startsWith("gevent4j: cannot give the test a fresh hub: the hub of thread \""), text);
    } finally {
      io.gevent4j.Gevent.waitIdle(); // runs the busy hub's timer
      assertTrue(Fixtures.LOG.contains("busy hub's timer"), "the extension left the busy hub alone");
      Hub.install(Clock.system());
    }
  }
}
