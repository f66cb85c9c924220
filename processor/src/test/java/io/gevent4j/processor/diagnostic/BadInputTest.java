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
  void suspensionInsideAssert() {
    assertError(bad(
            "  @Coroutine static boolean ok() { Gevent.sleep(0); return true; }",
            "  @Coroutine static void f() {",
            "    assert ok();",
            "  }"),
        "[CoroutineSuspensionStatement] a suspension point inside this assert statement is not supported yet", 8);
  }

  @Test
  void abstractCoroutine() {
    assertError(JavaFileObjects.forSourceLines("p.Bad",
            "package p;",
            "import io.gevent4j.annotations.Coroutine;",
            "public abstract class Bad {",
            "  @Coroutine",
            "  abstract void f();",
            "}"),
        "[CoroutineAbstractCoroutine] @Coroutine method f is abstract and has no body to compile", 5);
  }

  @Test
  void privateFieldAccess() {
    assertError(bad(
            "  private static int secret;",
            "  @Coroutine static void f() {",
            "    Gevent.sleep(secret);",
            "  }"),
        "[CoroutinePrivateAccess] field Bad.secret is private, so the generated BadCoroutines cannot use it; make it package-private", 8);
  }

  @Test
  void privateMethodAccess() {
    assertError(bad(
            "  private static int secret() { return 1; }",
            "  @Coroutine static void f() {",
            "    Gevent.sleep(secret());",
            "  }"),
        "[CoroutinePrivateAccess] method Bad.secret() is private", 8);
  }

  @Test
  void superAccess() {
    assertError(bad(
            "  @Coroutine String f() {",
            "    Gevent.sleep(1);",
            "    return super.toString();",
            "  }"),
        "[CoroutineSuperAccess] 'super' cannot be used in a @Coroutine body", 8);
  }

  @Test
  void instanceCoroutineInInnerClass() {
    assertError(bad(
            "  class Inner {",
            "    @Coroutine void f() { Gevent.sleep(1); }",
            "  }"),
        "[CoroutineInnerClassCoroutine] @Coroutine instance methods are not supported in inner (non-static) class p.Bad.Inner; make the class static", 7);
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
  void anonymousClassInBody() {
    assertError(bad(
            "  @Coroutine static void f() throws Exception {",
            "    Callable<Integer> c = new Callable<Integer>() { public Integer call() { return 1; } };",
            "    Gevent.sleep(c.call());",
            "  }"),
        "[CoroutineUnsupportedConstruct] an anonymous class is not supported in a @Coroutine body yet", 7);
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
}
