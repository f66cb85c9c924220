package io.gevent4j.processor.emission;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.testing.compile.Compilation;
import io.gevent4j.Clock;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.processor.testing.CoroutineCompiler;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A generated machine keeps in fields only the locals live across a suspension, shares one field
 * between locals of one type whose scopes are disjoint, and drops its references where they are
 * dead at a suspension and when it finishes.
 */
class FrameFieldsTest {
  private static final String[] LOOP = {
    "package p;",
    "import io.gevent4j.Gevent;",
    "import io.gevent4j.annotations.Coroutine;",
    "public class Loop {",
    "  @Coroutine",
    "  static int sum(int n) {",
    "    int total = 0;",
    "    for (int i = 0; i < n; i++) {",
    "      int square = i * i;",
    "      String label = \"step \" + square;",
    "      total += label.length();",
    "      Gevent.sleep(1);",
    "      int doubled = total * 2;",
    "      total = doubled - total;",
    "    }",
    "    {",
    "      String tag = \"end\";",
    "      for (int j = 0; j < 2; j++) {",
    "        Gevent.sleep(1);",
    "        total += tag.length() + j;",
    "      }",
    "    }",
    "    Gevent.sleep(1);",
    "    return total;",
    "  }",
    "}",
  };

  private static final String[] SUM_OF_QUEUES = {
    "package p;",
    "import io.gevent4j.annotations.Coroutine;",
    "import io.gevent4j.queue.Queue;",
    "import java.util.List;",
    "public class Sums {",
    "  @Coroutine",
    "  static long total(List<Queue<Long>> queues, long start) {",
    "    long sum = start;",
    "    for (Queue<Long> queue : queues) {",
    "      Queue<Long> source = queue;",
    "      sum += source.get();",
    "      sum = sum + queue.get() * 2 + source.get();",
    "    }",
    "    return sum;",
    "  }",
    "}",
  };

  @Test
  void aLocalReadOnlyByTheCallThatSuspendsIsNoFieldAndAnUnwrittenLocalIsNotSpilled() throws Exception {
    Compilation compilation = CoroutineCompiler.standard().compile("p.Sums", SUM_OF_QUEUES);
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = CoroutineCompiler.load(compilation);
    Class<?> machine = loader.loadClass("p.SumsCoroutines_Machines$total$Machine");
    Set<String> fields = Arrays.stream(machine.getDeclaredFields())
        .filter(field -> !Modifier.isStatic(field.getModifiers())).map(Field::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    // queue is live across the second get, source across the third: both stay fields; sum is
    // spilled by no get (a local no operand writes), only sum + queue.get() * 2 before the third
    fields.removeIf(name -> name.startsWith("iterator$") || name.startsWith("result$"));
    assertEquals(new TreeSet<>(Arrays.asList("queues", "start", "sum", "queue", "source", "tmp$3")), fields);

    Hub.install(Clock.virtual()).setErrorStream(null);
    java.util.List<io.gevent4j.queue.Queue<Long>> queues = new java.util.ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      io.gevent4j.queue.Queue<Long> queue = new io.gevent4j.queue.Queue<>();
      queue.put(10L * i);
      queue.put(100L * i);
      queue.put(1000L * i);
      queues.add(queue);
    }
    Greenlet<?> greenlet = (Greenlet<?>) loader.loadClass("p.SumsCoroutines")
        .getMethod("total", java.util.List.class, long.class).invoke(null, queues, 5L);
    greenlet.start();
    greenlet.join();
    // per queue i: sum += 10i; sum = sum + 200i + 1000i
    assertEquals(5L + 1210L + 2420L, greenlet.value());
  }

  private static final String[] LAST_USE_IN_THE_CALL = {
    "package p;",
    "import io.gevent4j.annotations.Coroutine;",
    "import io.gevent4j.queue.Queue;",
    "import java.util.List;",
    "public class Drain {",
    "  @Coroutine",
    "  static long total(List<Queue<Long>> queues) {",
    "    long sum = 0;",
    "    for (Queue<Long> queue : queues) {",
    "      sum += queue.get();",
    "    }",
    "    return sum;",
    "  }",
    "}",
  };

  @Test
  void aLoopVariableLastReadByTheSuspendingCallIsAJavaLocal() throws Exception {
    Compilation compilation = CoroutineCompiler.standard().compile("p.Drain", LAST_USE_IN_THE_CALL);
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> machine = CoroutineCompiler.load(compilation).loadClass("p.DrainCoroutines_Machines$total$Machine");
    Set<String> fields = Arrays.stream(machine.getDeclaredFields())
        .filter(field -> !Modifier.isStatic(field.getModifiers())).map(Field::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    fields.removeIf(name -> name.startsWith("iterator$") || name.startsWith("result$"));
    assertEquals(new TreeSet<>(Arrays.asList("queues", "sum")), fields, "no field for queue, no spill of sum");
  }

  @Test
  void onlyTheLocalsLiveAcrossASleepAreFieldsAndLoopCountersShareOne() throws Exception {
    Compilation compilation = CoroutineCompiler.standard().compile("p.Loop", LOOP);
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = CoroutineCompiler.load(compilation);
    Class<?> machine = loader.loadClass("p.LoopCoroutines_Machines$sum$Machine");
    Set<String> fields = Arrays.stream(machine.getDeclaredFields())
        .filter(field -> !Modifier.isStatic(field.getModifiers())).map(Field::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    // square, label and doubled never see a sleep; j reuses i's field.
    assertEquals(new TreeSet<>(Arrays.asList("n", "total", "i", "tag")), fields);

    String source = compilation.generatedSourceFile("p.LoopCoroutines_Machines").get().getCharContent(true).toString();
    assertEquals(3, source.split("tag = null;", -1).length - 1, "tag is dropped at the sleeps outside its scope and by clear$()");

    Hub.install(Clock.virtual()).setErrorStream(null);
    Greenlet<?> greenlet = (Greenlet<?>) loader.loadClass("p.LoopCoroutines").getMethod("sum", int.class).invoke(null, 3);
    greenlet.start();
    greenlet.join();
    assertEquals(25, greenlet.value());
    Field root = Greenlet.class.getDeclaredField("top"); // a dead greenlet's top is its finished root frame
    root.setAccessible(true);
    Field tag = machine.getDeclaredField("tag");
    tag.setAccessible(true);
    assertNull(tag.get(root.get(greenlet)), "a finished frame keeps no reference");
  }
}
