package io.gevent4j.processor.semantics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.gevent4j.Clock;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.processor.testing.CoroutineCompiler;
import io.gevent4j.processor.testing.Differential;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * The processor's output is faithful: each example runs directly (javac's semantics) and as a
 * greenlet, with the same trace and result, and the generated code compiles (also warning-free
 * under {@code -Xlint:all -Werror}). Each test compiles its own class so that one example's
 * generated-code error does not hide the others.
 *
 * <p>Sources compile at the running JDK's default language level ({@code CoroutineCompiler.standard()}
 * passes no {@code --release}), so Java 21 examples only run on JDK 21 and later.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaithfulLoweringTest {

  // ---------------------------------------------------------------- compound assignments

  @Test
  void compoundMultiplyWithSuspendingSumOnTheRight() throws Exception {
    Differential cases = Differential.compile("CompoundMultiply",
        "  @Coroutine public static int run() { int x = 5; x *= 2 + y(3); return x; }");
    assertEquals(25, cases.assertSame(true, "run").result); // 5 * (2 + 3), not 5 * 2 + 3
  }

  @Test
  void compoundStringConcatWithSuspendingSumOnTheRight() throws Exception {
    Differential cases = Differential.compile("CompoundConcat",
        "  @Coroutine public static String run() { String s = \"a\"; s += 1 + y(2); return s; }");
    assertEquals("a3", cases.assertSame(true, "run").result); // "a" + (1 + 2), not "a" + 1 + 2
  }

  @Test
  void compoundXorWithSuspendingOrOnTheRight() throws Exception {
    Differential cases = Differential.compile("CompoundXor",
        "  @Coroutine public static int run() { int h = 5; h ^= 3 | y(4); return h; }");
    assertEquals(2, cases.assertSame(true, "run").result); // 5 ^ (3 | 4), not (5 ^ 3) | 4
  }

  @Test
  void compoundSubtractAndShiftWithSuspendingRightOperand() throws Exception {
    Differential cases = Differential.compile("CompoundSubShift",
        "  @Coroutine public static String run() {",
        "    int x = 10; x -= 1 - y(1);",
        "    int z = 3; z <<= 1 + y(1);",
        "    int w = 100; w /= 2 * y(5);",
        "    int m = 17; m %= 3 + y(2);",
        "    return x + \",\" + z + \",\" + w + \",\" + m;",
        "  }");
    assertEquals("10,12,10,2", cases.assertSame(true, "run").result);
  }

  @Test
  void compoundAssignmentsNarrowToTheTargetType() throws Exception {
    Differential cases = Differential.compile("CompoundNarrowing",
        "  @Coroutine public static String run() {",
        "    byte b = 10; b += y(300);",
        "    short s = 1; s *= y(40000);",
        "    char c = 'a'; c += y(1);",
        "    long l = 1; l <<= y(40);",
        "    double d = 1.5; d *= y(2);",
        "    int i = 7; i /= y(2.0);",
        "    long l2 = 10; l2 += y(0.5);",
        "    float f = 1; f += y(0.1);",
        "    byte b2 = 1; b2 <<= y(7);",
        "    return b + \",\" + s + \",\" + c + \",\" + l + \",\" + d + \",\" + i + \",\" + l2 + \",\" + f + \",\" + b2;",
        "  }");
    assertEquals("54,-25536,b,1099511627776,3.0,3,10,1.1,-128", cases.assertSame(true, "run").result);
  }

  // ---------------------------------------------------------------- unary operators and literals

  @Test
  void unaryOperatorsInStatementsThatDoNotSuspend() throws Exception {
    Differential cases = Differential.compile("UnaryPlain",
        "  @Coroutine public static String run(int a) {",
        "    y(0);",
        "    int b = a;",
        "    int a1 = - -a;",
        "    int a2 = + +a;",
        "    int a3 = -(-a);",
        "    int a4 = ~-a;",
        "    long a5 = -0xFFFFFFFF;",
        "    int a6 = -2147483648;",
        "    int a7 = - --b;",
        "    int a8 = - -2147483648;",
        "    long a9 = -9223372036854775808L;",
        "    int a10 = - ++b;",
        "    int a11 = + -a;",
        "    return a1 + \",\" + a2 + \",\" + a3 + \",\" + a4 + \",\" + a5 + \",\" + a6 + \",\" + a7 + \",\" + a8",
        "        + \",\" + a9 + \",\" + a10 + \",\" + a11 + \",\" + b;",
        "  }");
    assertEquals("5,5,5,4,1,-2147483648,-4,-2147483648,-9223372036854775808,-5,-5,5",
        cases.assertSame(true, "run", 5).result);
  }

  @Test
  void unaryOperatorsInStatementsThatSuspend() throws Exception {
    Differential cases = Differential.compile("UnarySuspending",
        "  @Coroutine public static String run(int a) {",
        "    int b = a;",
        "    int a1 = - -a + y(0);",
        "    int a2 = + +a + y(0);",
        "    int a3 = -(-a) + y(0);",
        "    int a4 = ~-a + y(0);",
        "    long a5 = -0xFFFFFFFF + y(0);",
        "    int a6 = -2147483648 + y(0);",
        "    int a7 = - --b + y(0);",
        "    int a8 = y(- -a);",
        "    int a9 = - -y(a);",
        "    int a10 = -(-y(a));",
        "    int a11 = ~-y(a);",
        "    int a12 = + +y(a);",
        "    int a13 = y(- --b);",
        "    long a14 = y(-9223372036854775808L);",
        "    int a15 = - -2147483648 + y(0);",
        "    return a1 + \",\" + a2 + \",\" + a3 + \",\" + a4 + \",\" + a5 + \",\" + a6 + \",\" + a7 + \",\" + a8",
        "        + \",\" + a9 + \",\" + a10 + \",\" + a11 + \",\" + a12 + \",\" + a13 + \",\" + a14 + \",\" + a15 + \",\" + b;",
        "  }");
    assertEquals("5,5,5,4,1,-2147483648,-4,5,5,5,4,5,-3,-9223372036854775808,-2147483648,3",
        cases.assertSame(true, "run", 5).result);
  }

  // ---------------------------------------------------------------- failing calls keep the old value

  @Test
  void failingYieldingPrimitiveKeepsTheOldLocalValue() throws Exception {
    Differential cases = Differential.compile("FailingPrimitive",
        "  @Yielding public static int failingInt() {",
        "    log.add(\"failingInt\");",
        "    Waiter<Integer> waiter = new Waiter<>();",
        "    Hub.current().post(() -> waiter.fail(new IllegalStateException(\"boom\")));",
        "    return waiter.awaitInt();",
        "  }",
        "  @Coroutine public static int run() {",
        "    int value = 7;",
        "    try { value = failingInt(); } catch (RuntimeException e) { log.add(\"caught \" + e.getMessage()); }",
        "    return value;",
        "  }");
    assertEquals(7, cases.assertSame(true, "run").result);
  }

  @Test
  void timedOutQueueGetKeepsTheOldStringLocal() throws Exception {
    Differential cases = Differential.compile("TimedOutGet",
        "  @Coroutine public static String run() {",
        "    String line = \"old\";",
        "    io.gevent4j.queue.Queue<String> q = new io.gevent4j.queue.Queue<>();",
        "    try { line = q.get(5); } catch (io.gevent4j.queue.Empty e) { log.add(\"empty\"); }",
        "    return line;",
        "  }");
    assertEquals("old", assertSameWithoutTicker(cases, "TimedOutGet", "run"));
  }

  @Test
  void fieldTargetKeepsTheOldValueWhileTheCallerWaits() throws Exception {
    Differential cases = Differential.compile("FieldTarget",
        "  static String shared;",
        "  @Coroutine public static void watcher() { log.add(\"watcher sees \" + shared); }",
        "  @Coroutine public static String run() {",
        "    shared = \"old\";",
        "    Greenlet<Void> watcher = Gevent.spawn(FieldTargetCoroutines.watcher());",
        "    io.gevent4j.queue.Queue<String> q = new io.gevent4j.queue.Queue<>();",
        "    try { shared = q.get(5); } catch (io.gevent4j.queue.Empty e) { log.add(\"empty\"); }",
        "    watcher.join();",
        "    return shared;",
        "  }");
    Differential.Outcome outcome = cases.direct("run");
    assertEquals("[watcher sees old, empty]", outcome.log.toString());
    assertEquals("old", assertSameWithoutTicker(cases, "FieldTarget", "run"));
  }

  // ---------------------------------------------------------------- bodies, casts, constants

  @Test
  void anonymousClassWithSuspendingConstructorArgumentKeepsItsBody() throws Exception {
    Differential cases = Differential.compile("AnonymousBodies",
        "  static abstract class Base {",
        "    final String tag;",
        "    Base(String tag) { this.tag = tag; }",
        "    abstract String body();",
        "    @Override public String toString() { return tag + \":\" + body(); }",
        "  }",
        "  @Coroutine public static String run() {",
        "    Object o = new Object() { public String toString() { return \"anon\"; } };",
        "    y(0);",
        "    Base b = new Base(y(\"t\")) { String body() { return \"body\"; } };",
        "    Base c = new Base(\"u\" + y(1)) { String body() { return \"c\" + tag; } };",
        "    String d = y(\"p\") + new Object() { public String toString() { return \"anon2\"; } };",
        "    return o + \",\" + b + \",\" + c + \",\" + d;",
        "  }");
    assertEquals("anon,t:body,u1:cu1,panon2", cases.assertSame(true, "run").result);
  }

  @Test
  void intersectionCastLambdaStaysSerializable() throws Exception {
    Differential cases = Differential.compile("SerializableLambda",
        "  static Object pick(int ignored, Object value) { return value; }",
        "  @Coroutine public static String run() {",
        "    y(0);",
        "    Runnable r = (Runnable & java.io.Serializable) () -> log.add(\"r\");",
        "    r.run();",
        "    Object r2 = pick(y(1), (Runnable & java.io.Serializable) () -> log.add(\"r2\"));",
        "    ((Runnable) r2).run();",
        "    return (r instanceof java.io.Serializable) + \",\" + (r2 instanceof java.io.Serializable);",
        "  }");
    assertEquals("true,true", cases.assertSame(true, "run").result);
  }

  @Test
  void finalStringLocalStaysAConstantAfterASuspension() throws Exception {
    Differential cases = Differential.compile("StringConstant",
        "  @Coroutine public static String run() {",
        "    final String K = \"k\";",
        "    final String J = K + \"j\";",
        "    y(1);",
        "    return (K == \"k\") + \",\" + (J == \"kj\") + \",\" + ((K + J) == \"kkj\");",
        "  }");
    assertEquals("true,true,true", cases.assertSame(true, "run").result);
  }

  @Test
  void staticFieldThroughAnExpressionEvaluatesItOnce() throws Exception {
    Differential cases = Differential.compile("StaticViaInstance",
        "  static class Holder { static int count; }",
        "  static Holder obj() { log.add(\"obj\"); return new Holder(); }",
        "  @Coroutine public static int run() {",
        "    Holder.count = 0;",
        "    obj().count += y(1);",
        "    obj().count = y(obj().count + 1);",
        "    return Holder.count;",
        "  }");
    Differential.Outcome outcome = cases.assertSame(true, "run");
    assertEquals("[obj, y(1), obj, obj, y(2)]", outcome.log.toString());
    assertEquals(2, outcome.result);
  }

  @Test
  void localsNamedLikeGeneratedMembersDoNotEndTheCoroutineEarly() throws Exception {
    Differential cases = Differential.compile("ReservedNames",
        "  @Coroutine public static String run() {",
        "    Object SUSPEND = \"s\"; Object CALL = \"c\"; int state$ = 0; String result$ = \"r\";",
        "    Object self$ = \"me\"; Throwable t$ = null; int resume$ = 1; String name$ = \"n\"; Object[] arguments$ = {};",
        "    Object value$ = \"v\"; int next$ = 9; Object frame$ = \"f\"; Object SUSPENDED = \"x\";",
        "    int i = 0;",
        "    while (i < 3) { state$ += y(i); i++; }",
        "    if (y(true)) { result$ = result$ + y(\"!\"); }",
        "    SUSPEND = y(SUSPEND); CALL = y(CALL);",
        "    return SUSPEND + \",\" + CALL + \",\" + state$ + \",\" + result$ + \",\" + self$ + \",\" + t$ + \",\" + resume$",
        "        + \",\" + name$ + \",\" + arguments$.length + \",\" + value$ + \",\" + next$ + \",\" + frame$ + \",\" + SUSPENDED;",
        "  }",
        "  @Coroutine public static String params(int state$, Object SUSPEND, Object CALL) {",
        "    state$ += y(1);",
        "    Object r = y(SUSPEND);",
        "    state$ += y(2);",
        "    return state$ + \",\" + r + \",\" + CALL;",
        "  }");
    assertEquals("s,c,3,r!,me,null,1,n,0,v,9,f,x", cases.assertSame(true, "run").result);
    assertEquals("13,S,C", cases.assertSame(true, "params", 10, "S", "C").result);
  }

  @Test
  void labelNamedLikeTheDispatchLabel() throws Exception {
    Differential cases = Differential.compile("ReservedLabel",
        "  @Coroutine public static int run() {",
        "    int n = 0; int i = 0;",
        "    dispatch$: while (i < 3) {",
        "      i++; int j = 0;",
        "      while (j < 3) { j++; if (y(j) == 2) continue dispatch$; n++; }",
        "    }",
        "    return n;",
        "  }");
    assertEquals(3, cases.assertSame(true, "run").result);
  }

  @Test
  void doWhileTrueRetryLoopWithContinue() throws Exception {
    Differential cases = Differential.compile("RetryLoop",
        "  @Coroutine public static int run() {",
        "    int i = 0;",
        "    do { i++; if (i < 3) { y(i); continue; } return i; } while (true);",
        "  }");
    Differential.Outcome outcome = cases.assertSame(true, "run");
    assertEquals("[y(1), y(2)]", outcome.log.toString());
    assertEquals(3, outcome.result);
  }

  // ---------------------------------------------------------------- generated code that must compile

  @Test
  void forEachOverACastToAWildcardList() throws Exception {
    Differential cases = Differential.compile("ForEachCast",
        "  @Coroutine public static String run(Object xs) {",
        "    StringBuilder out = new StringBuilder();",
        "    for (Object o : (List<?>) xs) { out.append(y(o)); }",
        "    return out.toString();",
        "  }");
    assertEquals("ab", cases.assertSame(true, "run", Arrays.asList("a", "b")).result);
  }

  @Test
  void forEachOverAConditional() throws Exception {
    Differential cases = Differential.compile("ForEachConditional",
        "  @Coroutine public static String run(boolean c) {",
        "    List<String> a = Arrays.asList(\"x\", \"y\");",
        "    Set<Integer> b = new TreeSet<>(Arrays.asList(1, 2));",
        "    StringBuilder out = new StringBuilder();",
        "    for (Object o : c ? a : b) { out.append(y(o)); }",
        "    return out.toString();",
        "  }");
    assertEquals("xy", cases.assertSame(true, "run", true).result);
    assertEquals("12", cases.assertSame(true, "run", false).result);
  }

  @Test
  void spawnAndJoinOwnGeneratedClassInsideACoroutine() throws Exception {
    Differential cases = Differential.compile("SpawnSelf",
        "  @Coroutine public static int child() { return y(4); }",
        "  @Coroutine public static int run() {",
        "    Gevent.spawn(SpawnSelfCoroutines.child()).join();",
        "    Greenlet<Integer> g = Gevent.spawn(SpawnSelfCoroutines.child());",
        "    g.join();",
        "    return g.value() + 1;",
        "  }");
    assertEquals(5, cases.assertSame(true, "run").result);
  }

  @Test
  void joinAllOfGeneratedGreenletsInsideACoroutine() throws Exception {
    Differential cases = Differential.compile("JoinAllSelf",
        "  @Coroutine public static int f(int n) { return y(n); }",
        "  @Coroutine public static int run() {",
        "    List<Greenlet<?>> done = Gevent.joinAll(JoinAllSelfCoroutines.f(5), JoinAllSelfCoroutines.f(6));",
        "    int sum = 0;",
        "    for (Greenlet<?> g : done) { sum += (Integer) g.value(); }",
        "    return sum;",
        "  }");
    assertEquals(11, cases.assertSame(true, "run").result);
  }

  @Test
  void switchCaseOnALocalConstant() throws Exception {
    Differential cases = Differential.compile("LocalConstantCase",
        "  @Coroutine public static String run(int n) {",
        "    final int ONE = 1;",
        "    final int TWO = ONE + 1;",
        "    String r;",
        "    switch (y(n)) {",
        "      case ONE: r = y(\"one\"); break;",
        "      case TWO: r = y(\"two\"); break;",
        "      default: r = y(\"other\");",
        "    }",
        "    return r;",
        "  }");
    assertEquals("one", cases.assertSame(true, "run", 1).result);
    assertEquals("two", cases.assertSame(true, "run", 2).result);
    assertEquals("other", cases.assertSame(true, "run", 3).result);
  }

  @Test
  void localIntConstantNarrowsToByteAfterASuspension() throws Exception {
    Differential cases = Differential.compile("ConstantNarrowing",
        "  @Coroutine public static int run() {",
        "    final int base = 3;",
        "    final char letter = 'A';",
        "    y(0);",
        "    byte b = base;",
        "    short s = letter;",
        "    char c = base;",
        "    return b + s + c + y(1);",
        "  }");
    assertEquals(72, cases.assertSame(true, "run").result);
  }

  @Test
  void whileOnALocalBooleanConstant() throws Exception {
    Differential cases = Differential.compile("WhileForever",
        "  @Coroutine public static int withBreak() {",
        "    final boolean FOREVER = true;",
        "    int i = 0;",
        "    while (FOREVER) { i += y(1); if (i >= 3) break; }",
        "    return i;",
        "  }",
        "  @Coroutine public static int onlyReturns() {",
        "    final boolean FOREVER = true;",
        "    int i = 0;",
        "    while (FOREVER) { if (y(i) >= 2) return i; i++; }",
        "  }");
    assertEquals(3, cases.assertSame(true, "withBreak").result);
    assertEquals(2, cases.assertSame(true, "onlyReturns").result);
  }

  @Test
  void forEachWideningIntegerElementsToLong() throws Exception {
    Differential cases = Differential.compile("ForEachWidening",
        "  @Coroutine public static long run() {",
        "    List<Integer> xs = Arrays.asList(1, 2, 3);",
        "    long total = 0;",
        "    for (long v : xs) { total += y(v) * 10_000_000_000L; }",
        "    return total;",
        "  }");
    assertEquals(60_000_000_000L, cases.assertSame(true, "run").result);
  }

  @Test
  void conditionalOfIntersectionTypeUsedAsAReceiver() throws Exception {
    Differential cases = Differential.compile("IntersectionReceiver",
        "  @Coroutine public static int run(boolean c) {",
        "    y(0);",
        "    int h = (c ? Integer.valueOf(1) : \"s\").hashCode();",
        "    int k = (c ? Integer.valueOf(y(2)) : \"t\").hashCode();",
        "    int m = (c ? Integer.valueOf(3) : y(\"u\")).hashCode() + y(0);",
        "    return h + k + m;",
        "  }");
    assertEquals(6, cases.assertSame(true, "run", true).result);
    assertEquals("s".hashCode() + "t".hashCode() + "u".hashCode(), cases.assertSame(true, "run", false).result);
  }

  @Test
  void innerClassCreatedInAnInstanceCoroutine() throws Exception {
    Differential cases = Differential.compile("InnerInInstance",
        "  int base = 5;",
        "  class Inner { int v = 2; int get() { return v * base; } }",
        "  @Coroutine public int inst() {",
        "    Inner first = new Inner();",
        "    y(0);",
        "    Inner second = this.new Inner();",
        "    base = y(7);",
        "    return first.get() + second.get() + new Inner().get();",
        "  }",
        "  @Coroutine public static int run() { return new InnerInInstance().inst(); }");
    assertEquals(42, cases.assertSame(true, "run").result);
  }

  @Test
  void overloadsBesideAMethodNamedWithTheOverloadSuffix() throws Exception {
    Differential cases = Differential.compile("OverloadNames",
        "  @Coroutine public static int f(int n) { return y(n); }",
        "  @Coroutine public static String f(String s) { return y(s); }",
        "  @Coroutine public static int f2() { return y(2); }",
        "  @Coroutine public static String run() { return f(1) + f(\"a\") + f2(); }");
    assertEquals("1a2", cases.assertSame(true, "run").result);
  }

  @Test
  void methodsDifferingOnlyInTheCaseOfTheirFirstLetter() throws Exception {
    Differential cases = Differential.compile("CaseNames",
        "  @Coroutine public static String fooBar() { return y(\"lower\"); }",
        "  @Coroutine public static String FooBar() { return y(\"upper\"); }",
        "  @Coroutine public static String run() { return fooBar() + FooBar(); }");
    assertEquals("lowerupper", cases.assertSame(true, "run").result);
  }

  @Test
  void genericCoroutineWhoseTypeParameterShadowsTheClassTypeParameter() throws Exception {
    Differential cases = Differential.compile("ShadowedTypeParameter",
        "  static class Box<T> {",
        "    final T held;",
        "    Box(T held) { this.held = held; }",
        "    @Coroutine public <T> String pair(T other) { T copy = y(other); List<T> xs = new ArrayList<>(); xs.add(copy); return held + \"/\" + xs; }",
        "    @Coroutine public static <T> T same(T value) { T copy = y(value); return copy; }",
        "  }",
        "  @Coroutine public static String run() { return new Box<Integer>(1).pair(\"s\") + Box.same(\"!\"); }");
    assertEquals("1/[s]!", cases.assertSame(true, "run").result);
  }

  @Test
  void instanceofPatternBindingsUsedAfterASuspension() throws Exception {
    Differential cases = Differential.compile("PatternBindings",
        "  @Coroutine public static int positive(Object o) {",
        "    if (o instanceof String s) { y(1); return s.length(); }",
        "    return -1;",
        "  }",
        "  @Coroutine public static int negated(Object o) {",
        "    if (!(o instanceof String s)) { return y(-1); }",
        "    y(0);",
        "    return s.length();",
        "  }",
        "  @Coroutine public static int inCondition(Object o) {",
        "    if (o instanceof String s && y(s.length()) > 1) { return y(s.length() * 10); }",
        "    return 0;",
        "  }");
    assertEquals(3, cases.assertSame(true, "positive", "abc").result);
    assertEquals(-1, cases.direct("positive", 1).result);
    assertEquals(3, cases.assertSame(true, "negated", "abc").result);
    assertEquals(-1, cases.assertSame(true, "negated", 1).result);
    assertEquals(30, cases.assertSame(true, "inCondition", "abc").result);
  }

  /**
   * javac itself cannot compile {@code var x = new Object() {...}} again once a processor has
   * attributed the class (any processor, any JDK checked: 17, 25): a precise error at the line.
   */
  @Test
  void varOfAnonymousClassTypeIsAnErrorAtItsLine() {
    Compilation compilation = CoroutineCompiler.standard().compile("p.VarAnonymousField",
        "package p;",
        "import io.gevent4j.annotations.Coroutine;",
        "public class VarAnonymousField {",
        "  @Coroutine static int run() {",
        "    var x = new Object() { int hits; };",
        "    io.gevent4j.Gevent.sleep(1);",
        "    return x.hits;",
        "  }",
        "}");
    assertThat(compilation).hadErrorContaining("[CoroutineVarOfAnonymousClass] javac cannot compile a 'var' of an anonymous class type")
        .inFile(compilation.sourceFiles().get(0)).onLine(5);
  }

  // ---------------------------------------------------------------- Java 21

  /** {@code assert} with suspensions runs, and suspends, only when assertions are enabled, as Java does. */
  @Test
  void assertWithSuspensionsFollowsTheAssertionStatus() throws Exception {
    String[] members = {
        "  @Coroutine public static String run(int a) {",
        "    y(0);",
        "    assert y(a) > 1 : \"small \" + y(a);",
        "    return \"passed \" + a;",
        "  }"};
    Differential disabled = Differential.compile("AssertOff", members);
    assertEquals("passed 1", disabled.assertSame(true, "run", 1).result);
    Differential enabled = Differential.compile("AssertOn", members);
    enabled.loader().setClassAssertionStatus("p.AssertOn", true);
    assertEquals("passed 2", enabled.assertSame(true, "run", 2).result);
    assertEquals("java.lang.AssertionError", enabled.assertSame(true, "run", 1).failure);
  }

  /** {@code case ->} rules in a switch statement whose arms suspend: no fallthrough, default anywhere. */
  @Test
  void arrowCasesWithSuspensionsInTheirArms() throws Exception {
    Differential cases = Differential.compile("ArrowCases",
        "  @Coroutine public static String run(int a) {",
        "    String r = \"\";",
        "    switch (y(a)) {",
        "      case 1, 2 -> r += y(\"low\");",
        "      default -> { r += \"other\"; y(0); }",
        "      case 3 -> throw new IllegalStateException(y(\"three\"));",
        "    }",
        "    return r + y(\"!\");",
        "  }");
    assertEquals("low!", cases.assertSame(true, "run", 2).result);
    assertEquals("other!", cases.assertSame(true, "run", 7).result);
    assertEquals("java.lang.IllegalStateException", cases.assertSame(true, "run", 3).failure);
  }

  /** Switch expressions with suspensions in the selector, in rule arms, in blocks and yields, classic cases too. */
  @Test
  void switchExpressionsWithSuspensions() throws Exception {
    Differential cases = Differential.compile("SwitchExpressions",
        "  enum Size { S, M, L }",
        "  @Coroutine public static String run(int a, String s) {",
        "    int n = switch (y(a)) {",
        "      case 1, 2 -> y(10) + a;",
        "      case 3 -> { int t = y(30); if (t > a) yield t + 1; yield t; }",
        "      default -> -1;",
        "    };",
        "    String m = switch (s) {",
        "      case \"x\":",
        "        y(\"fall\");",
        "      case \"y\":",
        "        yield \"xy\" + y(1);",
        "      default:",
        "        try { y(0); yield \"in try\"; } finally { log.add(\"finally\"); }",
        "    };",
        "    Size size = a > 2 ? Size.L : Size.S;",
        "    int k = switch (size) { case S -> y(1); case M -> 2; case L -> { y(0); yield 3; } };",
        "    return n + \" \" + m + \" \" + k + \" \" + t(\"after\", \"!\");",
        "  }");
    assertEquals("11 xy1 1 !", cases.assertSame(true, "run", 1, "x").result);
    assertEquals("31 in try 3 !", cases.assertSame(true, "run", 3, "z").result);
    assertEquals("-1 xy1 3 !", cases.assertSame(true, "run", 5, "y").result);
  }

  /** Explicit type arguments on a call whose arguments suspend stay as written. */
  @Test
  void explicitTypeArgumentsOnACallWhoseArgumentsSuspend() throws Exception {
    Differential cases = Differential.compile("TypeArguments",
        "  @Coroutine public static String run() {",
        "    List<Object> xs = Arrays.<Object>asList(y(1), t(\"mid\", \"m\"), y(\"two\"));",
        "    return xs.toString() + Collections.<String>emptyList().size();",
        "  }");
    assertEquals("[1, m, two]0", cases.assertSame(true, "run").result);
  }

  /** Local records, enums, interfaces and classes declared where the body suspends, used across suspensions. */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_16)
  void localTypesAcrossSuspensions() throws Exception {
    Differential cases = Differential.compile("LocalTypes",
        "  @Coroutine public static String run(int a) {",
        "    record Point(int x, int y) { int sum() { return x + y; } }",
        "    enum Mode { ON, OFF }",
        "    interface Shape { int area(); }",
        "    class Square implements Shape { final int side; Square(int side) { this.side = side; } public int area() { return side * side; } }",
        "    Point p = new Point(a, y(2));",
        "    Mode m = y(a) > 1 ? Mode.ON : Mode.OFF;",
        "    List<Point> points = new ArrayList<>();",
        "    points.add(p);",
        "    points.add(new Point(y(5), 6));",
        "    Shape s = new Square(y(3));",
        "    int total = 0;",
        "    for (Point q : points) { total += q.sum() + y(0); }",
        "    Runnable r = () -> log.add(\"p \" + p);",
        "    r.run();",
        "    return p + \" \" + m + \" \" + total + \" \" + s.area() + \" \" + switch (m) { case ON -> y(\"on\"); case OFF -> \"off\"; };",
        "  }");
    assertEquals("Point[x=3, y=2] ON 16 9 on", cases.assertSame(true, "run", 3).result);
    assertEquals("Point[x=1, y=2] OFF 14 9 off", cases.assertSame(true, "run", 1).result);
  }

  /** A local class that captures a local variable would read its field, not the value it captured: refused. */
  @Test
  void localClassCapturingALocalIsAnErrorAtTheUse() {
    Compilation compilation = CoroutineCompiler.standard().compile("p.LocalCapture",
        "package p;",
        "import io.gevent4j.annotations.Coroutine;",
        "public class LocalCapture {",
        "  @Coroutine static int run(int a) {",
        "    int base = a + 1;",
        "    class Adder { int add(int v) { return v + base; } }",
        "    io.gevent4j.Gevent.sleep(1);",
        "    return new Adder().add(2);",
        "  }",
        "}");
    assertThat(compilation).hadErrorContaining("[CoroutineUnsupportedConstruct] a local class that captures the coroutine's local variable 'base'")
        .inFile(compilation.sourceFiles().get(0)).onLine(6);
  }

  /** Instance coroutines of inner classes, using their own members and creating their own inner classes. */
  @Test
  void innerClassInstanceCoroutines() throws Exception {
    Differential cases = Differential.compile("InnerCoroutines",
        "  class Counter {",
        "    int count;",
        "    class Step { int by = 2; }",
        "    @Coroutine public int bump(int times) {",
        "      for (int i = 0; i < times; i++) { count += new Step().by + y(0); }",
        "      return count;",
        "    }",
        "  }",
        "  @Coroutine public static int run() {",
        "    InnerCoroutines outer = new InnerCoroutines();",
        "    Counter c = outer.new Counter();",
        "    return Gevent.spawn(InnerCoroutines_CounterCoroutines.bump(c, 3)).get() + c.bump(1);",
        "  }");
    assertEquals(14, cases.assertSame(true, "run").result);
  }

  /**
   * Inner classes' coroutines reaching their enclosing instances (issue 10 item 4): outer fields
   * (private too) read and written, outer methods and coroutines called, {@code Outer.this},
   * {@code new Sibling()} of an outer inner class, two levels deep.
   */
  @Test
  void innerClassCoroutinesReachTheirEnclosingInstances() throws Exception {
    Differential cases = Differential.compile("Enclosing",
        "  int total = 1;",
        "  private int secret = 10;",
        "  String name = \"outer\";",
        "  int twice(int v) { return 2 * v; }",
        "  @Coroutine int slow(int v) { return y(v) + total; }",
        "  class Sibling { int v = total * 3; }",
        "  class Inner {",
        "    int count = 2;",
        "    @Coroutine public int work(int n) {",
        "      total += y(n);",
        "      secret++;",
        "      count = twice(y(count)) + secret;",
        "      int fromOuter = slow(y(1));",
        "      Enclosing self = Enclosing.this;",
        "      Sibling s = new Sibling();",
        "      Runnable r = () -> total += count;",
        "      r.run();",
        "      return fromOuter + s.v + self.total + count + Enclosing.this.secret;",
        "    }",
        "    class Deeper {",
        "      @Coroutine public String deep() { return y(name) + count + total + Inner.this.count + Enclosing.this.name; }",
        "    }",
        "  }",
        "  @Coroutine public static String run(int n) {",
        "    Enclosing outer = new Enclosing();",
        "    Inner inner = outer.new Inner();",
        "    int worked = Gevent.spawn(Enclosing_InnerCoroutines.work(inner, n)).get();",
        "    Inner.Deeper deeper = inner.new Deeper();",
        "    return worked + \" \" + Gevent.spawn(Enclosing_Inner_DeeperCoroutines.deep(deeper)).get() + \" \" + outer.total + \" \" + outer.secret;",
        "  }",
        "  @Coroutine public static String direct(int n) {",
        "    Enclosing outer = new Enclosing();",
        "    Inner inner = outer.new Inner();",
        "    int worked = inner.work(n);",
        "    return worked + \" \" + inner.new Deeper().deep() + \" \" + outer.total + \" \" + outer.secret;",
        "  }");
    Object viaGreenlets = cases.greenlet(true, "run", 4).result;
    assertEquals(cases.direct("direct", 4).result, viaGreenlets);
    assertEquals(cases.direct("direct", 4).result, cases.greenlet(true, "direct", 4).result);
  }

  /** An inner class of a generic class: its coroutine reaches the enclosing instance, typed by its type variables. */
  @Test
  void innerClassCoroutinesOfAGenericClass() throws Exception {
    Differential cases = Differential.compile("Bag",
        "  static final class Shelf<T extends Comparable<T>> {",
        "    final List<T> items = new ArrayList<>();",
        "    private T best;",
        "    T best() { return best; }",
        "    class Picker {",
        "      int picks;",
        "      @Coroutine public T pick(T candidate) {",
        "        items.add(y(candidate));",
        "        if (best == null || candidate.compareTo(best) > 0) { best = candidate; }",
        "        picks++;",
        "        return y(Shelf.this.best());",
        "      }",
        "    }",
        "  }",
        "  @Coroutine public static String run(int n) {",
        "    Shelf<String> shelf = new Shelf<>();",
        "    Shelf<String>.Picker picker = shelf.new Picker();",
        "    StringBuilder out = new StringBuilder();",
        "    for (int i = 0; i < n; i++) { out.append(picker.pick(y(\"k\" + (i * 7 % 5)))).append(' '); }",
        "    return out + \"\" + shelf.items + picker.picks;",
        "  }");
    assertEquals("k0 k2 k4 k4 k4 [k0, k2, k4, k1, k3]5", cases.assertSame(true, "run", 5).result);
  }

  /** Private constants are used by value: in expressions, case labels, narrowing, anonymous classes. */
  @Test
  void privateConstantsOfTheClass() throws Exception {
    Differential cases = Differential.compile("PrivateConstants",
        "  private static final int MAX = -5;",
        "  private static final byte SMALL = -3;",
        "  private static final char C = 'q';",
        "  private static final String NAME = \"n\" + 1;",
        "  private static final long BIG = 1L << 40;",
        "  private static final double NEG_ZERO = -0.0;",
        "  @Coroutine public static String run(int a) {",
        "    int x = y(a) - MAX;",
        "    byte b = SMALL;",
        "    String r;",
        "    switch ((int) y(a)) { case MAX: r = \"max\"; break; case SMALL: r = \"small\"; break; default: r = NAME; }",
        "    Object o = new Object() { public String toString() { return NAME + C; } };",
        "    return x + \" \" + b + \" \" + r + \" \" + o + \" \" + (BIG + y(1)) + \" \" + (1 / NEG_ZERO) + \" \" + PrivateConstants.MAX;",
        "  }");
    assertEquals("0 -3 max n1q 1099511627777 -Infinity -5", cases.assertSame(true, "run", -5).result);
    assertEquals("6 -3 n1 n1q 1099511627777 -Infinity -5", cases.assertSame(true, "run", 1).result);
  }

  /** A loop on a constant condition that never ends normally, as javac folds it: nothing is placed after it. */
  @Test
  void loopsOnConstantConditionsEndOnlyByTheirExits() throws Exception {
    Differential cases = Differential.compile("ConstantLoops",
        "  static final boolean FOREVER = true;",
        "  @Coroutine public static void local() {",
        "    y(1);",
        "    final boolean on = true;",
        "    int n = 0;",
        "    while (on && 1 < 2) { n++; if (n > 3) { log.add(\"n \" + n); return; } }",
        "  }",
        "  @Coroutine public static int field() {",
        "    int n = y(0);",
        "    do { n++; if (n == 5) return n; } while (!!FOREVER);",
        "  }",
        "  @Coroutine public static int forLoop() {",
        "    y(0);",
        "    for (int i = 0; FOREVER; i++) { if (i == 2) return i; }",
        "  }");
    cases.assertSame(true, "local");
    assertEquals(5, cases.assertSame(true, "field").result);
    assertEquals(2, cases.assertSame(true, "forLoop").result);
  }

  /** Found by the random programs: a constant captured by an anonymous class stays a constant. */
  @Test
  void constantCapturedByAnAnonymousClassStaysAConstant() throws Exception {
    Differential cases = Differential.compile("CapturedConstant",
        "  @Coroutine public static int run(int a) {",
        "    final int K = 1;",
        "    y(0);",
        "    switch (a) { case K: a += new Object() { public int hashCode() { return K; } }.hashCode(); }",
        "    char c = K;",
        "    return y(a) + c;",
        "  }");
    assertEquals(3, cases.assertSame(true, "run", 1).result);
  }

  /** Found by the random programs: an operand whose overload of a helper was ambiguous, now spilled first. */
  @Test
  void conditionalOfAGenericCallAsTheArgumentOfAYieldingCall() throws Exception {
    Differential cases = Differential.compile("ConditionalArgument",
        "  @Coroutine public static int run(int a) { return y(a > 0 ? 1 : t(\"e\", 2)); }");
    assertEquals(1, cases.assertSame(true, "run", 1).result);
    assertEquals(2, cases.assertSame(true, "run", 0).result);
  }

  /** Java 22's unnamed variables, lifted (a local, a catch parameter) and left as written (a lambda's, a pattern's). */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_22)
  void unnamedVariablesAcrossSuspensions() throws Exception {
    Differential cases = Differential.compile("Unnamed",
        "  record Box(Object content) {}",
        "  @Coroutine public static String run(boolean boxed) {",
        "    Object o = boxed ? new Box(1) : \"s\";",
        "    var _ = y(1);",
        "    String r = \"\";",
        "    try { y(2); Integer.parseInt(\"x\"); } catch (NumberFormatException _) { r += y(\"caught\"); }",
        "    java.util.function.Function<Object, String> f = _ -> \"f\";",
        "    if (o instanceof Box(var _)) { r += \"box\"; }",
        "    return r + f.apply(y(3));",
        "  }");
    assertEquals("caughtboxf", cases.assertSame(true, "run", true).result);
    assertEquals("caughtf", cases.assertSame(true, "run", false).result);
  }

  /** Java 21+ switch forms in statements that do not suspend, around suspensions: the user's text as written. */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void patternSwitchesThatDoNotSuspendBesideSuspensions() throws Exception {
    Differential cases = Differential.compile("PatternSwitchVerbatim",
        "  enum Color { RED, GREEN }",
        "  record Point(int x, int y) {}",
        "  @Coroutine public static String run(Object o) {",
        "    y(0);",
        "    String r = switch (o) {",
        "      case String s when s.length() > 1 -> \"long \" + s;",
        "      case String s -> \"short \" + s;",
        "      case Point(int x, int y) -> \"point \" + (x + y);",
        "      case Color c when c == Color.RED -> \"red\";",
        "      case null, default -> \"other\";",
        "    };",
        "    Color c = o instanceof Color k ? k : Color.GREEN;",
        "    switch (c) { case Color.RED: r += \"!\"; break; default: r += \"?\"; }",
        "    return y(r);",
        "  }");
    assertEquals("long ab?", cases.assertSame(true, "run", "ab").result);
    assertEquals("short a?", cases.assertSame(true, "run", "a").result);
    assertEquals("other?", cases.assertSame(true, "run", (Object) null).result);
    assertEquals("other?", cases.assertSame(true, "run", 3).result);
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void patternSwitchWithSuspensions() throws Exception {
    Differential cases = Differential.compile("PatternSwitch",
        "  @Coroutine public static String run(Object o) {",
        "    y(0);",
        "    String r;",
        "    switch (o) {",
        "      case String s -> r = y(s) + s.length();",
        "      case Integer i -> r = \"\" + y(i + 1);",
        "      default -> r = \"other\";",
        "    }",
        "    return r + y(\"!\");",
        "  }");
    assertEquals("ab2!", cases.assertSame(true, "run", "ab").result);
    assertEquals("5!", cases.assertSame(true, "run", 4).result);
    assertEquals("other!", cases.assertSame(true, "run", 1.5).result);
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void caseNullDefaultWithSuspensions() throws Exception {
    Differential cases = Differential.compile("CaseNullDefault",
        "  @Coroutine public static String run(Object o) {",
        "    String r;",
        "    switch (o) {",
        "      case String s -> r = y(s);",
        "      case null, default -> r = y(\"nd\");",
        "    }",
        "    return r;",
        "  }");
    assertEquals("a", cases.assertSame(true, "run", "a").result);
    assertEquals("nd", cases.assertSame(true, "run", (Object) null).result);
    assertEquals("nd", cases.assertSame(true, "run", 3).result);
  }

  /** Patterns, guards that suspend, record patterns, constants and null in switches whose cases suspend (issue 10). */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void patternSwitchesWithSuspendingGuardsAndArms() throws Exception {
    Differential cases = Differential.compile("PatternGuards",
        "  enum Color { RED, GREEN, BLUE }",
        "  public record Point(int x, int y) {}",
        "  public sealed interface Shape permits Circle, Square {}",
        "  public record Circle(int r) implements Shape {}",
        "  public record Square(int side) implements Shape {}",
        "  static final int LIMIT = 3;",
        "  @Coroutine public static String run(Object o) {",
        "    String r = switch (o) {",
        "      case null -> y(\"null\");",
        "      case String s when s.length() > y(LIMIT) -> \"long \" + y(s);",
        "      case String s when t(\"guard\", s.isEmpty()) -> \"empty\";",
        "      case String s -> { String u = y(s.toUpperCase()); yield u + s.length(); }",
        "      case Point(int x, int y) when y(x) > y -> \"down \" + (x - y(y));",
        "      case Point(var x, var y) -> \"point \" + y(x + y);",
        "      case Color c when c == Color.RED -> y(\"red\");",
        "      case Color c -> c.name() + y(c.ordinal());",
        "      case Integer i when i > 10 -> \"big \" + y(i);",
        "      default -> \"other \" + y(o);",
        "    };",
        "    return r;",
        "  }",
        "  @Coroutine public static int area(Shape shape) {",
        "    switch (shape) {",
        "      case Circle c:",
        "        y(c);",
        "        return 3 * c.r() * c.r();",
        "      case Square(int side):",
        "        return y(side) * side;",
        "    }",
        "  }",
        "  @Coroutine public static String colors(Color c) {",
        "    return switch (c) {",
        "      case RED -> y(\"r\");",
        "      case Color k when k.ordinal() == y(1) -> \"g\";",
        "      default -> \"b\";",
        "    };",
        "  }",
        "  @Coroutine public static String boxes(Integer n) {",
        "    String r = \"\";",
        "    switch (n) {",
        "      case 1 -> r = y(\"one\");",
        "      case Integer i when i < 0 -> r = \"negative\";",
        "      case Integer i -> r = \"n\" + y(i);",
        "    }",
        "    return r;",
        "  }");
    for (Object input : new Object[] {null, "abcdef", "", "ab", new Object[0], 5, 11}) {
      cases.assertSame(false, "run", input);
    }
    Class<?> point = cases.loader().loadClass("p.PatternGuards$Point");
    Object down = point.getDeclaredConstructor(int.class, int.class).newInstance(5, 2);
    Object up = point.getDeclaredConstructor(int.class, int.class).newInstance(1, 2);
    assertEquals("down 3", cases.assertSame(true, "run", down).result);
    assertEquals("point 3", cases.assertSame(true, "run", up).result);
    Class<?> color = cases.loader().loadClass("p.PatternGuards$Color");
    for (Object constant : color.getEnumConstants()) {
      cases.assertSame(true, "run", constant);
      cases.assertSame(true, "colors", constant);
    }
    Object circle = cases.loader().loadClass("p.PatternGuards$Circle").getDeclaredConstructor(int.class).newInstance(2);
    Object square = cases.loader().loadClass("p.PatternGuards$Square").getDeclaredConstructor(int.class).newInstance(3);
    assertEquals(12, cases.assertSame(true, "area", circle).result);
    assertEquals(9, cases.assertSame(true, "area", square).result);
    for (Integer n : new Integer[] {1, -4, 7, null}) {
      cases.assertSame(false, "boxes", n);
    }
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void recordPatternsWithSuspensions() throws Exception {
    Differential cases = Differential.compile("RecordPatterns",
        "  record Point(int a, int b) {}",
        "  @Coroutine public static int deconstruct(Object o) {",
        "    if (o instanceof Point(int a, int b)) { y(0); return a * 10 + b; }",
        "    return -1;",
        "  }",
        "  @Coroutine public static int switched(Object o) {",
        "    int base = switch (o) {",
        "      case Point(var a, var b) when a > 0 -> a + b;",
        "      case Point p -> -p.b();",
        "      default -> 0;",
        "    };",
        "    return base + y(100);",
        "  }",
        "  @Coroutine public static int run() {",
        "    return deconstruct(new Point(1, 2)) + switched(new Point(3, 4)) + switched(new Point(0, 5)) + deconstruct(\"x\");",
        "  }");
    assertEquals(12 + 107 + 95 - 1, cases.assertSame(true, "run").result);
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void qualifiedEnumCaseLabelInASuspendingSwitch() throws Exception {
    Differential cases = Differential.compile("QualifiedEnumCase",
        "  enum Color { RED, GREEN }",
        "  @Coroutine public static String run(int n) {",
        "    Color c = Color.values()[n];",
        "    String r;",
        "    switch (c) {",
        "      case Color.RED: r = y(\"red\"); break;",
        "      default: r = y(\"other\");",
        "    }",
        "    return r;",
        "  }");
    assertEquals("red", cases.assertSame(true, "run", 0).result);
    assertEquals("other", cases.assertSame(true, "run", 1).result);
  }

  // ---------------------------------------------------------------- warnings

  @Test
  void fallthroughSwitchCompilesWithoutWarningsUnderWerror() {
    Differential.assertLintClean("LintFallthrough",
        "  @SuppressWarnings(\"fallthrough\")",
        "  @Coroutine public static String run(int n) {",
        "    StringBuilder out = new StringBuilder();",
        "    switch (y(n)) {",
        "      case 0: out.append(y(\"zero\"));",
        "      case 1: out.append(y(\"one\")); break;",
        "      default: out.append(\"other\");",
        "    }",
        "    return out.toString();",
        "  }");
  }

  @Test
  void tryFinallyAndFriendsCompileWithoutWarningsUnderWerror() {
    Differential.assertLintClean("LintTryFinally",
        "  static final class Res implements AutoCloseable { @Override public void close() { log.add(\"close\"); } }",
        "  @Coroutine public static int run(Object o) {",
        "    int n = 0;",
        "    try { n += y(1); } finally { log.add(\"finally\" + y(2)); }",
        "    try { n += y(3); if (n > 100) throw new IllegalStateException(); }",
        "    catch (IllegalStateException e) { n = -1; }",
        "    finally { n++; }",
        "    try (Res r = new Res()) { log.add(String.valueOf(r.hashCode() * 0)); n += y(4); }",
        "    String s = (String) o;",
        "    List<String> xs = new ArrayList<>(Arrays.asList(s, y(\"b\")));",
        "    for (String x : xs) { n += y(x.length()); }",
        "    long wide = n + y(1L);",
        "    return (int) wide;",
        "  }",
        "  @Coroutine public void instance(List<? extends Number> xs) {",
        "    for (Number x : xs) { log.add(String.valueOf(y(x))); }",
        "  }");
  }

  // ---------------------------------------------------------------- helpers

  /**
   * {@link Differential#assertSame} for methods that wait on a timer: Differential's ticker keeps
   * the virtual clock from ever reaching a deadline, so this runs the greenlet alone (a timer that
   * fires proves it suspended). Returns the greenlet's value.
   */
  private static Object assertSameWithoutTicker(Differential cases, String simpleName, String method) throws Exception {
    Differential.Outcome direct = cases.direct(method);
    Hub.install(Clock.virtual()).setErrorStream(null);
    Class<?> type = cases.loader().loadClass("p." + simpleName);
    List<String> log = new ArrayList<>();
    type.getField("log").set(null, log);
    Greenlet<?> greenlet = (Greenlet<?>) cases.loader().loadClass("p." + simpleName + "Coroutines")
        .getMethod(method).invoke(null);
    greenlet.start();
    greenlet.join();
    assertEquals(direct.log, log, "direct vs greenlet trace for " + method);
    assertEquals(direct.failure, greenlet.exception() == null ? null : greenlet.exception().getClass().getName(),
        "direct vs greenlet failure for " + method);
    assertEquals(String.valueOf(direct.result), String.valueOf(greenlet.value()), "direct vs greenlet result for " + method);
    assertTrue(Hub.current().isEmpty(), "hub not empty after " + method);
    return greenlet.value();
  }

  /** `case LIMIT:` of a (not private) constant of the class: qualified in the generated class, as only enum constants may not be. */
  @Test
  void caseLabelsNamingConstantsOfTheClass() throws Exception {
    Differential cases = Differential.compile("ClassConstantLabels",
        "  static final int LIMIT = 3;",
        "  static final String NAME = \"n\";",
        "  @Coroutine public static String run(int n, String s) {",
        "    y(0);",
        "    String r = \"\";",
        "    switch (n) { case LIMIT: r += \"limit\"; break; case ClassConstantLabels.LIMIT + 1: r += \"four\"; break; default: r += \"d\"; }",
        "    switch (s) { case NAME: r += y(\"name\"); break; default: r += y(\"x\"); }",
        "    return r;",
        "  }");
    cases.assertSame(true, "run", 3, "n");
    cases.assertSame(true, "run", 4, "m");
  }
}
