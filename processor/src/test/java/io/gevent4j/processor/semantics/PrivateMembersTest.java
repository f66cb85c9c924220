package io.gevent4j.processor.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gevent4j.processor.testing.Differential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Coroutines that use private fields, methods and constructors of their class and its nest, with
 * suspensions around, inside and between the uses (issue 10, item 1): run directly and as
 * greenlets, with the same results.
 */
class PrivateMembersTest {
  private static Differential cases;

  private static final String[] MEMBERS = {
    "  private static int total;",
    "  private static byte small;",
    "  private static final int LIMIT = 7;",
    "  private static String name = \"n\";",
    "  private static Integer boxed = 3;",
    "  private int count;",
    "  private long[] history = new long[4];",
    "  private final List<String> notes = new ArrayList<>();",
    "  private Secrets() {}",
    "  private Secrets(int count) { this.count = count; }",
    "  private int bump(int by) { count += by; return count; }",
    "  private static <T> T pick(boolean first, T a, T b) { return first ? a : b; }",
    "  private static String join(String... parts) { return String.join(\"+\", parts); }",
    "  private void fail() throws java.io.IOException { throw new java.io.IOException(\"private \" + count); }",
    "  static final class Node {",
    "    private int value;",
    "    private Node next;",
    "    private Node(int value, Node next) { this.value = value; this.next = next; }",
    "    private int sum() { return value + (next == null ? 0 : next.sum()); }",
    "  }",
    "  enum Color {",
    "    RED(1), GREEN(2);",
    "    private final int code;",
    "    Color(int code) { this.code = code; }",
    "  }",
    "  static final class Box<T> {",
    "    private T item;",
    "    private Box(T item) { this.item = item; }",
    "    private T get() { return item; }",
    "  }",
    "",
    "  @Coroutine public static String fields(int n) {",
    "    boxed = 3;",
    "    name = \"n\";",
    "    total = y(n);",
    "    total += y(2);",
    "    total++;",
    "    ++total;",
    "    total -= t(\"minus\", 1);",
    "    small = 5;",
    "    small += y(1);",
    "    small++;",
    "    boxed += y(4);",
    "    boxed++;",
    "    name += y(\"x\") + total;",
    "    int seen = total-- + --total;",
    "    return total + \",\" + small + \",\" + boxed + \",\" + name + \",\" + seen + \",\" + LIMIT;",
    "  }",
    "",
    "  @Coroutine public static String instance(int n) {",
    "    Secrets s = new Secrets(y(n));",
    "    Secrets other = new Secrets();",
    "    s.count = y(s.count) + 1;",
    "    s.count *= y(2) + s.bump(1);",
    "    other.count = s.bump(y(3));",
    "    s.history[y(1)] = s.count;",
    "    s.history[2] += y(5);",
    "    s.notes.add(y(\"a\"));",
    "    s.notes.add(String.valueOf(other.count++));",
    "    int local = s.count;",
    "    Runnable r = () -> s.count += local;",
    "    r.run();",
    "    return s.count + \",\" + other.count + \",\" + Arrays.toString(s.history) + \",\" + s.notes;",
    "  }",
    "",
    "  @Coroutine public static String methods(int n) {",
    "    Secrets s = new Secrets(n);",
    "    String picked = pick(y(n) > 1, \"big\", y(\"small\"));",
    "    String joined = join(y(\"a\"), \"b\", y(\"c\"));",
    "    String empty = join();",
    "    Integer chosen = Secrets.<Integer>pick(false, 1, y(2));",
    "    try {",
    "      s.fail();",
    "      return \"no\";",
    "    } catch (java.io.IOException e) {",
    "      return picked + \",\" + joined + \",\" + empty + \",\" + chosen + \",\" + y(e.getMessage()) + \",\" + s.bump(y(1));",
    "    }",
    "  }",
    "",
    "  @Coroutine public static String nest(int n) {",
    "    Node list = new Node(y(n), new Node(2, null));",
    "    list.next.value += y(10);",
    "    list.value++;",
    "    Color c = y(Color.GREEN);",
    "    Box<String> box = new Box<>(y(\"boxed\"));",
    "    box.item = box.get() + y(\"!\");",
    "    Box<Integer> ints = new Box<Integer>(y(4));",
    "    ints.item += 1;",
    "    return list.sum() + \",\" + c.code + \",\" + box.get() + \",\" + ints.item + \",\" + list.next.next;",
    "  }",
    "",
    "  private static String shout(String s) { return s.toUpperCase(); }",
    "  private String tag(String s) { return s + count; }",
    "  private void note(String s) { notes.add(s); }",
    "  static <A> String apply(java.util.function.Function<A, String> f, A a) { return f.apply(a); }",
    "  static String over(java.util.function.Function<String, String> f) { return \"function \" + f.apply(\"o\"); }",
    "  static String over(java.util.function.UnaryOperator<String> f) { return \"unary \" + f.apply(\"o\"); }",
    "  @Coroutine public static String references(int n) { return new Secrets().refs(n); }",
    "  @Coroutine String refs(int n) {",
    "    java.util.function.Function<String, String> up = Secrets::shout;",
    "    java.util.function.Function<String, String> tagged = this::tag;",
    "    java.util.function.BiFunction<Secrets, Integer, Integer> bumper = Secrets::bump;",
    "    java.util.function.IntFunction<Secrets> maker = Secrets::new;",
    "    java.util.function.Supplier<Secrets> empty = Secrets::new;",
    "    java.util.function.Consumer<String> noter = this::note;",
    "    java.util.function.Function<Node, Integer> summer = Node::sum;",
    "    Secrets made = maker.apply(y(n));",
    "    count = bumper.apply(made, y(2));",
    "    noter.accept(up.apply(y(\"x\")));",
    "    java.util.List<String> mapped = new ArrayList<>();",
    "    for (String s : Arrays.asList(\"a\", \"b\")) { mapped.add(tagged.apply(y(s))); }",
    "    String inferred = apply(Secrets::shout, y(\"i\"));",
    "    String chosen = over(Secrets::shout);",
    "    return mapped + \",\" + notes + \",\" + empty.get().count + \",\" + summer.apply(new Node(y(4), null)) + \",\" + inferred + \",\" + chosen;",
    "  }",
  };

  @BeforeAll
  static void compile() {
    Differential.assertLintClean("Secrets", MEMBERS);
    cases = Differential.compile("Secrets", MEMBERS);
  }

  @Test
  void privateStaticFieldsReadWrittenAndStepped() throws Exception {
    cases.assertSame(true, "fields", 3);
  }

  @Test
  void privateInstanceFieldsAndConstructors() throws Exception {
    assertEquals(cases.direct("instance", 2).result, cases.assertSame(true, "instance", 2).result);
  }

  @Test
  void privateMethodsGenericVarargsAndThrowing() throws Exception {
    assertEquals("big,a+b+c,,2,private 2,3", cases.assertSame(true, "methods", 2).result);
  }

  @Test
  void privateMembersOfNestedClassesEnumsAndGenerics() throws Exception {
    assertEquals("16,2,boxed!,5,null", cases.assertSame(true, "nest", 3).result);
  }

  @Test
  void methodReferencesToPrivateMethodsAndConstructors() throws Exception {
    assertEquals("[a5, b5],[X],0,4,I,unary O", cases.assertSame(true, "references", 3).result);
  }
}
