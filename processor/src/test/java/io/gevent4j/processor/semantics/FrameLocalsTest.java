package io.gevent4j.processor.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gevent4j.processor.testing.Differential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Locals that became Java locals of {@code resume$()} or share a field with another local: each
 * method runs directly and as a greenlet, with the same trace and result.
 */
class FrameLocalsTest {
  private static Differential cases;

  @BeforeAll
  static void compile() {
    cases = Differential.compile("Locals",
        "  @Coroutine public static int capturedInALoop() {",
        "    java.util.List<java.util.function.IntSupplier> tasks = new java.util.ArrayList<>();",
        "    for (int i = 0; i < 3; i++) { int k = i * 2; tasks.add(() -> k); y(i); }",
        "    int sum = 0;",
        "    for (java.util.function.IntSupplier task : tasks) { sum = sum * 10 + task.getAsInt(); }",
        "    return sum;",
        "  }",
        "  @Coroutine public static int assignedOnBranches(int n) {",
        "    y(0);",
        "    int v;",
        "    if (n > 1) v = 1; else v = 2;",
        "    log.add(\"v\" + v);",
        "    int t;",
        "    t = v * 10;",
        "    return y(v) + t;",
        "  }",
        "  @Coroutine public static String sequentialLoops() {",
        "    for (int a = 0; a < 2; a++) { String s = \"a\" + a; y(s); log.add(s); }",
        "    for (int b = 0; b < 2; b++) { String t = y(\"b\" + b); log.add(t + b); }",
        "    int c;",
        "    for (c = 5; c < 7; c++) { y(c); }",
        "    return \"c\" + c;",
        "  }",
        "  @Coroutine public static int switchCases(int n) {",
        "    switch (n) {",
        "      case 1: int q = n * 3; log.add(\"q\" + q); y(q);",
        "      case 2: q = 7; log.add(\"q\" + y(q)); break;",
        "      default: int r = 4; log.add(\"r\" + r); y(r);",
        "    }",
        "    return n;",
        "  }",
        "  @Coroutine public static String caught(int n) {",
        "    try { int w = n; y(w); int z = w + 1; throw new IllegalStateException(\"z\" + z); }",
        "    catch (IllegalStateException e) { int h = e.getMessage().length(); log.add(\"h\" + h); y(h); return e.getMessage(); }",
        "  }",
        "  @Coroutine public static int namesDeclaredTwice() {",
        "    { y(1); int x = 5; log.add(\"x\" + x); }",
        "    for (int x = 0; x < 2; x++) { log.add(\"fx\" + x); }",
        "    y(2);",
        "    java.util.function.IntUnaryOperator f = x -> x + 1;",
        "    int acc = 0;",
        "    for (int i = 0; i < 3; i++) { int t; t = i * i; acc += f.applyAsInt(t); y(t); }",
        "    return acc;",
        "  }");
  }

  @Test
  void aClosureCapturesEachIterationsValue() throws Exception {
    assertEquals(24, cases.assertSame(true, "capturedInALoop").result);
  }

  @Test
  void aLocalAssignedOnBranchesAfterASuspension() throws Exception {
    assertEquals(11, cases.assertSame(true, "assignedOnBranches", 3).result);
    assertEquals(22, cases.assertSame(true, "assignedOnBranches", 0).result);
  }

  @Test
  void localsOfSequentialLoopsKeepTheirOwnValues() throws Exception {
    assertEquals("c7", cases.assertSame(true, "sequentialLoops").result);
  }

  @Test
  void aLocalDeclaredInOneCaseAndAssignedInTheNext() throws Exception {
    for (int n = 0; n < 3; n++) {
      assertEquals(n, cases.assertSame(true, "switchCases", n).result);
    }
  }

  @Test
  void localsOfATryAndOfItsCatch() throws Exception {
    assertEquals("z5", cases.assertSame(true, "caught", 4).result);
  }

  @Test
  void aNameDeclaredTwiceKeepsEachVariable() throws Exception {
    assertEquals(8, cases.assertSame(true, "namesDeclaredTwice").result);
  }
}
