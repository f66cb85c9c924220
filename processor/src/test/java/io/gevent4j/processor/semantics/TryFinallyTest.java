package io.gevent4j.processor.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gevent4j.processor.testing.Differential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * try/catch/finally with suspension points in every part (LOWERING-NOTES cases 33-50, 54): each
 * method runs directly and as a greenlet, with the same trace, result and exception.
 */
class TryFinallyTest {
  private static Differential cases;

  @BeforeAll
  static void compile() {
    cases = Differential.compile("Tries",
        "  static class Boom extends RuntimeException { Boom(String m) { super(m); } }",
        "  static class Res implements AutoCloseable {",
        "    final String name; final boolean failOnClose;",
        "    Res(String name, boolean failOnClose) { this.name = name; this.failOnClose = failOnClose; log.add(\"open \" + name); }",
        "    public void close() { log.add(\"close \" + name); if (failOnClose) throw new Boom(\"close \" + name); }",
        "  }",
        "  @Coroutine public static String catchAfterResume() {",
        "    try { y(1); throw new Boom(\"foo\"); } catch (Boom e) { log.add(\"caught \" + e.getMessage()); }",
        "    y(2);",
        "    return \"done\";",
        "  }",
        "  @Coroutine public static int loopContinueFromCatch() {",
        "    int n = 0;",
        "    for (int i = 0; i < 3; i++) {",
        "      try { log.add(\"try\" + i); if (y(i) == 1) throw new Boom(\"x\"); n += 10; }",
        "      catch (Boom e) { log.add(\"catch\"); continue; }",
        "      finally { log.add(\"finally\" + y(i)); }",
        "      n++;",
        "    }",
        "    return n;",
        "  }",
        "  @Coroutine public static String multipleCatches(int which) {",
        "    try {",
        "      y(which);",
        "      if (which == 0) throw new IllegalArgumentException(\"a\");",
        "      if (which == 1) throw new IllegalStateException(\"b\");",
        "      if (which == 2) throw new UnsupportedOperationException(\"c\");",
        "      return \"none\";",
        "    } catch (IllegalArgumentException | IllegalStateException e) {",
        "      return y(\"multi \" + e.getMessage());",
        "    } catch (RuntimeException e) {",
        "      return y(\"runtime \" + e.getMessage());",
        "    }",
        "  }",
        "  @Coroutine public static String nestedCatchNames() {",
        "    try { y(1); throw new Boom(\"e1\"); } catch (Boom e) {",
        "      try { y(2); throw new Boom(\"e2\"); } catch (Boom e2) { log.add(e2.getMessage()); }",
        "      log.add(y(e.getMessage()));",
        "    }",
        "    return \"ok\";",
        "  }",
        "  @Coroutine public static void throwFromCatch() {",
        "    try {",
        "      try { y(1); throw new Boom(\"exception\"); }",
        "      catch (Boom e) { y(\"caught\"); throw new Boom(\"fromCatch\"); }",
        "      finally { y(\"finally\"); }",
        "    } catch (Boom e) { log.add(\"outer \" + e.getMessage()); }",
        "  }",
        "  @Coroutine public static void nestedFinallyWithException() {",
        "    try { try { y(1); throw new Boom(\"thrown\"); } finally { y(2); } } finally { y(3); }",
        "  }",
        "  @Coroutine public static String returnWithFinally() {",
        "    try { return y(\"OK\"); } finally { log.add(\"finally\"); }",
        "  }",
        "  @Coroutine public static int suspendInFinallyWhileReturnPending() {",
        "    try { log.add(\"1\"); return 10; } finally { y(2); log.add(\"3\"); }",
        "  }",
        "  @Coroutine @SuppressWarnings(\"finally\") public static int finallyOverridesReturn() {",
        "    try { try { return y(1); } finally { return y(2); } } finally { y(3); }",
        "  }",
        "  @Coroutine @SuppressWarnings(\"finally\") public static int lastFinallyWins() {",
        "    try { try { return 1; } finally { return y(2); } } finally { if (y(true)) return 3; }",
        "  }",
        "  @Coroutine public static String breakAndContinueThroughFinally() {",
        "    for (int i = 0; i < 4; i++) {",
        "      try {",
        "        y(i);",
        "        if (i == 1) continue;",
        "        if (i == 2) break;",
        "        log.add(\"body\" + i);",
        "      } finally { log.add(\"finally\" + i); }",
        "    }",
        "    return \"after\";",
        "  }",
        "  @Coroutine public static String breakCrossingTwoFinallys() {",
        "    for (;;) {",
        "      try { try { y(1); break; } finally { log.add(\"A\"); } } finally { log.add(\"B\"); }",
        "    }",
        "    return \"after\";",
        "  }",
        "  @Coroutine public static String labeledBreakThroughFinallys() {",
        "    outer:",
        "    while (true) {",
        "      while (true) {",
        "        try { try { y(\"A\"); break outer; } finally { y(\"C\"); } } finally { y(\"E\"); }",
        "      }",
        "    }",
        "    return \"done\";",
        "  }",
        "  @Coroutine @SuppressWarnings(\"finally\") public static String exceptionInFinallyReplacesReturn() {",
        "    for (int i = 0; i < 2; i++) {",
        "      try {",
        "        try { return y(\"s\"); } finally { if (i == 0) throw new Boom(\"f\"); }",
        "      } catch (Boom e) { log.add(\"caught \" + e.getMessage()); continue; }",
        "    }",
        "    return \"OK\";",
        "  }",
        "  @Coroutine public static String catchInsideFinallyKeepsOriginal() {",
        "    try {",
        "      try { y(1); throw new Boom(\"original\"); }",
        "      finally { try { y(2); throw new Boom(\"inner\"); } catch (Boom e) { log.add(\"handled \" + e.getMessage()); } }",
        "    } catch (Boom e) { return e.getMessage(); }",
        "  }",
        "  @Coroutine public static String resources(boolean failBody, boolean failClose) {",
        "    try (Res a = new Res(\"a\", false); Res b = new Res(y(\"b\"), failClose)) {",
        "      y(\"body\");",
        "      if (failBody) throw new Boom(\"body\");",
        "      return \"ok\";",
        "    } catch (Boom e) {",
        "      return e.getMessage() + \" suppressed=\" + e.getSuppressed().length;",
        "    }",
        "  }",
        "  @Coroutine public static String nullResource() {",
        "    try (Res r = y((Res) null)) { return \"body \" + r; }",
        "  }",
        "  @Coroutine public static int checked() throws java.io.IOException {",
        "    try { y(1); throw new java.io.IOException(\"io\"); }",
        "    catch (java.io.IOException e) { return y(e.getMessage().length()); }",
        "  }");
  }

