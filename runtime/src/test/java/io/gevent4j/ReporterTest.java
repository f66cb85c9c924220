package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** {@link Reporter}: the hub's pluggable failure reporter, its built-in formats and its selection. */
class ReporterTest extends HubTestSupport {
  /** Records every call, as text; public with a public constructor, for {@code -Dgevent4j.reporter}. */
  public static class Recording implements Reporter {
    final List<String> calls = new ArrayList<>();

    public Recording() {
    }

    @Override
    public void greenletFailed(Greenlet<?> greenlet, Throwable failure) {
      calls.add("greenlet " + greenlet + " " + failure);
    }

    @Override
    public void linkFailed(Object link, Greenlet<?> greenlet, Throwable failure) {
      calls.add("link of " + greenlet + " " + failure);
    }

    @Override
    public void callbackFailed(Object task, Throwable failure) {
      calls.add("callback " + failure);
    }

    @Override
    public void blocked(Object task, long blockedMillis, Thread hubThread, StackTraceElement[] stack) {
      calls.add("blocked " + task);
    }
  }

  /** Collects the records of a fresh logger that does not reach the console. */
  private static final class Records extends Handler {
    final List<LogRecord> records = new ArrayList<>();
    final Logger logger = Logger.getAnonymousLogger();

    Records() {
      logger.setUseParentHandlers(false);
      logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }

  @Test
  void greenletLinkAndCallbackFailuresGoToTheReporter() {
    Recording reporter = new Recording();
    hub.setReporter(reporter);
    assertSame(reporter, hub.reporter());
    Greenlet<Object> failing = TestFrames.throwing(new IllegalStateException("boom"));
    failing.link(dead -> {
      throw new IllegalArgumentException("bad link");
    });
    failing.start();
    hub.post(() -> {
      throw new ArithmeticException("bad callback");
    });
    failing.join();
    Gevent.sleep(0);
    assertEquals("greenlet " + failing + " java.lang.IllegalStateException: boom", reporter.calls.get(0));
    assertTrue(reporter.calls.contains("link of " + failing + " java.lang.IllegalArgumentException: bad link"), reporter.calls.toString());
    assertTrue(reporter.calls.contains("callback java.lang.ArithmeticException: bad callback"), reporter.calls.toString());
    assertEquals(3, reporter.calls.size(), reporter.calls.toString());
    assertEquals("", errors(), "the error stream set before is replaced");
  }

  @Test
  void aKilledGreenletIsNotAFailure() {
    Recording reporter = new Recording();
    hub.setReporter(reporter);
    Greenlet<Void> victim = TestFrames.victim(log, 1000).start();
    Gevent.sleep(0);
    victim.kill();
    assertEquals(new ArrayList<String>(), reporter.calls);
  }

