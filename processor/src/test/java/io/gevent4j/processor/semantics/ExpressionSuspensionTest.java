package io.gevent4j.processor.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gevent4j.processor.testing.Differential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suspension points inside expressions keep Java's evaluation order (LOWERING-NOTES cases 1-19):
 * each method runs directly and as a greenlet, with the same trace and result.
 */
class ExpressionSuspensionTest {
  private static Differential cases;

  @BeforeAll
  static void compile() {
    cases = Differential.compile("Expressions",
        "  static int field = 1;",
        "  static class Noisy { public String toString() { log.add(\"toString\"); return \"o\"; } }",
        "  @Coroutine public static int sum() { return y(1) + y(2); }",
        "  @Coroutine public static int order() { return t(\"f1\", 100) + y(50) + t(\"f2\", 10); }",
        "  @Coroutine public static String array() { int a = 1; int[] xs = {a, y(2), a + 2}; return Arrays.toString(xs); }",
        "  @Coroutine public static String receiverFirst() {",
        "    List<String> list = new ArrayList<>();",
        "    t(\"receiver\", list).add(y(\"arg\"));",
        "    return list.toString();",
        "  }",
        "  @Coroutine public static String chained() {",
        "    return new StringBuilder().append(y(\"a\")).append(t(\"b\", \"b\")).append(y(\"c\")).toString();",
        "  }",
        "  @Coroutine public static String concat() {",
        "    Object o = new Noisy();",
        "    return \"<\" + o + y(\"x\") + \">\";",
        "  }",
        "  @Coroutine public static int compound() { int x = 5; x += y(3); x *= y(2); return x; }",
        "  @Coroutine public static String compoundArray() {",
        "    int[] a = {10, 20};",
        "    a[y(1)] += y(5);",
        "    return Arrays.toString(a);",
        "  }",
        "  @Coroutine public static String postIncrementIndex() {",
        "    int[] a = new int[3]; int i = 0;",
        "    a[i++] = y(7);",
        "    a[i++] = y(8);",
        "    return Arrays.toString(a) + i;",
        "  }",
        "  @Coroutine public static int nullArrayStore() { int[] a = null; a[0] = y(1); return 0; }",
        "  @Coroutine public static int nullArrayCompound() { int[] a = null; a[0] += y(1); return 0; }",
        "  @Coroutine public static String shortCircuit() {",
        "    boolean a = t(\"left1\", false) && y(true);",
        "    boolean b = t(\"left2\", true) || y(false);",
        "    boolean c = t(\"left3\", true) && y(false);",
        "    return a + \",\" + b + \",\" + c;",
        "  }",
        "  @Coroutine public static long ternary(boolean c) { long v = c ? y(1) : 2L; return v + (c ? 10 : y(20)); }",
        "  @Coroutine public static int nested() { return y(y(y(3)) + 1); }",
        "  @Coroutine public static int cast() { Object o = y((Object) \"text\"); return ((String) y(o)).length(); }",
        "  @Coroutine public static int loops() {",
        "    int i = 0; int n = 0;",
        "    while (y(i) < 3) { i++; }",
        "    for (int j = y(0); j < y(3); j += y(1)) { n += j; }",
        "    do { n++; } while (y(n) < 10);",
        "    if (y(i) == 3) { n += 100; } else { n -= 100; }",
        "    return n;",
        "  }",
        "  @Coroutine public static int forEachOverSuspendingIterable() {",
        "    int total = 0;",
        "    for (int v : y(Arrays.asList(1, 2, 3))) { total += y(v); }",
        "    return total;",
        "  }",
        "  @Coroutine public static int throwsSuspended() { throw y(new IllegalStateException(\"boom\")); }",
        "  @Coroutine public static String fieldReadBeforeSuspension() { field = 1; return field + \":\" + y(2) + \":\" + field; }",
        "  @Coroutine public static int callArguments() { return Math.max(t(\"a\", 1), y(2)) + Math.min(y(3), t(\"b\", 4)); }",
        "  @Coroutine public static int instanceOfAndNew() {",
        "    Object o = new StringBuilder(y(\"abc\"));",
        "    return o instanceof CharSequence ? ((CharSequence) o).length() : -1;",
        "  }",
        "  @Coroutine public static String lambdasCaptureEachIteration() {",
        "    List<java.util.function.Supplier<String>> made = new ArrayList<>();",
        "    for (int i = 0; i < 3; i++) {",
        "      int copy = i * 10;",
        "      String name = y(\"n\" + i);",
        "      made.add(() -> name + copy);",
        "      Runnable r = () -> log.add(\"ran \" + copy);",
        "      r.run();",
        "      if (y(made.size()) > 0 && made.stream().anyMatch(s -> s.get().equals(name + copy))) { log.add(\"found\"); }",
        "    }",
        "    StringBuilder out = new StringBuilder();",
        "    for (java.util.function.Supplier<String> s : made) { out.append(s.get()).append(' '); }",
        "    return out.toString();",
        "  }",
        "  @Coroutine public static String varargs(String... parts) {",
        "    return String.join(y(\"-\"), parts) + joined(y(\"a\"), \"b\", y(\"c\")) + joined();",
        "  }",
        "  static String joined(String... parts) { return String.join(\"+\", parts); }",
        "  @Coroutine public static String anonymousClasses() {",
        "    List<String> out = new ArrayList<>();",
        "    for (int i = 0; i < 3; i++) {",
        "      int copy = y(i);",
        "      Comparable<Integer> c = new Comparable<Integer>() {",
        "        private final int base = copy * 10;",
        "        @Override public int compareTo(Integer other) { return Integer.compare(base + offset(), other); }",
        "        private int offset() { return copy; }",
        "        @Override public String toString() { return \"c\" + base + super.hashCode() * 0; }",
        "      };",
        "      out.add(c + \":\" + c.compareTo(y(11)));",
        "    }",
        "    return out.toString();",
        "  }",
        "  @Coroutine public static String multiDimensional() { int[][] m = new int[y(2)][y(3)]; return m.length + \"x\" + m[0].length; }");
  }

