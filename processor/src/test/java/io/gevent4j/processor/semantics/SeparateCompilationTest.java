package io.gevent4j.processor.semantics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.gevent4j.Clock;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.UntransformedCallException;
import io.gevent4j.processor.testing.CoroutineCompiler;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coroutine calls implementations compiled after it, in another package and class loader (as
 * from another jar): the base is compiled first, the implementations against its class files.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SeparateCompilationTest {
  private static ClassLoader base;
  private static List<java.io.File> classPath;

  @BeforeAll
  static void compileTheBase(@TempDir Path directory) throws Exception {
    Compilation compilation = CoroutineCompiler.standard().compile(JavaFileObjects.forSourceLines("q.Service",
        "package q;",
        "import io.gevent4j.Gevent;",
        "import io.gevent4j.annotations.Coroutine;",
        "public abstract class Service {",
        "  @Coroutine public abstract String name(int i);",
        "  @Coroutine public String twice(int i) { Gevent.sleep(0); return name(i) + name(i + 1); }",
        "  @Coroutine protected String wrap(String s) { Gevent.sleep(0); return \"[\" + s + \"]\"; }",
        "  @Coroutine public static String run(Service service) { return service.twice(1); }",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    base = CoroutineCompiler.load(compilation);
    classPath = CoroutineCompiler.classPathWith(compilation, directory);
  }

  private static Object run(ClassLoader implementation, String className) throws Exception {
    Hub.install(Clock.virtual()).setErrorStream(null);
    Object service = implementation.loadClass(className).getConstructor().newInstance();
    Class<?> type = base.loadClass("q.Service");
    Greenlet<?> greenlet = (Greenlet<?>) base.loadClass("q.ServiceCoroutines").getMethod("run", type).invoke(null, service);
    greenlet.start();
    greenlet.join();
    return greenlet.exception() != null ? greenlet.exception() : greenlet.value();
  }

  @Test
  void anImplementationCompiledLaterInAnotherPackageRuns() throws Exception {
    Compilation compilation = Compiler.javac().withProcessors(CoroutineCompiler.processors()).withClasspath(classPath)
        .compile(JavaFileObjects.forSourceLines("p.Impl",
            "package p;",
            "import io.gevent4j.Gevent;",
            "import io.gevent4j.annotations.Coroutine;",
            "public class Impl extends q.Service {",
            "  @Coroutine @Override public String name(int i) { Gevent.sleep(0); return \"impl\" + i; }",
            "  private int calls;",
            "  @Coroutine @Override public String twice(int i) { calls++; return wrap(super.twice(i)) + calls; }",
            "  @Coroutine @Override protected String wrap(String s) { return super.wrap(s).toUpperCase(); }",
            "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals("[IMPL1IMPL2]1", run(CoroutineCompiler.load(compilation, base), "p.Impl"));
  }

  @Test
  void aPlainOverrideCompiledWithoutTheProcessorRunsAsAPlainCall() throws Exception {
    Compilation compilation = Compiler.javac().withClasspath(classPath)
        .compile(JavaFileObjects.forSourceLines("r.Plain",
            "package r;",
            "public class Plain extends q.Service {",
            "  @Override public String name(int i) { return \"plain\" + i; }",
            "}"));
    assertThat(compilation).succeeded();
    assertEquals("plain1plain2", run(CoroutineCompiler.load(compilation, base), "r.Plain"));
  }

  @Test
  void aPlainOverrideThatWouldSuspendFailsNamingItself() throws Exception {
    Compilation compilation = Compiler.javac().withClasspath(classPath)
        .compile(JavaFileObjects.forSourceLines("r.Sleepy",
            "package r;",
            "public class Sleepy extends q.Service {",
            "  @Override public String name(int i) { io.gevent4j.Gevent.sleep(1); return \"sleepy\"; }",
            "}"));
    assertThat(compilation).succeeded();
    Object failure = run(CoroutineCompiler.load(compilation, base), "r.Sleepy");
    assertTrue(failure instanceof UntransformedCallException, String.valueOf(failure));
    assertTrue(((Throwable) failure).getMessage().contains("from r.Sleepy.name"), ((Throwable) failure).getMessage());
  }
}
