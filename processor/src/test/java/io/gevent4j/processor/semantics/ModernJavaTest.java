package io.gevent4j.processor.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gevent4j.processor.testing.Differential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sources at the newest language level: var, text blocks, switch expressions and rules,
 * instanceof patterns, where they contain no suspension point; and multi-label cases in a
 * switch that suspends.
 */
class ModernJavaTest {
  private static Differential cases;

  @BeforeAll
  static void compile() {
    cases = Differential.compile("Modern",
        "  @Coroutine public static String all(Object input, int n) {",
        "    var list = new ArrayList<String>();",
        "    var text = \"\"\"",
        "        hello",
        "        \"\"\";",
        "    list.add(y(text.strip()));",
        "    String size = switch (n) {",
        "      case 0 -> \"none\";",
        "      case 1, 2 -> { String s = \"few\"; yield s; }",
        "      default -> \"many\";",
        "    };",
        "    list.add(y(size));",
        "    switch (n) {",
        "      case 0 -> list.add(\"zero\");",
        "      default -> { list.add(\"some\"); }",
        "    }",
        "    if (input instanceof String s && !s.isEmpty()) {",
        "      list.add(y(s.toUpperCase()));",
        "    }",
        "    switch (y(n)) {",
        "      case 1, 2: list.add(y(\"one or two\")); break;",
        "      case 3: list.add(\"three\");",
        "      default: list.add(\"fell\");",
        "    }",
        "    return String.join(\",\", list);",
        "  }");
  }

  @Test
  void newestLanguageFeaturesWithoutSuspensionInside() throws Exception {
    assertEquals("hello,few,some,ABC,one or two", cases.assertSame(true, "all", "abc", 2).result);
    assertEquals("hello,none,zero,fell", cases.assertSame(true, "all", "", 0).result);
    assertEquals("hello,many,some,X,three,fell", cases.assertSame(true, "all", "x", 3).result);
  }
}
