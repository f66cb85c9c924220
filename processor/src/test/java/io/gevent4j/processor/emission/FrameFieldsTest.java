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
    Field root = Greenlet.class.getDeclaredField("root");
    root.setAccessible(true);
    Field tag = machine.getDeclaredField("tag");
    tag.setAccessible(true);
    assertNull(tag.get(root.get(greenlet)), "a finished frame keeps no reference");
  }
}
