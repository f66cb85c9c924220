package io.gevent4j.processor.semantics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.gevent4j.processor.testing.CoroutineCompiler;
import io.gevent4j.processor.testing.Differential;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls of overridable, abstract and {@code super} coroutines run the body Java's virtual dispatch
 * picks: each program runs directly and as a greenlet with the same trace and result, and its
 * generated code is warning-free under {@code -Xlint:all -Werror}.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PolymorphismTest {

  private static Differential compile(String name, String... members) {
    Differential.assertLintClean(name, members);
    return Differential.compile(name, members);
  }

  @Test
  void interfaceWithTwoImplementations() throws Exception {
    Differential cases = compile("Shapes",
        "  public interface Shape { @Coroutine int area(int scale); }",
        "  public static class Square implements Shape {",
        "    final int side;",
        "    Square(int side) { this.side = side; }",
        "    @Coroutine @Override public int area(int scale) { return y(side * side) * scale; }",
        "  }",
        "  public static final class Circle implements Shape {",
        "    @Coroutine @Override public int area(int scale) { log.add(\"circle\"); return y(3) * scale; }",
        "  }",
        "  @Coroutine public static int run() {",
        "    List<Shape> shapes = Arrays.asList(new Square(2), new Circle(), new Square(3));",
        "    int total = 0;",
        "    for (Shape shape : shapes) { total += shape.area(10); }",
        "    return total;",
        "  }");
    assertEquals(160, cases.assertSame(true, "run").result);
  }

  @Test
  void abstractClassWithAnAbstractCoroutine() throws Exception {
    Differential cases = compile("Templates",
        "  public abstract static class Job {",
        "    @Coroutine protected abstract String step(int i);",
        "    @Coroutine public String runAll(int n) {",
        "      StringBuilder out = new StringBuilder();",
        "      for (int i = 0; i < n; i++) { out.append(step(i)); }",
        "      return out.toString();",
        "    }",
        "  }",
        "  static class Upper extends Job {",
        "    @Coroutine @Override protected String step(int i) { return y(\"U\" + i); }",
        "  }",
        "  static class Lower extends Job {",
        "    @Coroutine @Override protected String step(int i) { return y(\"l\" + i); }",
        "  }",
        "  @Coroutine public static String run() { return new Upper().runAll(2) + new Lower().runAll(3); }");
    assertEquals("U0U1l0l1l2", cases.assertSame(true, "run").result);
  }

  @Test
  void overrideCallingSuper() throws Exception {
    Differential cases = compile("Supers",
        "  public static class Base {",
        "    @Coroutine public String greet(String who) { return y(\"hello \" + who); }",
        "  }",
        "  public static class Loud extends Base {",
        "    @Coroutine @Override public String greet(String who) { return super.greet(y(who).toUpperCase()) + \"!\"; }",
        "  }",
        "  public static class Louder extends Loud {",
        "    @Coroutine @Override public String greet(String who) { String s = super.greet(who); return s + y(\"!\"); }",
        "  }",
        "  @Coroutine public static String run() {",
        "    Base[] all = {new Base(), new Loud(), new Louder()};",
        "    String out = \"\";",
        "    for (Base b : all) { out += b.greet(\"bob\") + \";\"; }",
        "    return out;",
        "  }");
    assertEquals("hello bob;hello BOB!;hello BOB!!;", cases.assertSame(true, "run").result);
  }

  @Test
  void superCallsOfPlainMethodsSkipTheOverride() throws Exception {
    Differential cases = compile("PlainSupers",
        "  public static class Base {",
        "    public String name() { return \"base\"; }",
        "    protected int twice(int x) { return 2 * x; }",
        "    public String join(String... parts) { return String.join(\"+\", parts); }",
        "    @Override public String toString() { return \"Base!\"; }",
        "  }",
        "  public interface Named { default String label() { return \"named\"; } }",
        "  public static class Sub extends Base implements Named {",
        "    @Override public String name() { return \"sub\"; }",
        "    @Override protected int twice(int x) { return 3 * x; }",
        "    @Override public String label() { return \"sub-label\"; }",
        "    @Override public String join(String... parts) { return \"no\"; }",
        "    @Override public String toString() { return \"Sub!\"; }",
        "    @Coroutine public String run() {",
        "      String a = super.name() + \"/\" + name();",
        "      int b = super.twice(y(5)) + twice(1);",
        "      java.util.function.Supplier<String> s = () -> super.toString();",
        "      String c = Named.super.label() + \"/\" + label();",
        "      return a + \";\" + b + \";\" + y(s.get()) + \";\" + c + \";\" + super.join(y(\"x\"), \"y\") + \";\" + (super.hashCode() == hashCode());",
        "    }",
        "  }",
        "  public static class Box<T> { public T echo(T t) { return t; } }",
        "  public static class Strings extends Box<String> {",
        "    @Override public String echo(String t) { return t + t; }",
        "    @Coroutine public String run() { return super.echo(y(\"a\")) + echo(\"b\"); }",
        "  }",
        "  @Coroutine public static String run() { return new Sub().run() + \"|\" + new Strings().run(); }");
    assertEquals("base/sub;13;Base!;named/sub-label;x+y;true|abb", cases.assertSame(true, "run").result);
  }

  @Test
  void threeLevelsWhereTheMiddleDoesNotOverride() throws Exception {
    Differential cases = compile("Levels",
        "  public static class A { @Coroutine public int m(int x) { return y(x + 1); } }",
        "  public static class B extends A { int other() { return 0; } }",
        "  public static class C extends B { @Coroutine @Override public int m(int x) { return y(x * 100); } }",
        "  @Coroutine public static String run() {",
        "    A a = new A(); A b = new B(); A c = new C(); B cb = new C();",
        "    return a.m(1) + \",\" + b.m(1) + \",\" + c.m(1) + \",\" + cb.m(2);",
        "  }");
    assertEquals("2,2,100,200", cases.assertSame(true, "run").result);
  }

  @Test
  void genericBaseOverriddenThroughABridge() throws Exception {
    Differential cases = compile("Bridges",
        "  public static class Box<T> { @Coroutine public T echo(T t) { return y(t); } }",
        "  public static class Strings extends Box<String> {",
        "    @Coroutine @Override public String echo(String t) { return y(t + t); }",
        "    public String echo(Integer i) { return \"plain\" + i; }",
        "  }",
        "  public static class Shouting extends Strings {",
        "    @Coroutine @Override public String echo(String t) { return super.echo(t).toUpperCase(); }",
        "  }",
        "  @Coroutine public static String run() {",
        "    Box<String> a = new Box<>(); Box<String> b = new Strings(); Box<String> c = new Shouting(); Strings d = new Shouting();",
        "    return a.echo(\"a\") + \",\" + b.echo(\"b\") + \",\" + c.echo(\"c\") + \",\" + d.echo(\"d\");",
        "  }");
    assertEquals("a,bb,CC,DD", cases.assertSame(true, "run").result);
  }

  @Test
  void genericInterfaceImplementedThroughABridge() throws Exception {
    Differential cases = compile("GenericInterfaces",
        "  public interface Echo<T> { @Coroutine T echo(T t); }",
        "  public static class Up implements Echo<String> { @Coroutine public String echo(String s) { return y(s.toUpperCase()); } }",
        "  public static class Same<T> implements Echo<T> { @Coroutine public T echo(T t) { return y(t); } }",
        "  @Coroutine public static String run() {",
        "    Echo<String> a = new Up(); Echo<String> b = new Same<>();",
        "    return a.echo(\"a\") + b.echo(\"b\");",
        "  }");
    assertEquals("Ab", cases.assertSame(true, "run").result);
  }

  @Test
  void overloadsVarargsAndANullReceiver() throws Exception {
    Differential cases = compile("Overloads",
        "  public static class Base {",
        "    @Coroutine public String m(int i) { return y(\"int\" + i); }",
        "    @Coroutine public String m(String s) { return y(\"str\" + s); }",
        "    @Coroutine public String all(String... parts) { return y(String.join(\"+\", parts)); }",
        "  }",
        "  public static class Sub extends Base {",
        "    @Coroutine @Override public String m(String s) { return y(\"sub\" + s); }",
        "    @Coroutine @Override public String all(String... parts) { return \"<\" + super.all(parts) + \">\"; }",
        "  }",
        "  @Coroutine public static String run(boolean fail) {",
        "    Base b = new Sub();",
        "    String out = b.m(1) + b.m(\"x\") + b.all(\"p\", \"q\");",
        "    Base none = fail ? null : b;",
        "    return out + none.m(2);",
        "  }");
    assertEquals("int1subx<p+q>int2", cases.assertSame(true, "run", false).result);
    assertEquals("java.lang.NullPointerException", cases.assertSame(true, "run", true).failure);
  }

  @Test
  void defaultMethodInAnInterface() throws Exception {
    Differential cases = compile("Defaults",
        "  public interface Named {",
        "    String name();",
        "    @Coroutine default String hello() { return y(\"hi \" + name()); }",
        "  }",
        "  public interface Polite extends Named {",
        "    @Coroutine @Override default String hello() { return \"dear \" + Named.super.hello(); }",
        "  }",
        "  static class Plain implements Named { public String name() { return \"p\"; } }",
        "  static class Kind implements Polite { public String name() { return \"k\"; } }",
        "  static class Own implements Polite {",
        "    public String name() { return \"o\"; }",
        "    @Coroutine @Override public String hello() { return Polite.super.hello() + y(\"?\"); }",
        "  }",
        "  @Coroutine public static String run() {",
        "    Named[] all = {new Plain(), new Kind(), new Own()};",
        "    String out = \"\";",
        "    for (Named n : all) { out += n.hello() + \";\"; }",
        "    return out;",
        "  }");
    assertEquals("hi p;dear hi k;dear hi o?;", cases.assertSame(true, "run").result);
  }

  /** Implementations the processor never saw run as plain calls: lambdas, method references, proxies (mocks). */
  @Test
  void lambdasMethodReferencesAndProxiesRunAsPlainCalls() throws Exception {
    Differential cases = compile("Plainly",
        "  interface Source { @Coroutine String next(int i); } // package-private: called through setAccessible",
        "  interface Joiner { @Coroutine String join(String... parts); }",
        "  static String twice(int i) { return \"m\" + i + i; }",
        "  @Coroutine public static String run(boolean fail) {",
        "    Source lambda = i -> { log.add(\"lambda\"); return \"l\" + i; };",
        "    Source reference = Plainly::twice;",
        "    Source proxy = (Source) java.lang.reflect.Proxy.newProxyInstance(Source.class.getClassLoader(),",
        "        new Class<?>[] {Source.class}, (p, method, arguments) -> \"p\" + arguments[0]);",
        "    Source failing = i -> { throw new IllegalStateException(\"no \" + i); };",
        "    Joiner joiner = parts -> String.join(\"+\", parts) + parts.length; // varargs: the array passed as it is",
        "    String out = y(lambda.next(1)) + reference.next(2) + proxy.next(3) + joiner.join(\"a\", y(\"b\"));",
        "    return fail ? failing.next(4) : out;",
        "  }");
    assertEquals("l1m22p3a+b2", cases.assertSame(true, "run", false).result);
    assertEquals("java.lang.IllegalStateException", cases.assertSame(true, "run", true).failure);
  }

  @Test
  void greenletFactoriesDispatchOnTheReceiver() throws Exception {
    Differential cases = Differential.compile("Factories", // names generated classes: no plain lint check
        "  public interface Task { @Coroutine String work(); }",
        "  public static class Fast implements Task { @Coroutine public String work() { return y(\"fast\"); } }",
        "  public static class Slow extends Fast { @Coroutine @Override public String work() { return y(\"slow\") + super.work(); } }",
        "  @Coroutine public static String run() {",
        "    Greenlet<String> a = Factories_TaskCoroutines.work(new Fast());",
        "    Greenlet<String> b = Factories_TaskCoroutines.work(new Slow());",
        "    Greenlet<String> c = Factories_FastCoroutines.work(new Slow());",
        "    a.start(); b.start(); c.start();",
        "    return a.get() + b.get() + c.get();",
        "  }");
    assertEquals("fastslowfastslowfast", cases.greenlet(true, "run").result);
  }

  /** Only overridable coroutines pay for dispatch: final classes and methods, enums and statics create their machine directly. */
  @Test
  void nonOverridableCoroutinesCreateTheirMachineDirectly() throws Exception {
    Compilation compilation = CoroutineCompiler.standard().compile(JavaFileObjects.forSourceLines("p.Closed",
        "package p;",
        "import io.gevent4j.Gevent;",
        "import io.gevent4j.annotations.Coroutine;",
        "public class Closed {",
        "  enum Color { RED; @Coroutine String paint() { Gevent.sleep(1); return name(); } }",
        "  static final class Sealed { @Coroutine void f() { Gevent.sleep(1); } }",
        "  static class Open { @Coroutine final void f() { Gevent.sleep(1); } @Coroutine private void g() { Gevent.sleep(1); } }",
        "  @Coroutine static void h() { Gevent.sleep(1); }",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String source = file.getCharContent(true).toString();
      assertFalse(source.contains("CoroutineDispatch"), file.getName() + ":\n" + source);
    }
  }
}