  @Test
  void additionKeepsEachSuspensionResult() throws Exception {
    assertEquals(3, cases.assertSame(true, "sum").result);
  }

  @Test
  void operandsRunLeftToRight() throws Exception {
    assertEquals("[f1, y(50), f2]", cases.assertSame(true, "order").log.toString());
  }

  @Test
  void arrayInitializers() throws Exception {
    assertEquals("[1, 2, 3]", cases.assertSame(true, "array").result);
  }

  @Test
  void receiverIsEvaluatedBeforeArguments() throws Exception {
    assertEquals("[receiver, y(arg)]", cases.assertSame(true, "receiverFirst").log.toString());
  }

  @Test
  void chainedCalls() throws Exception {
    assertEquals("abc", cases.assertSame(true, "chained").result);
  }

  @Test
  void stringConcatenationStringifiesBeforeSuspending() throws Exception {
    assertEquals("[toString, y(x)]", cases.assertSame(true, "concat").log.toString());
  }

  @Test
  void compoundAssignmentReadsTheLeftSideFirst() throws Exception {
    assertEquals(16, cases.assertSame(true, "compound").result);
    assertEquals("[10, 25]", cases.assertSame(true, "compoundArray").result);
  }

  @Test
  void indexSideEffectsHappenOnce() throws Exception {
    assertEquals("[7, 8, 0]2", cases.assertSame(true, "postIncrementIndex").result);
  }

  @Test
  void nullArrayStoreSuspendsThenFails() throws Exception {
    Differential.Outcome outcome = cases.assertSame(true, "nullArrayStore");
    assertEquals("[y(1)]", outcome.log.toString());
    assertEquals("java.lang.NullPointerException", outcome.failure);
  }

  @Test
  void nullArrayCompoundFailsBeforeSuspending() throws Exception {
    Differential.Outcome outcome = cases.assertSame(false, "nullArrayCompound");
    assertEquals("[]", outcome.log.toString());
    assertEquals("java.lang.NullPointerException", outcome.failure);
  }

  @Test
  void shortCircuitEvaluatesOnlyWhatJavaWould() throws Exception {
    Differential.Outcome outcome = cases.assertSame(true, "shortCircuit");
    assertEquals("[left1, left2, left3, y(false)]", outcome.log.toString());
    assertEquals("false,true,false", outcome.result);
  }

  @Test
  void conditionalEvaluatesOneBranch() throws Exception {
    assertEquals(11L, cases.assertSame(true, "ternary", true).result);
    assertEquals(22L, cases.assertSame(true, "ternary", false).result);
  }

  @Test
  void nestedSuspensionsRunInnermostFirst() throws Exception {
    assertEquals("[y(3), y(3), y(4)]", cases.assertSame(true, "nested").log.toString());
  }

  @Test
  void casts() throws Exception {
    assertEquals(4, cases.assertSame(true, "cast").result);
  }

  @Test
  void suspensionsInConditionsAndLoopHeaders() throws Exception {
    cases.assertSame(true, "loops");
  }

  @Test
  void enhancedForOverASuspendingIterable() throws Exception {
    assertEquals(6, cases.assertSame(true, "forEachOverSuspendingIterable").result);
  }

  @Test
  void throwOfASuspendedValue() throws Exception {
    Differential.Outcome outcome = cases.assertSame(true, "throwsSuspended");
    assertEquals("java.lang.IllegalStateException", outcome.failure);
    assertEquals("boom", outcome.failureMessage);
  }

  @Test
  void fieldReadBeforeTheSuspensionKeepsItsValue() throws Exception {
    assertEquals("1:2:1", cases.assertSame(true, "fieldReadBeforeSuspension").result);
  }

  @Test
  void argumentsOfPlainCalls() throws Exception {
    assertEquals("[a, y(2), y(3), b]", cases.assertSame(true, "callArguments").log.toString());
  }

  @Test
  void constructorsAndInstanceOf() throws Exception {
    assertEquals(3, cases.assertSame(true, "instanceOfAndNew").result);
  }

  @Test
  void lambdasInALoopCaptureThatIterationsValues() throws Exception {
    assertEquals("n00 n110 n220 ", cases.assertSame(true, "lambdasCaptureEachIteration").result);
  }

  @Test
  void varargsCoroutinesAndVarargsCallsWithSuspendingArguments() throws Exception {
    assertEquals("x-ya+b+c", cases.assertSame(true, "varargs", (Object) new String[] {"x", "y"}).result);
  }

  @Test
  void anonymousClassesCaptureEachIterationAndKeepTheirOwnMembers() throws Exception {
    assertEquals("[c00:-1, c100:0, c200:1]", cases.assertSame(true, "anonymousClasses").result);
  }

  @Test
  void multiDimensionalArrayCreation() throws Exception {
    assertEquals("2x3", cases.assertSame(true, "multiDimensional").result);
  }
}