  @Test
  void throwAfterResumeIsCaughtByItsCatch() throws Exception {
    assertEquals("[y(1), caught foo, y(2)]", cases.assertSame(true, "catchAfterResume").log.toString());
  }

  @Test
  void catchContinuesTheLoopAndFinallyRunsEachTime() throws Exception {
    assertEquals(22, cases.assertSame(true, "loopContinueFromCatch").result);
  }

  @Test
  void catchClausesAreChosenByType() throws Exception {
    assertEquals("multi a", cases.assertSame(true, "multipleCatches", 0).result);
    assertEquals("multi b", cases.assertSame(true, "multipleCatches", 1).result);
    assertEquals("runtime c", cases.assertSame(true, "multipleCatches", 2).result);
    assertEquals("none", cases.assertSame(true, "multipleCatches", 3).result);
  }

  @Test
  void nestedCatchParametersKeepTheirValues() throws Exception {
    assertEquals("[y(1), y(2), e2, y(e1), e1]", cases.assertSame(true, "nestedCatchNames").log.toString());
  }

  @Test
  void throwFromCatchRunsTheSuspendingFinallyThenPropagates() throws Exception {
    assertEquals("[y(1), y(caught), y(finally), outer fromCatch]", cases.assertSame(true, "throwFromCatch").log.toString());
  }

  @Test
  void exceptionPassesThroughNestedSuspendingFinallys() throws Exception {
    Differential.Outcome outcome = cases.assertSame(true, "nestedFinallyWithException");
    assertEquals("[y(1), y(2), y(3)]", outcome.log.toString());
    assertEquals("thrown", outcome.failureMessage);
  }

  @Test
  void returnValueIsEvaluatedBeforeFinally() throws Exception {
    assertEquals("[y(OK), finally]", cases.assertSame(true, "returnWithFinally").log.toString());
  }

  @Test
  void pendingReturnSurvivesASuspensionInFinally() throws Exception {
    assertEquals(10, cases.assertSame(true, "suspendInFinallyWhileReturnPending").result);
  }

  @Test
  void returnInFinallyOverridesAndTheLastOneWins() throws Exception {
    assertEquals(2, cases.assertSame(true, "finallyOverridesReturn").result);
    assertEquals(3, cases.assertSame(true, "lastFinallyWins").result);
  }

  @Test
  void breakAndContinueRunFinallyOnce() throws Exception {
    assertEquals("[y(0), body0, finally0, y(1), finally1, y(2), finally2]",
        cases.assertSame(true, "breakAndContinueThroughFinally").log.toString());
  }

  @Test
  void breakCrossingTwoFinallysRunsInnerThenOuter() throws Exception {
    assertEquals("[y(1), A, B]", cases.assertSame(true, "breakCrossingTwoFinallys").log.toString());
  }

  @Test
  void labeledBreakThroughSuspendingFinallys() throws Exception {
    assertEquals("[y(A), y(C), y(E)]", cases.assertSame(true, "labeledBreakThroughFinallys").log.toString());
  }

  @Test
  void exceptionInFinallyReplacesThePendingReturn() throws Exception {
    Differential.Outcome outcome = cases.assertSame(true, "exceptionInFinallyReplacesReturn");
    assertEquals("[y(s), caught f, y(s)]", outcome.log.toString());
    assertEquals("s", outcome.result);
  }

  @Test
  void exceptionCaughtInsideFinallyKeepsTheOriginal() throws Exception {
    assertEquals("original", cases.assertSame(true, "catchInsideFinallyKeepsOriginal").result);
  }

  @Test
  void resourcesCloseOnceInReverseOrder() throws Exception {
    assertEquals("[open a, y(b), open b, y(body), close b, close a]",
        cases.assertSame(true, "resources", false, false).log.toString());
  }

  @Test
  void closeFailuresAreSuppressedIntoTheBodyFailure() throws Exception {
    assertEquals("body suppressed=1", cases.assertSame(true, "resources", true, true).result);
    assertEquals("close b suppressed=0", cases.assertSame(true, "resources", false, true).result);
  }

  @Test
  void nullResourceIsNotClosed() throws Exception {
    assertEquals("body null", cases.assertSame(true, "nullResource").result);
  }

  @Test
  void checkedExceptions() throws Exception {
    assertEquals(2, cases.assertSame(true, "checked").result);
  }
}
