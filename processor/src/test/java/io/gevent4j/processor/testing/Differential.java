package io.gevent4j.processor.testing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.gevent4j.Clock;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a coroutine both ways, directly as plain Java and as a greenlet beside a ticking greenlet,
 * and compares the traces, results and exceptions; it also proves the greenlet really suspended
 * (the ticker ran while it was alive).
 *
 * <p>The compiled class must declare {@code public static List<String> log}, and
 * {@code public static int ticks} and {@code public static boolean stop} driven by a
 * {@code @Coroutine static void ticker()} that increments {@code ticks} and yields until
 * {@code stop}. {@link #PRELUDE} declares all of it plus a primitive {@code y(v)}: log, yield,
 * return {@code v}.
 */
public final class Differential {
  /** Members to paste into the class under test. */
  public static final String PRELUDE = String.join("\n",
      "  public static java.util.List<String> log = new java.util.ArrayList<>();",
      "  public static int ticks;",
      "  public static boolean stop;",
      "  @io.gevent4j.annotations.Coroutine public static void ticker() {",
      "    while (!stop) { ticks++; io.gevent4j.Gevent.sleep(0); }",
      "  }",
      "  @io.gevent4j.annotations.Yielding public static <T> T y(T value) {",
      "    log.add(\"y(\" + value + \")\");",
      "    io.gevent4j.Waiter<T> waiter = new io.gevent4j.Waiter<>();",
      "    io.gevent4j.Hub.current().post(() -> waiter.resume(value));",
      "    return waiter.await();",
      "  }",
      "  static <T> T t(String step, T value) { log.add(step); return value; }");

  private final ClassLoader loader;
  private final String className;

  private Differential(ClassLoader loader, String className) {
    this.loader = loader;
    this.className = className;
  }

  /** Compiles {@code p.<simpleName>} whose body is {@link #PRELUDE} plus {@code members}. */
  public static Differential compile(String simpleName, String... members) {
    Compilation compilation = CoroutineCompiler.standard().compile("p." + simpleName, source(simpleName, members).split("\n", -1));
    assertThat(compilation).succeeded();
    return new Differential(CoroutineCompiler.load(compilation), "p." + simpleName);
  }

  /**
   * Asserts the source {@link #compile} builds is warning-free under {@code -Xlint:all -Werror}
   * without the processor (so the check is fair), then with it and its generated code: at the
   * running JDK's level and at release 8 ({@code -options}: "8 is obsolete").
   */
  public static void assertLintClean(String simpleName, String... members) {
    String[] lines = source(simpleName, members).split("\n", -1);
    for (List<String> options : java.util.Arrays.asList(java.util.Arrays.asList("-Xlint:all", "-Werror"),
        java.util.Arrays.asList("--release", "8", "-Xlint:all,-options", "-Werror"))) {
      Compilation plain = com.google.testing.compile.Compiler.javac().withOptions(options)
          .compile(com.google.testing.compile.JavaFileObjects.forSourceLines("p." + simpleName, lines));
      assertThat(plain).succeededWithoutWarnings();
      Compilation processed = com.google.testing.compile.Compiler.javac().withProcessors(CoroutineCompiler.processors())
          .withOptions(options).compile(com.google.testing.compile.JavaFileObjects.forSourceLines("p." + simpleName, lines));
      assertThat(processed).succeededWithoutWarnings();
    }
  }

  private static String source(String simpleName, String... members) {
    return "package p;\nimport io.gevent4j.*;\nimport io.gevent4j.annotations.*;\nimport java.util.*;\n"
        + "public class " + simpleName + " {\n" + PRELUDE + "\n" + String.join("\n", members) + "\n}\n";
  }

  /** The class loader of the compiled classes. */
  public ClassLoader loader() {
    return loader;
  }

  /** What one run produced. */
  public static final class Outcome {
    public final List<String> log;
    public final Object result;
    /** The exception's class name (messages may name variables, which lowering renames). */
    public final String failure;
    public final String failureMessage;

    Outcome(List<String> log, Object result, Throwable failure) {
      this.log = log;
      this.result = result;
      this.failure = failure == null ? null : failure.getClass().getName();
      this.failureMessage = failure == null ? null : failure.getMessage();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Outcome && log.equals(((Outcome) other).log)
          && Objects.equals(String.valueOf(result), String.valueOf(((Outcome) other).result))
          && Objects.equals(failure, ((Outcome) other).failure);
    }

    @Override
    public int hashCode() {
      return log.hashCode();
    }

    @Override
    public String toString() {
      return "log=" + log + " result=" + result + " failure=" + failure;
    }
  }

  /**
   * Runs static coroutine {@code method} both ways and asserts identical outcomes; returns the
   * direct one. When {@code mustSuspend}, also asserts the greenlet let the ticker run.
   */
  public Outcome assertSame(boolean mustSuspend, String method, Object... arguments) throws Exception {
    Outcome direct = direct(method, arguments);
    Outcome greenlet = greenlet(mustSuspend, method, arguments);
    assertEquals(direct, greenlet, "direct vs greenlet for " + method);
    return direct;
  }

  /** Runs the original body directly. */
  public Outcome direct(String method, Object... arguments) throws Exception {
    Hub.install(Clock.virtual()).setErrorStream(null);
    Class<?> type = loader.loadClass(className);
    List<String> log = freshLog(type);
    try {
      return new Outcome(log, find(type, method).invoke(null, arguments), null);
    } catch (InvocationTargetException e) {
      return new Outcome(log, null, e.getCause());
    }
  }

  /** Runs the generated state machine as a greenlet, with a ticker beside it. */
  public Outcome greenlet(boolean mustSuspend, String method, Object... arguments) throws Exception {
    Hub.install(Clock.virtual()).setErrorStream(null);
    Class<?> type = loader.loadClass(className);
    List<String> log = freshLog(type);
    type.getField("ticks").setInt(null, 0);
    type.getField("stop").setBoolean(null, false);
    Class<?> generated = loader.loadClass(className + "Coroutines");
    Greenlet<?> ticker = (Greenlet<?>) find(generated, "ticker").invoke(null);
    Greenlet<?> greenlet = (Greenlet<?>) find(generated, method).invoke(null, arguments);
    greenlet.start();
    ticker.start();
    greenlet.join();
    type.getField("stop").setBoolean(null, true);
    ticker.join();
    if (mustSuspend) {
      assertTrue(type.getField("ticks").getInt(null) > 0, method + " never suspended");
    }
    assertTrue(Hub.current().isEmpty(), "hub not empty after " + method);
    return new Outcome(log, greenlet.value(), greenlet.exception());
  }

  @SuppressWarnings("unchecked")
  private static List<String> freshLog(Class<?> type) throws ReflectiveOperationException {
    List<String> log = new ArrayList<>();
    type.getField("log").set(null, log);
    return log;
  }

  private static Method find(Class<?> type, String name) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new AssertionError("no method " + name + " in " + type);
  }
}
