package io.gevent4j.processor.diagnostic;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.gevent4j.processor.testing.CoroutineCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each unsupported or unsafe coroutine gets its exact error (or warning), at its exact line. */
class BadInputTest {
  /** A source {@code p.Bad} whose class body is {@code members}, after fixed imports (line 6 is the first member). */
  private static JavaFileObject bad(String... members) {
    String[] lines = new String[members.length + 6];
    lines[0] = "package p;";
    lines[1] = "import io.gevent4j.Gevent;";
    lines[2] = "import io.gevent4j.annotations.Coroutine;";
    lines[3] = "import java.util.concurrent.Callable;";
    lines[4] = "public class Bad {";
    System.arraycopy(members, 0, lines, 5, members.length);
    lines[lines.length - 1] = "}";
    return JavaFileObjects.forSourceLines("p.Bad", lines);
  }

  private static void assertError(JavaFileObject source, String message, int line) {
    Compilation compilation = CoroutineCompiler.standard().compile(source);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(line);
  }

  @Test
  void suspensionInLambda() {
    assertError(bad(
            "  @Coroutine static void f() {",
            "    Runnable r = () -> Gevent.sleep(1);",
            "  }"),
        "[CoroutineSuspensionInLambda] @Yielding call to sleep inside a lambda cannot suspend; move it into a @Coroutine method", 7);
  }

  @Test
  void suspensionInAnonymousClass() {
    assertError(bad(
            "  @Coroutine static void f() {",
            "    Runnable r = new Runnable() {",
            "      public void run() { Gevent.sleep(1); }",
            "    };",
            "  }"),
        "[CoroutineSuspensionInClass] @Yielding call to sleep inside an anonymous or local class cannot suspend", 8);
  }

  @Test
  void suspensionInSynchronized() {
    assertError(bad(
            "  @Coroutine static void f() {",
            "    synchronized (Bad.class) {",
            "      Gevent.sleep(1);",
            "    }",
            "  }"),
        "[CoroutineSuspensionInSynchronized] @Yielding call to sleep inside a synchronized block would suspend while holding a monitor", 8);
  }

  @Test
  void privateGenericClass() {
    assertError(bad(
            "  private static class Box<T> { T item; }",
            "  @Coroutine static void f() {",
            "    Gevent.sleep(1);",
            "    Object o = new Box<String>();",
            "  }"),
        "[CoroutinePrivateClassUse] private class Box is held as an Object by the generated BadCoroutines, so it cannot be used as a generic class; make the class package-private", 9);
  }

  @Test
  void arrayOfAPrivateClassCreated() {
    assertError(bad(
            "  private static class Hidden {}",
            "  @Coroutine static void f() {",
            "    Gevent.sleep(1);",
            "    Object[] all = new Hidden[2];",
            "  }"),
        "[CoroutinePrivateClassUse] private class Hidden is held as an Object by the generated BadCoroutines, so it cannot be used as the element type of an array created in a coroutine; make the class package-private", 9);
  }

  @Test
  void privateClassValueAsAnotherType() {
    assertError(bad(
            "  private static class Task implements Runnable { public void run() {} }",
            "  @Coroutine static void f() {",
            "    Gevent.sleep(1);",
            "    Runnable r = new Task();",
            "    r.run();",
            "  }"),
        "[CoroutinePrivateClassUse] private class Task is held as an Object by the generated BadCoroutines, so it cannot be used as a value of Runnable (declare it as Task); make the class package-private", 9);
  }

  @Test
  void privateClassArgumentWhereAGenericTypeIsExpected() {
    assertError(bad(
            "  private static class Task implements Comparable<Task> { public int compareTo(Task o) { return 0; } }",
            "  static <T extends Comparable<T>> T max(T a, T b) { return a.compareTo(b) >= 0 ? a : b; }",
            "  @Coroutine static void f() {",
            "    Gevent.sleep(1);",
            "    Task first = new Task();",
            "    Object m = max(first, new Task());",
            "  }"),
        "[CoroutinePrivateClassUse] private class Task is held as an Object by the generated BadCoroutines, so it cannot be used as an argument of max(), where a generic Comparable is expected; make the class package-private", 11);
  }

