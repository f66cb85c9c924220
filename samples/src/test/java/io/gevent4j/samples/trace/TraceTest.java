package io.gevent4j.samples.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Reporter;
import io.gevent4j.test.GeventExtension;
import io.gevent4j.test.TestHub;
import io.gevent4j.util.BlockingMonitor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14's "done when": traces of exceptions thrown in coroutines name the user's lines and the
 * coroutine call chain, never a generated file, whether caught or reported by the hub.
 */
@ExtendWith(GeventExtension.class)
class TraceTest {
  private static final String LEAF = "at io.gevent4j.samples.trace.Trace.leaf(Trace.java:11)";
  private static final String MIDDLE = "at io.gevent4j.samples.trace.Trace.middle(Trace.java:18)";
  private static final String TOP = "at io.gevent4j.samples.trace.Trace.top(Trace.java:25)";
  private static final String BOUNDARY = "at io.gevent4j.Greenlet.coroutineBoundary(<Greenlet at 0x";

  @Test
  void caughtExceptionShowsTheCoroutineCallChain(TestHub hub) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gevent.spawn(TraceCoroutines.top(1)).get());
    String trace = trace(e);
    assertInOrder(trace, LEAF, MIDDLE, TOP, BOUNDARY + "[0-9a-f]+: top(1)>)", "at io.gevent4j.Greenlet.get(",
        "at io.gevent4j.samples.trace.TraceTest.lambda$caughtExceptionShowsTheCoroutineCallChain$");
    assertNoGeneratedFile(trace);
    assertEquals(1, hub.takeFailures().size());
  }

  @Test
  void hubReportOfAnUncaughtFailureShowsTheCoroutineCallChain(TestHub hub) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    hub.hub().setReporter(Reporter.gevent(new PrintStream(bytes, true)));
    Greenlet<Integer> g = Gevent.spawn(TraceCoroutines.top(2));
    g.join();
    String report = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    assertInOrder(report, LEAF, MIDDLE, TOP, BOUNDARY, "at io.gevent4j.Greenlet.join(", g + " failed with IllegalStateException");
    assertNoGeneratedFile(report);
  }

  @Test
  void aFinallyBlockThatThrowsShowsItsOwnLine(TestHub hub) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gevent.spawn(TraceCoroutines.failsInFinally(1)).get());
    String trace = trace(e);
    assertInOrder(trace, "at io.gevent4j.samples.trace.Trace.failsInFinally(Trace.java:35)", BOUNDARY);
    assertEquals(1, hub.takeFailures().size());
    assertNoGeneratedFile(trace);
  }

  @Test
  void aRethrownExceptionKeepsItsFirstTrace(TestHub hub) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gevent.spawn(TraceCoroutines.rethrows(1)).get());
    String trace = trace(e);
    assertInOrder(trace, LEAF, MIDDLE, "at io.gevent4j.samples.trace.Trace.rethrows(Trace.java:43)", BOUNDARY);
    assertEquals(1, count(trace, BOUNDARY), trace);
    assertEquals(1, hub.takeFailures().size());
    assertNoGeneratedFile(trace);
  }

  @Test
  void aWrappedExceptionAndItsCauseBothShowTheChain(TestHub hub) {
    RuntimeException e = assertThrows(RuntimeException.class, () -> Gevent.spawn(TraceCoroutines.wraps(1)).get());
    assertTrue(e.getCause() instanceof IllegalStateException);
    String trace = trace(e);
    assertInOrder(trace, "java.lang.RuntimeException: wrapped", "at io.gevent4j.samples.trace.Trace.wraps(Trace.java:57)",
        BOUNDARY, "Caused by: java.lang.IllegalStateException", LEAF, MIDDLE, "at io.gevent4j.samples.trace.Trace.wraps(Trace.java:54)");
    assertNoGeneratedFile(trace);
    assertEquals(1, hub.takeFailures().size());
  }

  @Test
  void everyLineOfAStatementCopiedAsWrittenMapsBack(TestHub hub) {
    RuntimeException e = assertThrows(RuntimeException.class, () -> Gevent.spawn(TraceCoroutines.wrapsAtOnce(1)).get());
    assertInOrder(trace(e), "java.lang.RuntimeException: wrapped at once", "at io.gevent4j.samples.trace.Trace.wrapsAtOnce(Trace.java:111)",
        BOUNDARY, "Caused by: java.lang.IllegalStateException", LEAF, MIDDLE, "at io.gevent4j.samples.trace.Trace.wrapsAtOnce(Trace.java:109)");
    assertEquals(1, hub.takeFailures().size());
  }

  @Test
  void aKilledGreenletShowsWhereItWaitedThenWhoKilledIt(TestHub hub) {
    Greenlet<Void> g = Gevent.spawn(TraceCoroutines.waitsDeep());
    hub.advanceTime(1);
    IllegalStateException stop = new IllegalStateException("stop");
    g.kill(stop);
    assertSame(stop, g.exception());
    assertEquals(1, hub.takeFailures().size());
    String trace = trace(stop);
    assertInOrder(trace, "at io.gevent4j.samples.trace.Trace.waits(Trace.java:64)",
        "at io.gevent4j.samples.trace.Trace.waitsDeep(Trace.java:70)", BOUNDARY + "[0-9a-f]+: waitsDeep()>)",
        "at io.gevent4j.samples.trace.TraceTest.aKilledGreenletShowsWhereItWaitedThenWhoKilledIt(TraceTest.java:");
    assertNoGeneratedFile(trace);
  }

  @Test
  void acrossGetInAnotherGreenletTheCallChainIsKept(TestHub hub) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gevent.spawn(TraceCoroutines.getsTop(1)).get());
    String trace = trace(e);
    assertInOrder(trace, LEAF, MIDDLE, TOP, BOUNDARY + "[0-9a-f]+: top(1)>)", "at io.gevent4j.Greenlet.get(");
    assertNoGeneratedFile(trace);
    assertEquals(2, hub.takeFailures().size());
  }

  @Test
  void theDumpAgreesAndShowsTheSpawnSiteWhenCaptured(TestHub hub) {
    hub.hub().setCaptureSpawnSite(true);
    Greenlet<Void> g = Gevent.spawn(TraceCoroutines.waitsDeep());
    hub.advanceTime(1);
    String dump = hub.hub().dump();
    assertInOrder(dump, g + " suspended", "at io.gevent4j.samples.trace.Trace.waits(Trace.java:64)",
        "at io.gevent4j.samples.trace.Trace.waitsDeep(Trace.java:70)", "spawned at",
        "at io.gevent4j.samples.trace.TraceTest.theDumpAgreesAndShowsTheSpawnSiteWhenCaptured(TraceTest.java:");
    assertNoGeneratedFile(dump);
    g.kill();
  }

  @Test
  void theMonitorShowsTheBusyCoroutineAndItsCallers(TestHub hub) {
    CountDownLatch reported = new CountDownLatch(1);
    List<String> stack = new CopyOnWriteArrayList<>();
    Reporter collect = new Reporter() {
      @Override
      public void greenletFailed(Greenlet<?> greenlet, Throwable failure) {
      }

      @Override
      public void linkFailed(Object link, Greenlet<?> greenlet, Throwable failure) {
      }

      @Override
      public void callbackFailed(Object task, Throwable failure) {
      }

      @Override
      public void blocked(Object task, long blockedMillis, Thread hubThread, StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
          stack.add("at " + frame);
        }
        reported.countDown();
      }
    };
    try (BlockingMonitor monitor = BlockingMonitor.start(hub.hub(), 20, collect)) {
      Greenlet<Boolean> g = Gevent.spawn(TraceCoroutines.callsSpins(reported));
      assertTrue(g.get(), "the monitor reported within 10 s");
      String text = String.join("\n", stack);
      assertInOrder(text, "at io.gevent4j.samples.trace.Trace.spins(Trace.java:9",
          "at io.gevent4j.samples.trace.Trace.callsSpins(Trace.java:102)", BOUNDARY + "[0-9a-f]+: callsSpins(", "io.gevent4j.Greenlet.get(");
      assertNoGeneratedFile(text);
      assertTrue(text.matches("(?s).*Trace\\.spins\\(Trace\\.java:9[34]\\).*"), "the loop's lines, copied as written: " + text);
    }
  }

  @Test
  void theProgramPrintsTheChainCaughtAndReportedAndNotWhenRecoveryIsOff() throws Exception {
    String on = runMain("-Dgevent4j.stackTraceRecovery=true");
    assertInOrder(on, "java.lang.IllegalStateException: leaf failed for 4", LEAF, MIDDLE, TOP, BOUNDARY,
        "at io.gevent4j.samples.trace.Trace.main(Trace.java:82)",
        "java.lang.IllegalStateException: leaf failed for 6", LEAF, MIDDLE, TOP, BOUNDARY,
        "at io.gevent4j.samples.trace.Trace.main(Trace.java:86)", ": top(2)> failed with IllegalStateException");
    assertNoGeneratedFile(on);
    String off = runMain("-Dgevent4j.stackTraceRecovery=false");
    assertTrue(off.contains("at io.gevent4j.samples.trace.TraceCoroutines_Machines$leaf$Machine.resume$("), off);
    assertFalse(off.contains("coroutineBoundary"), off);
  }

  /** {@link Trace#main}'s output (its stderr), run in a new JVM with {@code property}. */
  private static String runMain(String property) throws Exception {
    Process java = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", property,
        "-cp", System.getProperty("java.class.path"), Trace.class.getName()).redirectErrorStream(true).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = java.getInputStream().read(buffer)) > 0; ) {
      output.write(buffer, 0, n);
    }
    assertEquals(0, java.waitFor(), output::toString);
    return new String(output.toByteArray(), StandardCharsets.UTF_8);
  }

  private static String trace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** Asserts that each of {@code parts} (a {@code [0-9a-f]+} in one matches hex digits) follows the previous. */
  private static void assertInOrder(String text, String... parts) {
    int at = 0;
    for (String part : parts) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(
          java.util.regex.Pattern.quote(part).replace("[0-9a-f]+", "\\E[0-9a-f]+\\Q")).matcher(text);
      assertTrue(m.find(at), "expected " + part + " after offset " + at + " in:\n" + text);
      at = m.end();
    }
  }

  private static void assertNoGeneratedFile(String text) {
    assertFalse(text.contains("Coroutines_Machines") || text.contains("Coroutines.java"), text);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
