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

  /**
   * Issue 10's "done when": a class in ordinary Java 17 style, unchanged (private state and
   * helpers, a private record and an enum with a private field, a private coroutine taking the
   * record, switch expressions, an interface of coroutines with two implementations, one an
   * override calling {@code super}), behaves as its direct calls do.
   */
  @Test
  void anOrdinaryJava17ServiceClass() throws Exception {
    Differential service = Differential.compile("Service",
        "  public interface Store {",
        "    @Coroutine String get(String key);",
        "    @Coroutine default String describe() { return y(\"store\"); }",
        "  }",
        "  public static class MemoryStore implements Store {",
        "    private final Map<String, String> data = new HashMap<>(Map.of(\"a\", \"1\", \"b\", \"2\"));",
        "    @Coroutine @Override public String get(String key) { return y(data.getOrDefault(key, \"?\")); }",
        "  }",
        "  public static final class CachedStore extends MemoryStore {",
        "    private int hits;",
        "    @Coroutine @Override public String get(String key) { hits++; return \"c\" + super.get(key); }",
        "    @Coroutine @Override public String describe() { return \"cached \" + hits; }",
        "  }",
        "  private record Request(String user, String key) {}",
        "  private enum Tier {",
        "    FREE(1), PAID(3);",
        "    private final int quota;",
        "    Tier(int quota) { this.quota = quota; }",
        "  }",
        "  private final Map<String, Integer> used = new HashMap<>();",
        "  private final Store store;",
        "  private Service(Store store) { this.store = store; }",
        "  private Tier tierOf(String user) { return user.startsWith(\"p\") ? Tier.PAID : Tier.FREE; }",
        "  @Coroutine private String handle(Request r) {",
        "    Tier tier = tierOf(r.user());",
        "    int count = used.merge(r.user(), 1, Integer::sum);",
        "    if (count > tier.quota) return \"limit\";",
        "    String value = store.get(y(r.key()));",
        "    return switch (tier) {",
        "      case FREE -> value;",
        "      case PAID -> value + \"+\" + store.describe();",
        "    };",
        "  }",
        "  @Coroutine public static String serve(int n) {",
        "    Service plain = new Service(new MemoryStore());",
        "    Service cached = new Service(new CachedStore());",
        "    List<String> out = new ArrayList<>();",
        "    for (int i = 0; i < n; i++) {",
        "      Request r = new Request(i % 2 == 0 ? \"pat\" : \"fay\", i % 3 == 0 ? \"a\" : \"b\");",
        "      out.add(plain.handle(r) + \"|\" + cached.handle(r));",
        "    }",
        "    return String.join(\",\", out);",
        "  }");
    assertEquals("1+store|c1+cached 1,2|c2,2+store|c2+cached 3,limit|limit,2+store|c2+cached 4,limit|limit",
        service.assertSame(true, "serve", 6).result);
  }

  @Test
  void newestLanguageFeaturesWithoutSuspensionInside() throws Exception {
    assertEquals("hello,few,some,ABC,one or two", cases.assertSame(true, "all", "abc", 2).result);
    assertEquals("hello,none,zero,fell", cases.assertSame(true, "all", "", 0).result);
    assertEquals("hello,many,some,X,three,fell", cases.assertSame(true, "all", "x", 3).result);
  }
}