  @Test
  void privateClassValueAsALambdasResultOfAnotherType() {
    assertError(bad(
            "  private static class Task implements Runnable { public void run() {} }",
            "  @Coroutine static void f() {",
            "    Gevent.sleep(1);",
            "    java.util.function.Supplier<Runnable> make = () -> new Task();",
            "    make.get().run();",
            "  }"),
        "[CoroutinePrivateClassUse] private class Task is held as an Object by the generated BadCoroutines, so it cannot be used as a value of Runnable (declare it as Task); make the class package-private", 9);
  }

  @Test
  void privateClassAsAnException() {
    assertError(bad(
            "  private static class Failure extends RuntimeException { static final long serialVersionUID = 1; }",
            "  @Coroutine static void f() {",
            "    try {",
            "      Gevent.sleep(1);",
            "    } catch (Failure e) {",
            "      System.out.println(e);",
            "    }",
            "  }"),
        "[CoroutinePrivateClassUse] private class Failure is held as an Object by the generated BadCoroutines, so it cannot be used as an exception; make the class package-private", 10);
  }

  @Test
  void methodReferenceToAPrivateMethod() {
    assertError(bad(
            "  private int secret() { return 1; }",
            "  static Bad make() { return new Bad(); }",
            "  @Coroutine static void f() {",
            "    Gevent.sleep(1);",
            "    java.util.function.IntSupplier s = make()::secret;",
            "  }"),
        "[CoroutinePrivateMethodReference] a method reference to private method Bad.secret() cannot be made from the generated BadCoroutines; write a lambda that calls it instead", 10);
  }

  @Test
  void boundMethodReferenceToAPrivateMethodPassedToACall() {
    assertError(bad(
            "  private int secret() { return 1; }",
            "  static int call(java.util.function.IntSupplier s) { return s.getAsInt(); }",
            "  @Coroutine void f() {",
            "    Gevent.sleep(1);",
            "    call(this::secret);",
            "  }"),
        "[CoroutinePrivateMethodReference] a method reference to private method Bad.secret() cannot be made from the generated BadCoroutines; write a lambda that calls it instead", 10);
  }

  @Test
  void compoundAssignmentOfAPrivateFieldOfAComputedObject() {
    assertError(bad(
            "  private int count;",
            "  static Bad make() { return new Bad(); }",
            "  @Coroutine static void f() {",
            "    Gevent.sleep(1);",
            "    make().count += 2;",
            "  }"),
        "[CoroutinePrivateCompoundTarget] private field Bad.count is read and written through accessors, which would evaluate 'make()' twice; assign it to a local variable first", 10);
  }

  @Test
  void incrementOfAPrivateFieldOfTypeVariableType() {
    assertError(bad(
            "  static class Box<T> { private T item; }",
            "  @Coroutine static void f(Box<Integer> box) {",
            "    Gevent.sleep(1);",
            "    box.item++;",
            "  }"),
        "[CoroutinePrivateGenericStep] private field Box.item has a type variable's type, so its accessor cannot apply '++' to it; write 'x += 1' (or a read and a write) instead", 9);
  }

  @Test
  void superOfAnEnclosingClass() {
    assertError(bad(
            "  @Override public String toString() { return \"bad\"; }",
            "  class Inner {",
            "    @Coroutine String f() {",
            "      Gevent.sleep(1);",
            "      return Bad.super.toString();",
            "    }",
            "  }"),
        "[CoroutineSuperAccess] this use of 'super' cannot be made from a @Coroutine body", 10);
  }

  @Test
  void superMethodReference() {
    assertError(bad(
            "  @Coroutine String f() {",
            "    Gevent.sleep(1);",
            "    java.util.function.Supplier<String> s = super::toString;",
            "    return s.get();",
            "  }"),
        "[CoroutineSuperAccess] this use of 'super' cannot be made from a @Coroutine body", 8);
  }

