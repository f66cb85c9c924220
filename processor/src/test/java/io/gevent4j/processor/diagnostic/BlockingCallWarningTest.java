package io.gevent4j.processor.diagnostic;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.gevent4j.processor.testing.CoroutineCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every blocking JDK call that monkey patching rewrites: without patching it is a
 * {@code [CoroutineBlockingCall]} warning at its line naming the call and its replacement; with
 * patching it compiles without a warning (the generated call of the replacement compiles). Calls
 * through subtypes (a {@code CompletableFuture}'s {@code get}, {@code submit(...).get()}) count.
 */
class BlockingCallWarningTest {
  private static JavaFileObject source(String statement) {
    return JavaFileObjects.forSourceLines("p.Warned",
        "package p;",
        "import io.gevent4j.annotations.Coroutine;",
        "import java.util.concurrent.*;",
        "public class Warned {",
        "  @Coroutine static Object f(Future<String> future, CompletableFuture<String> cf, CountDownLatch latch, TimeUnit unit) throws Exception {",
        "    " + statement + ";",
        "    return null;",
        "  }",
        "}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "Thread.sleep(10)                        | Thread.sleep(long)                                             | Gevent.sleep(long)",
    "Thread.sleep(10, 5)                     | Thread.sleep(long,int)                                         | Gevent.sleep(long)",
    "Thread.yield()                          | Thread.yield()                                                 | Gevent.sleep(0)",
    "TimeUnit.SECONDS.sleep(1)               | TimeUnit.sleep(long)                                           | io.gevent4j.monkey.PatchedTimeUnit.sleep(unit, timeout)",
    "unit.sleep(1)                           | TimeUnit.sleep(long)                                           | io.gevent4j.monkey.PatchedTimeUnit.sleep(unit, timeout)",
    "future.get()                            | Future.get()                                                   | io.gevent4j.monkey.PatchedFuture.get(future)",
    "future.get(1, unit)                     | Future.get(long,java.util.concurrent.TimeUnit)                 | io.gevent4j.monkey.PatchedFuture.get(future, timeout, unit)",
    "cf.get()                                | CompletableFuture.get()                                        | io.gevent4j.monkey.PatchedFuture.get(future)",
    "cf.get(1, TimeUnit.SECONDS)             | CompletableFuture.get(long,java.util.concurrent.TimeUnit)      | io.gevent4j.monkey.PatchedFuture.get(future, timeout, unit)",
    "new FutureTask<String>(() -> \"x\").get() | FutureTask.get()                                             | io.gevent4j.monkey.PatchedFuture.get(future)",
    "Executors.newSingleThreadExecutor().submit(() -> 1).get() | Future.get()                               | io.gevent4j.monkey.PatchedFuture.get(future)",
    "cf.join()                               | CompletableFuture.join()                                       | io.gevent4j.monkey.PatchedCompletableFuture.join(future)",
    "cf.thenApply(s -> s).join()             | CompletableFuture.join()                                       | io.gevent4j.monkey.PatchedCompletableFuture.join(future)",
    "latch.await()                           | CountDownLatch.await()                                         | io.gevent4j.monkey.PatchedCountDownLatch.await(latch)",
    "latch.await(1, unit)                    | CountDownLatch.await(long,java.util.concurrent.TimeUnit)       | io.gevent4j.monkey.PatchedCountDownLatch.await(latch, timeout, unit)",
  })
  void warnedWithoutPatchingAndCompiledWithIt(String statement, String call, String replacement) {
    JavaFileObject source = source(statement);
    Compilation plain = CoroutineCompiler.standard().compile(source);
    assertThat(plain).succeeded();
    assertThat(plain).hadWarningCount(1);
    assertThat(plain)
        .hadWarningContaining("[CoroutineBlockingCall] " + call + " blocks the hub's thread and every greenlet on it; call "
            + replacement + " instead, or enable compile-time monkey patching with @MonkeyPatch or -Agevent4j.monkeyPatch=true")
        .inFile(source).onLine(6);

    Compilation patched = CoroutineCompiler.withOptions("-Agevent4j.monkeyPatch=true").compile(source);
    assertThat(patched).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "latch.getCount()", "cf.getNow(null)", "cf.complete(\"x\")", "java.util.Optional.of(1).get()",
    "new java.util.concurrent.atomic.AtomicInteger().get()", "future.isDone()", "unit.toMillis(1)",
    "java.util.Collections.singletonList(1).get(0)",
  })
  void lookAlikesAreNotBlocking(String statement) {
    assertThat(CoroutineCompiler.standard().compile(source(statement))).succeededWithoutWarnings();
  }
}
