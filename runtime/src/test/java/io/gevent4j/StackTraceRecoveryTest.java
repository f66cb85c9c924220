package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.TraceFixtureCoroutines_Machines.leaf$Machine;
import io.gevent4j.TraceFixtureCoroutines_Machines.middle$Machine;
import io.gevent4j.TraceFixtureCoroutines_Machines.suppressing$Machine;
import io.gevent4j.TraceFixtureCoroutines_Machines.waits$Machine;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StackTraceRecoveryTest extends HubTestSupport {
  private static final String LEAF = "p.Fixture.leaf(Fixture.java:11)";
  private static final String MIDDLE = "p.Fixture.middle(Fixture.java:18)";

  @Test
  void anExceptionLeavingACoroutineReadsAsOrdinaryCallsAndKeepsItsIdentity() {
    Greenlet<Integer> g = Greenlet.of(new middle$Machine<>(new middle$Machine<>(new leaf$Machine())));
    g.start();
    IllegalStateException thrown = assertThrows(IllegalStateException.class, g::get);
    assertSame(g.exception(), thrown);
    List<String> trace = frames(thrown);
    assertEquals(Arrays.asList(LEAF, MIDDLE, MIDDLE, boundary(g)), trace.subList(0, 4), trace.toString());
    assertTrue(trace.get(4).startsWith("io.gevent4j.Waiter."), trace.toString());
    assertTrue(trace.stream().anyMatch(f -> f.startsWith(getClass().getName() + ".anExceptionLeaving")), trace.toString());
    assertFalse(trace.stream().anyMatch(f -> f.contains("_Machines") || f.startsWith("io.gevent4j.Hub.")), trace.toString());
    String report = errors();
    assertTrue(report.contains("\tat " + LEAF + "\n\tat " + MIDDLE + "\n\tat " + MIDDLE + "\n"), report);
    assertFalse(report.contains("_Machines"), report);
  }

  @Test
  void causesAndSuppressedThrownInTheFrameAreRewrittenOthersAreLeftAlone() {
    RuntimeException elsewhere = new RuntimeException("made before the greenlet ran");
    StackTraceElement[] elsewhereTrace = elsewhere.getStackTrace();
    Greenlet<Integer> g = Greenlet.of(new middle$Machine<>(new suppressing$Machine(elsewhere)));
    g.start();
    Throwable failure = assertThrows(GreenletFailedException.class, g::get).getCause();
    assertSame(elsewhere, failure.getCause());
    assertEquals(Arrays.asList("p.Fixture.suppressing(Fixture.java:11)", MIDDLE, boundary(g)), frames(failure.getSuppressed()[0]).subList(0, 3));
    assertEquals(frames(failure.getSuppressed()[0]).subList(0, 3), frames(failure).subList(0, 3));
    assertArrayEquals(elsewhereTrace, elsewhere.getStackTrace());
  }

  @Test
  void anExceptionRaisedIntoAWaitingGreenletStartsWhereItWaits() {
    Greenlet<Void> g = Greenlet.of(new middle$Machine<>(new waits$Machine()));
    g.start();
    Gevent.sleep(1);
    IllegalStateException stop = new IllegalStateException("stop");
    g.kill(stop);
    assertSame(stop, g.exception());
    List<String> trace = frames(stop);
    assertEquals(Arrays.asList("p.Fixture.waits(Fixture.java:16)", MIDDLE, boundary(g)), trace.subList(0, 3));
    assertTrue(trace.get(3).startsWith(getClass().getName() + ".anExceptionRaisedInto"), trace.toString());
  }

  @Test
  void anExceptionIsRewrittenOnceAsItLeavesEachFrame() {
    Greenlet<Integer> g = Greenlet.of(new middle$Machine<>(new leaf$Machine()));
    g.start();
    IllegalStateException failure = assertThrows(IllegalStateException.class, g::get);
    assertEquals(1, frames(failure).stream().filter(f -> f.contains("coroutineBoundary")).count());
  }

  @Test
  void spawnSitesAreCapturedOnlyWhenAsked() {
    Greenlet<Void> plain = Greenlet.of(new waits$Machine()).start();
    assertNull(plain.spawningStack());
    hub.setCaptureSpawnSite(true);
    Greenlet<Void> captured = Greenlet.of(new waits$Machine()).start();
    StackTraceElement site = captured.spawningStack()[0];
    assertEquals(getClass().getName(), site.getClassName());
    assertEquals("spawnSitesAreCapturedOnlyWhenAsked", site.getMethodName());
    assertTrue(hub.dump().contains("  spawned at\n    at " + site + "\n"), hub.dump());
    plain.kill();
    captured.kill();
  }

  @Test
  void theFailureReportShowsTheSpawnSite() {
    hub.setCaptureSpawnSite(true);
    Greenlet<Integer> g = Greenlet.of(new leaf$Machine()).start();
    g.join();
    String report = errors();
    assertTrue(report.contains(g + " failed with IllegalStateException\n  spawned at\n    at " + g.spawningStack()[0] + "\n"), report);
    assertEquals(getClass().getName(), g.spawningStack()[0].getClassName());
  }

  @Test
  void aSampledStackNamesTheRunningGreenletsWaitingFrames() {
    StackTraceElement generated = new StackTraceElement(leaf$Machine.class.getName(), "resume$", "TraceFixtureCoroutines_Machines.java", 20);
    StackTraceElement plain = new StackTraceElement("p.Main", "main", "Main.java", 3);
    StackTraceElement[] stack = {generated, plain};
    assertEquals(Arrays.asList(LEAF, "p.Main.main(Main.java:3)"), toStrings(StackTraceRecovery.toSource(stack, null)));
  }

  @Test
  void locationsParseAsStackFrames() {
    assertEquals("p.Foo.f(Foo.java:16)", StackTraceRecovery.parseLocation("p.Foo.f(Foo.java:16)").toString());
    assertEquals("p.Foo.f(Foo.java)", StackTraceRecovery.parseLocation("p.Foo.f(Foo.java)").toString());
    StackTraceElement bare = StackTraceRecovery.parseLocation("p.Foo.f");
    assertEquals("p.Foo", bare.getClassName());
    assertEquals("f", bare.getMethodName());
    assertNull(bare.getFileName());
  }

  private static String boundary(Greenlet<?> g) {
    return "io.gevent4j.Greenlet.coroutineBoundary(" + g + ")";
  }

  private static List<String> frames(Throwable failure) {
    return toStrings(failure.getStackTrace());
  }

  private static List<String> toStrings(StackTraceElement[] stack) {
    return Arrays.stream(stack).map(StackTraceElement::toString).collect(Collectors.toList());
  }
}
