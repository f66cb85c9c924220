package io.gevent4j.processor.semantics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.gevent4j.Clock;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.UntransformedCallException;
import io.gevent4j.processor.testing.CoroutineCompiler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles coroutines, runs the generated state machines on a hub and compares them with the
 * original bodies run directly.
 */
class EndToEndTest {
  private static final String[] SOURCE = {
    "package p;",
    "import io.gevent4j.Gevent;",
    "import io.gevent4j.annotations.Coroutine;",
    "import java.util.List;",
    "public class Demo {",
    "  public static List<String> log;",
    "  public int base = 10;",
    "  @Coroutine public static int depth(int n) {",
    "    if (n == 0) return 0;",
    "    int below = depth(n - 1);",
    "    return below + 1;",
    "  }",
    "  @Coroutine public static void worker(String name, int rounds) {",
    "    for (int i = 0; i < rounds; i++) {",
    "      log.add(name + i);",
    "      Gevent.sleep(0);",
    "    }",
    "  }",
    "  @Coroutine public static int loops(int n) {",
    "    int total = 0;",
    "    outer:",
    "    for (int i = 0; i < n; i++) {",
    "      int j = 0;",
    "      while (true) {",
    "        Gevent.sleep(1);",
    "        j++;",
    "        if (j > i) continue outer;",
    "        if (i * j > 6) break outer;",
    "        total += i * j;",
    "      }",
    "    }",
    "    do {",
    "      total = twice(total);",
    "    } while (total < 1000);",
    "    for (int x : new int[] {1, 2, 3}) {",
    "      total += x;",
    "      Gevent.sleep(0);",
    "    }",
    "    return total;",
    "  }",
    "  @Coroutine public static int twice(int x) {",
    "    Gevent.sleep(0);",
    "    return x * 2;",
    "  }",
    "  @Coroutine public int withField(int x) {",
    "    int y = twice(x);",
    "    base += y;",
    "    return base;",
    "  }",
    "  @Coroutine public static long tree(int depth) {",
    "    if (depth == 0) return 1;",
    "    io.gevent4j.Greenlet<Long> left = Gevent.spawn(DemoCoroutines.tree(depth - 1));",
    "    io.gevent4j.Greenlet<Long> right = Gevent.spawn(DemoCoroutines.tree(depth - 1));",
    "    return left.get() + right.get();",
    "  }",
    "  @Coroutine public static void callsHelper() {",
    "    helper();",
    "  }",
    "  static void helper() {",
    "    Runnable later = () -> Gevent.sleep(5);",
    "    later.run();",
    "  }",
    "}",
  };

  private ClassLoader loader;

  @BeforeEach
  void compile() {
    Hub.install(Clock.virtual()).setErrorStream(null);
    Compilation compilation = CoroutineCompiler.standard().compile("p.Demo", SOURCE);
    assertThat(compilation).succeededWithoutWarnings();
    loader = CoroutineCompiler.load(compilation);
  }

  @Test
  void hundredThousandDeepRecursionRunsOnTheHeap() throws Exception {
    Greenlet<?> greenlet = greenlet("depth", 100_000);
    assertEquals(100_000, greenlet.start().get());
  }

  @Test
  void aCoroutineSpawningItsOwnKindThroughItsGeneratedClass() throws Exception {
    assertEquals(1024L, greenlet("tree", 10).start().get());
  }

  @Test
  void workersInterleaveRoundRobin() throws Exception {
    List<String> log = new ArrayList<>();
    loader.loadClass("p.Demo").getField("log").set(null, log);
    Greenlet<?> a = greenlet("worker", "a", 3);
    Greenlet<?> b = greenlet("worker", "b", 3);
    a.start();
    b.start();
    b.join();
    assertEquals(Arrays.asList("a0", "b0", "a1", "b1", "a2", "b2"), log);
    assertEquals("<Greenlet at 0x" + Integer.toHexString(System.identityHashCode(a)) + ": worker('a', 3)>", a.toString());
  }

  @Test
  void loopsMatchTheDirectCall() throws Exception {
    Object direct = invokeDirect("loops", 5);
    assertEquals(direct, greenlet("loops", 5).start().get());
  }

  @Test
  void instanceCoroutineReadsAndWritesFields() throws Exception {
    Class<?> demo = loader.loadClass("p.Demo");
    Object self = demo.getConstructor().newInstance();
    Method factory = loader.loadClass("p.DemoCoroutines").getMethod("withField", demo, int.class);
    Greenlet<?> greenlet = (Greenlet<?>) factory.invoke(null, self, 4);
    assertEquals(18, greenlet.start().get());
    assertEquals(18, demo.getDeclaredField("base").get(self));
  }

  @Test
  void yieldingCallFromUntransformedHelperFailsNamingIt() throws Exception {
    Greenlet<?> greenlet = greenlet("callsHelper").start();
    greenlet.join();
    assertInstanceOf(UntransformedCallException.class, greenlet.exception());
    String message = greenlet.exception().getMessage();
    assertTrue(message.contains("@Yielding Gevent.sleep was called inside <Greenlet at 0x"), message);
    assertTrue(message.contains("from a lambda in p.Demo (Demo.java:60)"), message);
    assertTrue(message.contains("Move the call out of the lambda into a @Coroutine method"), message);
    assertTrue(Hub.current().isEmpty());
  }

  private Greenlet<?> greenlet(String name, Object... arguments) throws Exception {
    return (Greenlet<?>) find(loader.loadClass("p.DemoCoroutines"), name).invoke(null, arguments);
  }

  private Object invokeDirect(String name, Object... arguments) throws Exception {
    return find(loader.loadClass("p.Demo"), name).invoke(null, arguments);
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