  @Test
  void coroutineInPrivateClass() {
    assertError(bad(
            "  private static class Hidden {",
            "    @Coroutine static void f() { Gevent.sleep(1); }",
            "  }"),
        "[CoroutinePrivateClassCoroutine] @Coroutine methods cannot be declared in private class p.Bad.Hidden", 7);
  }

  @Test
  void blockingCallIsAWarningNamingTheReplacement() {
    JavaFileObject source = bad(
        "  @Coroutine static void f() throws InterruptedException {",
        "    Thread.sleep(10);",
        "  }");
    Compilation compilation = CoroutineCompiler.standard().compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[CoroutineBlockingCall] Thread.sleep(long) blocks the hub's thread and every greenlet on it; call Gevent.sleep(long) instead")
        .inFile(source).onLine(7);
  }

  @Test
  void blockingCallWarningCanBeSuppressed() {
    Compilation compilation = CoroutineCompiler.standard().compile(bad(
        "  @SuppressWarnings(\"gevent4j:blocking\")",
        "  @Coroutine static void f() throws InterruptedException {",
        "    Thread.sleep(10);",
        "  }"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void monkeyPatchedBlockingCallCompilesWithoutWarning() {
    Compilation compilation = CoroutineCompiler.withOptions("-Agevent4j.monkeyPatch=true").compile(bad(
        "  @Coroutine static void f() throws InterruptedException {",
        "    Thread.sleep(10);",
        "  }"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aBadMethodDoesNotCauseErrorsInItsCallers() {
    JavaFileObject caller = JavaFileObjects.forSourceLines("p.Caller",
        "package p;",
        "class Caller {",
        "  io.gevent4j.Greenlet<Void> g = BadCoroutines.f();",
        "}");
    JavaFileObject source = bad(
        "  @Coroutine static void f() {",
        "    Runnable r = () -> Gevent.sleep(1);",
        "  }");
    Compilation compilation = CoroutineCompiler.standard().compile(source, caller);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void nativeCoroutine() {
    assertError(bad(
            "  @Coroutine",
            "  native void f();"),
        "[CoroutineAbstractCoroutine] @Coroutine method f is native and has no body to compile", 7);
  }

  @Test
  void synchronizedCoroutine() {
    assertError(bad(
            "  @Coroutine",
            "  synchronized void f() { Gevent.sleep(1); }"),
        "[CoroutineSynchronizedCoroutine] @Coroutine method f is synchronized, but a coroutine cannot hold a monitor across suspension points", 7);
  }

  @Test
  void coroutineInALocalClass() {
    assertError(bad(
            "  void m() {",
            "    class Local {",
            "      @Coroutine void f() { Gevent.sleep(1); }",
            "    }",
            "  }"),
        "[CoroutineLocalClassCoroutine] @Coroutine methods must be declared in a top-level or static nested class, not in local class Local", 8);
  }

  @Test
  void coroutineInAnAnonymousClass() {
    assertError(bad(
            "  Object o = new Object() {",
            "    @Coroutine void f() { Gevent.sleep(1); }",
            "  };"),
        "[CoroutineLocalClassCoroutine] @Coroutine methods must be declared in a top-level or static nested class, not in an anonymous class", 7);
  }

  @Test
  void coroutineOnAConstructorIsRejectedByJavac() {
    assertError(bad(
            "  @Coroutine",
            "  Bad() {}"),
        "not applicable to this kind of declaration", 6);
  }

  @Test
  void privateClassAsATypeParameterBound() {
    assertError(bad(
            "  private static class Hidden {}",
            "  @Coroutine static <T extends Hidden> void f(T t) {",
            "    Gevent.sleep(1);",
            "  }"),
        "[CoroutinePrivateAccess] class Hidden is private, so the generated BadCoroutines cannot use it; make it package-private", 7);
  }

  @Test
  void patternOfAPrivateClass() {
    assertError(bad(
            "  private static class Hidden { int x; }",
            "  @Coroutine static int f(Object o) {",
            "    Gevent.sleep(1);",
            "    return o instanceof Hidden h ? h.x : 0;",
            "  }"),
        "[CoroutinePrivateClassUse] private class Hidden is held as an Object by the generated BadCoroutines, so it cannot be used in a pattern (test with instanceof, then cast); make the class package-private", 9);
  }

  @Test
  void suspensionInALocalRecordsMethod() {
    assertError(bad(
            "  @Coroutine static int f() {",
            "    record R(int a) { int get() { Gevent.sleep(1); return a; } }",
            "    return new R(1).a();",
            "  }"),
        "[CoroutineSuspensionInClass] @Yielding call to sleep inside an anonymous or local class cannot suspend", 7);
  }

  @Test
  void anonymousSubclassOfAPrivateConstructor() {
    assertError(bad(
            "  private Bad(int x) {}",
            "  Bad() {}",
            "  @Coroutine static Object f() {",
            "    Gevent.sleep(1);",
            "    return new Bad(1) {};",
            "  }"),
        "[CoroutinePrivateAccess] constructor Bad(...) is private", 10);
  }

  @Test
  void privateTypeInTheSignature() {
    assertError(bad(
            "  private static class Hidden {}",
            "  @Coroutine void f(java.util.List<Hidden> hidden) {",
            "    Gevent.sleep(1);",
            "  }"),
        "[CoroutinePrivateAccess] class Hidden is private, so the generated BadCoroutines cannot use it", 7);
  }

  @Test
  void superFieldAccess() {
    assertError(JavaFileObjects.forSourceLines("p.Bad",
            "package p;",
            "import io.gevent4j.Gevent;",
            "import io.gevent4j.annotations.Coroutine;",
            "class Base { int x; }",
            "public class Bad extends Base {",
            "  @Coroutine int f() {",
            "    Gevent.sleep(1);",
            "    return super.x;",
            "  }",
            "}"),
        "[CoroutineSuperAccess]", 8);
  }

  @Test
  void protectedMemberOfAnotherPackage() {
    JavaFileObject base = JavaFileObjects.forSourceLines("q.Base",
        "package q;",
        "public class Base {",
        "  protected int secret() { return 1; }",
        "}");
    JavaFileObject bad = JavaFileObjects.forSourceLines("p.Bad",
        "package p;",
        "import io.gevent4j.Gevent;",
        "import io.gevent4j.annotations.Coroutine;",
        "public class Bad extends q.Base {",
        "  @Coroutine int f() {",
        "    Gevent.sleep(1);",
        "    return secret();",
        "  }",
        "}");
    Compilation compilation = CoroutineCompiler.standard().compile(base, bad);
    assertThat(compilation).hadErrorContaining(
            "[CoroutineProtectedAccess] method Base.secret() is protected and declared in another package, so the generated BadCoroutines cannot use it")
        .inFile(bad).onLine(7);
  }

  @Test
  void coroutineOverridingACoroutineIsDispatched() {
    Compilation compilation = CoroutineCompiler.standard().compile(JavaFileObjects.forSourceLines("p.Good",
        "package p;",
        "import io.gevent4j.Gevent;",
        "import io.gevent4j.annotations.Coroutine;",
        "abstract class Base { @Coroutine abstract void run(); @Coroutine void walk() { Gevent.sleep(1); } }",
        "interface Service { @Coroutine void serve(); }",
        "public class Good extends Base implements Service {",
        "  @Coroutine @Override void run() { Gevent.sleep(2); }",
        "  @Coroutine @Override void walk() { super.walk(); }",
        "  @Coroutine @Override public void serve() { run(); }",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void plainMethodOverridingACoroutine() {
    assertError(JavaFileObjects.forSourceLines("p.Bad",
            "package p;",
            "import io.gevent4j.Gevent;",
            "import io.gevent4j.annotations.Coroutine;",
            "class Base { @Coroutine void run() { Gevent.sleep(1); } }",
            "public class Bad extends Base {",
            "  @Override void run() {}",
            "}"),
        "[CoroutineOverridden] Bad.run overrides @Coroutine method Base.run but is not a @Coroutine, so coroutines calling"
            + " Base.run would run it as plain code, which cannot suspend; annotate it with @Coroutine", 6);
  }

  @Test
  void plainMethodInheritedAsTheImplementationOfACoroutine() {
    assertError(JavaFileObjects.forSourceLines("p.Bad",
            "package p;",
            "import io.gevent4j.annotations.Coroutine;",
            "interface Service { @Coroutine void serve(); }",
            "class Plain { public void serve() {} }",
            "public class Bad extends Plain implements Service {",
            "}"),
        "[CoroutineOverridden] Plain.serve overrides @Coroutine method Service.serve but is not a @Coroutine, so coroutines"
            + " calling Service.serve would run it as plain code, which cannot suspend; annotate Plain.serve with @Coroutine,"
            + " or override it in Bad with a @Coroutine", 5);
  }

  @Test
  void coroutineImplementingAPlainInterfaceMethod() {
    assertError(bad(
            "  static class Task implements Runnable {",
            "    @Coroutine @Override public void run() { Gevent.sleep(1); }",
            "  }"),
        "[CoroutineOverridesPlain] @Coroutine method Task.run overrides plain method Runnable.run, so a call through"
            + " Runnable.run would run it as plain code, which cannot suspend; give the coroutine another name"
            + " (and keep a plain run for the callers of Runnable.run)", 7);
  }

  @Test
  void inheritedCoroutineImplementingAPlainInterfaceMethod() {
    assertError(bad(
            "  static class Base { @Coroutine public void run() { Gevent.sleep(1); } }",
            "  static class Task extends Base implements Runnable {",
            "  }"),
        "[CoroutineOverridesPlain] @Coroutine method Base.run overrides plain method Runnable.run", 7);
  }

  @Test
  void coroutineCloseOfAnAutoCloseable() {
    assertError(bad(
            "  static class Connection implements AutoCloseable {",
            "    @Coroutine @Override public void close() { Gevent.sleep(1); }",
            "  }"),
        "[CoroutineOverridesPlain] @Coroutine method Connection.close overrides plain method AutoCloseable.close, so a call"
            + " through AutoCloseable.close (try-with-resources calls close() this way) would run it as plain code", 7);
  }

  @Test
  void coroutineOverridingAPlainMethodOfItsSuperclass() {
    assertError(bad(
            "  static class Base { String describe() { return \"b\"; } }",
            "  static class Sub extends Base {",
            "    @Coroutine @Override String describe() { Gevent.sleep(1); return \"s\"; }",
            "  }"),
        "[CoroutineOverridesPlain] @Coroutine method Sub.describe overrides plain method Base.describe", 8);
  }

  @Test
  void superCallOfACoroutineInsideALambda() {
    assertError(bad(
            "  static class Base { @Coroutine void walk() { Gevent.sleep(1); } }",
            "  static class Sub extends Base {",
            "    @Coroutine @Override void walk() {",
            "      Runnable r = () -> super.walk();",
            "      r.run();",
            "    }",
            "  }"),
        "[CoroutineSuperAccess] this use of 'super' cannot be made from a @Coroutine body", 9);
  }

  @Test
  void yieldingAndCoroutineAtOnce() {
    assertError(bad(
            "  @Coroutine @io.gevent4j.annotations.Yielding",
            "  static void f() { Gevent.sleep(1); }"),
        "[CoroutineYieldingAndCoroutine] Bad.f is both @Yielding and @Coroutine", 7);
  }

  @Test
  void yieldingPrimitiveUsingTheAwaitResult() {
    assertError(bad(
            "  @io.gevent4j.annotations.Yielding",
            "  static int f() {",
            "    io.gevent4j.Waiter<Integer> waiter = new io.gevent4j.Waiter<>();",
            "    int value = waiter.await();",
            "    return value + 1;",
            "  }"),
        "[CoroutineYieldingShape] @Yielding method Bad.f uses the result of Waiter.await(); inside a coroutine that call returns a placeholder", 9);
  }

  @Test
  void yieldingPrimitiveWithCodeAfterAwait() {
    assertError(bad(
            "  @io.gevent4j.annotations.Yielding",
            "  static void f() {",
            "    Gevent.sleep(5);",
            "    System.out.println(\"after\");",
            "  }"),
        "[CoroutineYieldingShape] @Yielding method Bad.f uses the result of Gevent.sleep()", 8);
  }

  @Test
  void plainHelperThatSuspendsIndirectly() {
    assertError(bad(
            "  static void helper() { Gevent.sleep(5); }",
            "  @Coroutine static void f() {",
            "    helper();",
            "  }"),
        "[CoroutineIndirectSuspension] Bad.helper is not a @Coroutine but calls Gevent.sleep (line 6), which may suspend; called from a coroutine it would fail at run time. Annotate Bad.helper with @Coroutine", 8);
  }

  @Test
  void plainHelperThatSuspendsThroughASecondHelper() {
    assertError(bad(
            "  static void inner() { Gevent.sleep(5); }",
            "  static void outer() { inner(); }",
            "  @Coroutine static void f() {",
            "    outer();",
            "  }"),
        "[CoroutineIndirectSuspension] Bad.outer is not a @Coroutine but calls Bad.inner (line 7), which may suspend", 9);
  }

  @Test
  void constructorThatSuspends() {
    assertError(bad(
            "  static class Conn { Conn() { Gevent.sleep(5); } }",
            "  @Coroutine static void f() {",
            "    new Conn();",
            "  }"),
        "[CoroutineSuspendingConstructor] the constructor of Conn calls Gevent.sleep (line 6), which may suspend", 8);
  }

  @Test
  void methodReferenceToASuspendingMethod() {
    assertError(bad(
            "  @Coroutine static void f() {",
            "    java.util.function.LongConsumer later = Gevent::sleep;",
            "    later.accept(1);",
            "  }"),
        "[CoroutineSuspensionInMethodReference] method reference to Gevent::sleep cannot suspend", 7);
  }

  @Test
  void suspensionInALocalClassDeclaredInTheBody() {
    assertError(bad(
            "  @Coroutine static void f() {",
            "    class Local { void run() { Gevent.sleep(1); } }",
            "    new Local().run();",
            "  }"),
        "[CoroutineSuspensionInClass] @Yielding call to sleep inside an anonymous or local class cannot suspend", 7);
  }

  @Test
  void blockingCallWarningSuppressedOnTheClass() {
    Compilation compilation = CoroutineCompiler.standard().compile(JavaFileObjects.forSourceLines("p.Quiet",
        "package p;",
        "import io.gevent4j.annotations.Coroutine;",
        "@SuppressWarnings(\"gevent4j:blocking\")",
        "public class Quiet {",
        "  @Coroutine static void f() throws InterruptedException { Thread.sleep(1); }",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void patchedSleepInsideALambdaStaysBlockingAndWarns() {
    JavaFileObject source = bad(
        "  @io.gevent4j.annotations.MonkeyPatch",
        "  @Coroutine static void f() {",
        "    Runnable r = () -> { try { Thread.sleep(1); } catch (InterruptedException e) { } };",
        "    r.run();",
        "  }");
    Compilation compilation = CoroutineCompiler.standard().compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[CoroutineBlockingCallInLambda] Thread.sleep(long) blocks the hub's thread and every greenlet on it; inside a lambda, method reference or class it runs as plain code, so patching cannot make it cooperative").inFile(source).onLine(8);
    assertThat(compilation).hadWarningCount(1);
  }

}