  @Test
  void geventFormatPrintsTheTraceThenTheSummary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    hub.setReporter(Reporter.gevent(new PrintStream(bytes, true)));
    Greenlet<Object> failing = TestFrames.throwing(new IllegalStateException("boom")).start();
    failing.join();
    String text = new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.startsWith("java.lang.IllegalStateException: boom"), text);
    assertTrue(text.contains("\tat "), "with the stack trace: " + text);
    assertTrue(text.matches("(?s).*\\n\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ " + java.util.regex.Pattern.quote(failing.toString())
        + " failed with IllegalStateException\\R\\R"), text);
  }

  @Test
  void aBrokenPipeIsReportedInOneLine() {
    Greenlet<Object> failing = TestFrames.throwing(new UncheckedIOException(new IOException("Broken pipe"))).start();
    failing.join();
    String text = errors();
    assertEquals(1, text.split("\\R").length, text);
    assertTrue(text.endsWith(" " + failing + " failed with UncheckedIOException: the peer disconnected "
        + "(java.io.UncheckedIOException caused by java.io.IOException: Broken pipe)" + System.lineSeparator()), text);
  }

  @Test
  void aConnectionResetIsReportedInOneLine() {
    Greenlet<Object> failing = TestFrames.throwing(new SocketException("Connection reset by peer")).start();
    failing.join();
    assertTrue(errors().contains(failing + " failed with SocketException: the peer disconnected "
        + "(java.net.SocketException: Connection reset by peer)"), errors());
    assertFalse(errors().contains("\tat "), errors());
  }

  @Test
  void otherIoErrorsKeepTheirStackTrace() {
    TestFrames.throwing(new IOException("No space left on device")).start().join();
    assertTrue(errors().contains("\tat "), errors());
  }

  @Test
  void loggingReportsFailuresAtSevereAndDisconnectsAtInfo() {
    Records records = new Records();
    hub.setReporter(Reporter.logging(records.logger));
    IllegalStateException boom = new IllegalStateException("boom");
    Greenlet<Object> failing = TestFrames.throwing(boom).start();
    failing.join();
    Greenlet<Object> disconnected = TestFrames.throwing(new IOException("Connection reset")).start();
    disconnected.join();
    assertEquals(2, records.records.size());
    LogRecord failure = records.records.get(0);
    assertEquals(Level.SEVERE, failure.getLevel());
    assertEquals(failing + " failed with IllegalStateException", failure.getMessage());
    assertSame(boom, failure.getThrown());
    LogRecord disconnect = records.records.get(1);
    assertEquals(Level.INFO, disconnect.getLevel());
    assertEquals(disconnected + " failed with IOException: the peer disconnected (java.io.IOException: Connection reset)",
        disconnect.getMessage());
    assertNull(disconnect.getThrown());
  }

  @Test
  void loggingReportsABlockedTaskAtWarningWithTheStack() {
    Records records = new Records();
    Reporter.logging(records.logger).blocked("<task>", 25, Thread.currentThread(), new StackTraceElement[] {
        new StackTraceElement("demo.Hog", "spin", "Hog.java", 7)});
    assertEquals(Level.WARNING, records.records.get(0).getLevel());
    assertEquals("<task> appears to be blocked for 25 ms on " + Thread.currentThread().getName()
        + "\n    at demo.Hog.spin(Hog.java:7)", records.records.get(0).getMessage());
  }

  @Test
  void systemLoggerReportsThroughSystemLoggerWhichEndsInJavaUtilLoggingByDefault() {
    Logger jul = Logger.getLogger("io.gevent4j");
    Records records = new Records();
    boolean parents = jul.getUseParentHandlers();
    jul.setUseParentHandlers(false);
    jul.addHandler(records);
    try {
      Reporter reporter = Reporter.systemLogger();
      assertTrue(reporter.toString().matches("Reporter\\.(systemLogger|logging)\\(io\\.gevent4j\\)"), reporter.toString());
      hub.setReporter(reporter);
      IllegalStateException boom = new IllegalStateException("boom");
      Greenlet<Object> failing = TestFrames.throwing(boom).start();
      failing.join();
      Greenlet<Object> disconnected = TestFrames.throwing(new IOException("Broken pipe")).start();
      disconnected.join();
      reporter.blocked("<task>", 25, Thread.currentThread(), new StackTraceElement[] {
          new StackTraceElement("demo.Hog", "spin", "Hog.java", 7)});
      assertEquals(3, records.records.size());
      assertEquals(Level.SEVERE, records.records.get(0).getLevel());
      assertEquals(failing + " failed with IllegalStateException", records.records.get(0).getMessage());
      assertSame(boom, records.records.get(0).getThrown());
      assertEquals(Level.INFO, records.records.get(1).getLevel());
      assertNull(records.records.get(1).getThrown());
      assertEquals(Level.WARNING, records.records.get(2).getLevel());
      assertTrue(records.records.get(2).getMessage().endsWith("\n    at demo.Hog.spin(Hog.java:7)"));
    } finally {
      jul.removeHandler(records);
      jul.setUseParentHandlers(parents);
    }
  }

  @Test
  void theDefaultLoggerIsNamedIoGevent4j() {
    assertEquals("Reporter.logging(io.gevent4j)", Reporter.logging().toString());
  }

  @Test
  void aThrowingReporterDoesNotStopTheHub() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true));
    try {
      hub.setReporter(new Recording() {
        @Override
        public void greenletFailed(Greenlet<?> greenlet, Throwable failure) {
          throw new IllegalStateException("reporter is broken");
        }
      });
      Greenlet<Object> failing = TestFrames.throwing(new IllegalArgumentException("boom")).start();
      Greenlet<String> after = TestFrames.sleeper(log, "still running", 10).start();
      Gevent.joinAll(failing, after);
      assertEquals("still running", after.get());
    } finally {
      System.setErr(stderr);
    }
    assertTrue(bytes.toString().contains("threw instead of reporting"), bytes.toString());
  }

  @Test
  void setErrorStreamNullReportsNothing() {
    hub.setErrorStream(null);
    assertSame(Reporter.none(), hub.reporter());
    TestFrames.throwing(new IllegalStateException("boom")).start().join();
    assertEquals("", errors());
  }

  @Test
  void theSystemPropertyChoosesTheReporterOfNewHubs() {
    String old = System.getProperty(Reporters.PROPERTY);
    try {
      System.setProperty(Reporters.PROPERTY, "logging");
      assertEquals("Reporter.logging(io.gevent4j)", Hub.install(Clock.virtual()).reporter().toString());
      System.setProperty(Reporters.PROPERTY, "system");
      assertTrue(Hub.install(Clock.virtual()).reporter().toString().endsWith("(io.gevent4j)"));
      System.setProperty(Reporters.PROPERTY, "none");
      assertSame(Reporter.none(), Hub.install(Clock.virtual()).reporter());
      System.setProperty(Reporters.PROPERTY, Recording.class.getName());
      assertTrue(Hub.install(Clock.virtual()).reporter() instanceof Recording);
      System.setProperty(Reporters.PROPERTY, "gevent");
      assertEquals("Reporter.gevent(System.err)", Hub.install(Clock.virtual()).reporter().toString());
    } finally {
      if (old == null) {
        System.clearProperty(Reporters.PROPERTY);
      } else {
        System.setProperty(Reporters.PROPERTY, old);
      }
    }
  }
}
