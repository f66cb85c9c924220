package io.gevent4j.processor.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gevent4j.processor.testing.Differential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Coroutines that use private nested classes, enums and interfaces of their class (issue 10,
 * item 1), which the generated code cannot name and holds as {@code Object}s: declarations,
 * creation, members, static members, enum constants and switches, {@code instanceof}, casts,
 * class literals, generic collections of them, lambdas and method references over them, with
 * suspensions around and inside the uses. Run directly and as greenlets, with the same results.
 */
class PrivateClassesTest {
  private static Differential cases;

  static final String[] MEMBERS = {
    "  private static final class Conn {",
    "    static final int LIMIT = 9;",
    "    private static int opened;",
    "    final String name;",
    "    private int sent;",
    "    Conn(String name) { this.name = name; opened++; }",
    "    int send(int n) { sent += n; return sent; }",
    "    static Conn open(String name) { return new Conn(name); }",
    "    @Override public String toString() { return \"Conn(\" + name + \",\" + sent + \")\"; }",
    "  }",
    "  private enum State {",
    "    IDLE(\"i\"), BUSY(\"b\"), DONE(\"d\");",
    "    private final String code;",
    "    State(String code) { this.code = code; }",
    "    State next() { return values()[Math.min(ordinal() + 1, 2)]; }",
    "  }",
    "  private interface Shape { int area(); }",
    "  private static class Square implements Shape, Runnable {",
    "    final int side;",
    "    Square(int side) { this.side = side; }",
    "    public int area() { return side * side; }",
    "    public void run() { log.add(\"ran \" + side); }",
    "  }",
    "  private static final class Cube extends Square {",
    "    Cube(int side) { super(side); }",
    "    @Override public int area() { return 6 * side * side; }",
    "  }",
    "",
    "  private final List<Conn> conns = new ArrayList<>();",
    "  private State state = State.IDLE;",
    "  final Map<String, List<Conn>> byName = new TreeMap<>();",
    "  List<Conn> all() { return conns; }",
    "  static String describe(Conn c) { return \"<\" + c.name + \">\"; }",
    "  static String runIt(Runnable r) { r.run(); return \"run\"; }",
    "",
    "  @Coroutine public static String values(int n) {",
    "    Conn c = new Conn(y(\"a\"));",
    "    c.send(y(n));",
    "    int total = c.send(2) + y(1);",
    "    Conn d = Conn.open(y(\"b\"));",
    "    List<Conn> list = new ArrayList<>();",
    "    list.add(c);",
    "    list.add(y(d));",
    "    for (Conn each : list) {",
    "      each.send(y(10));",
    "    }",
    "    StringBuilder names = new StringBuilder();",
    "    list.forEach(x -> names.append(x.name));",
    "    Conn first = list.get(0);",
    "    boolean same = first == c;",
    "    return total + \",\" + list + \",\" + names + \",\" + same + \",\" + Conn.LIMIT + \",\" + describe(y(d)) + \",\" + (Conn.opened > 0);",
    "  }",
    "",
    "  @Coroutine public static String fields(int n) {",
    "    PrivateUser u = new PrivateUser();",
    "    u.conns.add(new Conn(\"x\"));",
    "    u.all().add(Conn.open(y(\"y\")));",
    "    u.byName.computeIfAbsent(y(\"k\"), k -> new ArrayList<>()).add(u.conns.get(0));",
    "    u.state = y(State.BUSY);",
    "    u.state = u.state.next();",
    "    Conn c = u.conns.get(1);",
    "    c.sent += y(n);",
    "    c.sent++;",
    "    return u.conns + \",\" + u.byName + \",\" + u.state + \",\" + u.state.code + \",\" + c.sent;",
    "  }",
    "",
    "  @Coroutine public static String enums(int n) {",
    "    State s = State.IDLE;",
    "    StringBuilder out = new StringBuilder();",
    "    for (int i = 0; i < n; i++) {",
    "      switch (s) {",
    "        case IDLE: out.append(y(\"idle\")); break;",
    "        case BUSY: out.append(\"busy\"); break;",
    "        default: out.append(\"done\");",
    "      }",
    "      switch (s) {",
    "        case IDLE: out.append('.'); break;",
    "        default: out.append(':');",
    "      }",
    "      s = y(s.next());",
    "    }",
    "    State[] all = State.values();",
    "    return out + \",\" + all.length + \",\" + State.valueOf(y(\"BUSY\")).code + \",\" + s.name() + s.ordinal() + \",\" + (s == State.DONE);",
    "  }",
    "",
    "  @Coroutine public static String types(int n) {",
    "    Object o = y(n > 1) ? new Square(n) : \"text\";",
    "    Shape shape = new Cube(y(n));",
    "    StringBuilder out = new StringBuilder();",
    "    if (o instanceof Square) {",
    "      Square sq = (Square) o;",
    "      out.append(sq.area()).append(y(\"/\")).append(((Shape) o).area());",
    "    }",
    "    out.append(',').append(shape.area()).append(',').append(shape instanceof Cube);",
    "    out.append(',').append(Square.class.getSimpleName()).append(',').append(runIt(new Square(y(2))));",
    "    java.util.function.Function<Square, Integer> area = Square::area;",
    "    java.util.function.IntFunction<Square> make = Square::new;",
    "    out.append(',').append(area.apply(make.apply(y(3))));",
    "    return out.toString();",
    "  }",
    "",
    "  private static final class Outer {",
    "    private static final class Inner { int depth = 2; }",
    "    private interface Named { String name(); default String greet() { return \"hi \" + name(); } }",
    "    private static Named named(String n) { return () -> n; }",
    "  }",
    "  @Coroutine public static String lambdas(int n) {",
    "    java.util.function.Function<Conn, String> f = (Conn c) -> c.name + c.sent;",
    "    Conn c = new Conn(\"L\");",
    "    c.sent = y(n) * 2;",
    "    c.sent += y(c.send(1));",
    "    String shown = f.apply(c);",
    "    Outer.Inner inner = new Outer.Inner();",
    "    inner.depth += y(1);",
    "    Outer.Named named = Outer.named(y(\"bob\"));",
    "    java.util.Comparator<Conn> bySent = java.util.Comparator.comparingInt(x -> x.sent);",
    "    List<Conn> sorted = new ArrayList<>(Arrays.asList(new Conn(\"p\"), c));",
    "    sorted.sort(bySent.reversed());",
    "    Object any = sorted.get(0);",
    "    Conn back = (Conn) any;",
    "    return shown + \",\" + inner.depth + \",\" + named.greet() + \",\" + sorted + \",\" + back.name + \",\" + String.valueOf(back == c);",
    "  }",
  };

  /** Java 17 style: a private record and enum, {@code var}, switch expressions and arrow cases that suspend. */
  static final String[] MODERN = {
    "  private record Entry(String key, int count) {",
    "    Entry bump(int by) { return new Entry(key, count + by); }",
    "  }",
    "  private enum Level { LOW, MID, HIGH }",
    "  private final Map<String, Entry> entries = new TreeMap<>();",
    "  private static Level level(int n) { return n < 2 ? Level.LOW : n < 4 ? Level.MID : Level.HIGH; }",
    "",
    "  @Coroutine public static String records(int n) {",
    "    var store = new Modern();",
    "    for (int i = 0; i < n; i++) {",
    "      var key = y(\"k\" + (i % 2));",
    "      store.entries.merge(key, new Entry(key, 1), (a, b) -> a.bump(b.count()));",
    "    }",
    "    Entry first = store.entries.get(y(\"k0\"));",
    "    var copy = new Entry(first.key(), y(first.count()));",
    "    return store.entries.values() + \",\" + copy.equals(first) + \",\" + copy.hashCode() % 1 + \",\" + first.count();",
    "  }",
    "",
    "  @Coroutine public static String switches(int n) {",
    "    StringBuilder out = new StringBuilder();",
    "    for (int i = 0; i <= n; i++) {",
    "      Level l = level(y(i));",
    "      String word = switch (l) {",
    "        case LOW -> y(\"low\");",
    "        case MID -> { String m = y(\"mid\"); yield m + i; }",
    "        case HIGH -> \"high\";",
    "      };",
    "      switch (y(l)) {",
    "        case LOW, MID -> out.append(word).append(y('+'));",
    "        default -> out.append(word.toUpperCase()).append(l.ordinal());",
    "      }",
    "      int rank = switch (l) { case LOW -> 1; case MID -> 2; default -> 3; };",
    "      String letter = switch (l) { case LOW -> \"l\"; case MID -> \"m\"; case HIGH -> \"h\"; };",
    "      int weight = switch (l) { case LOW: yield 10; case MID: yield 20; case HIGH: yield 30; };",
    "      out.append(rank).append(letter).append(weight).append(' ');",
    "    }",
    "    return out.toString().trim();",
    "  }",
  };

  /**
   * Values of private classes passed where a generic class or interface is expected: cast to the
   * parameter's type as the call instantiates it ({@code Comparable<String>}, {@code Iterable<?>},
   * a class's type variable, {@code Iterable<Character>} of a generic method, the bound
   * {@code Comparable<String>} of a type variable inferred as the private class, {@code Comparable<Tagged>}
   * of a private method's accessor), not to its raw erasure: no raw types in the generated code,
   * and the call's result keeps its type (an unchecked call's would be erased: {@code first(w)} an
   * {@code Object}, not a {@code Character}).
   */
  static final String[] GENERIC_ARGUMENTS = {
    "  private static final class Word implements Comparable<String>, Iterable<Character> {",
    "    final String text;",
    "    Word(String text) { this.text = text; }",
    "    public int compareTo(String other) { return text.compareTo(other); }",
    "    @Override public String toString() { return \"Word(\" + text + \")\"; }",
    "    public Iterator<Character> iterator() {",
    "      List<Character> chars = new ArrayList<>();",
    "      for (char c : text.toCharArray()) { chars.add(c); }",
    "      return chars.iterator();",
    "    }",
    "  }",
    "  private static final class Tagged implements Comparable<Tagged> {",
    "    final int rank;",
    "    Tagged(int rank) { this.rank = rank; }",
    "    public int compareTo(Tagged other) { return Integer.compare(rank, other.rank); }",
    "  }",
    "  static int against(Comparable<String> c, String s) { return Integer.signum(c.compareTo(s)); }",
    "  static String letters(Iterable<Character> chars) {",
    "    StringBuilder out = new StringBuilder();",
    "    for (char c : chars) { out.append(c).append('.'); }",
    "    return out.toString();",
    "  }",
    "  static int count(Iterable<?> any) { int n = 0; for (Object o : any) { n++; } return n; }",
    "  static <T> T first(Iterable<T> items) { return items.iterator().next(); }",
    "  @SuppressWarnings({\"rawtypes\", \"unchecked\"}) static int legacy(Comparable raw) { return raw.compareTo(\"abc\"); }",
    "  static <T extends Comparable<String>> int above(T word, String s) { return Integer.signum(word.compareTo(s)); }",
    "  static List<String> twice(Iterable<Character> chars) { return Arrays.asList(letters(chars), letters(chars)); }",
    "  private static int rankOf(Comparable<Tagged> tagged, Tagged than) { return tagged.compareTo(than); }",
    "  static final class Shelf<T> { String put(Comparable<T> c, T probe) { return \"put\" + c.compareTo(probe); } }",
    "  static final class Printer {",
    "    final String shown;",
    "    Printer(Iterable<Character> chars) { shown = letters(chars); }",
    "  }",
    "",
    "  @Coroutine public static String generic(int n) {",
    "    Word w = new Word(y(\"abc\"));",
    "    Tagged t = new Tagged(y(n));",
    "    Shelf<String> shelf = new Shelf<>();",
    "    char head = first(y(w));",
    "    int length = twice(w).get(1).length() + above(w, y(\"abb\")) + legacy(w);",
    "    return head + \",\" + length + \",\" + against(w, y(\"abd\")) + \",\" + letters(y(w)) + \",\" + count(w) + \",\" + rankOf(t, new Tagged(1))",
    "        + \",\" + shelf.put(w, y(\"abc\")) + \",\" + new Printer(w).shown;",
    "  }",
  };

  private static Differential modern;

  @BeforeAll
  static void compile() {
    Differential.assertLintClean("PrivateUser", MEMBERS);
    cases = Differential.compile("PrivateUser", MEMBERS);
    modern = Differential.compile("Modern", MODERN);
  }

  @Test
  void privateClassValuesPassedWhereAGenericTypeIsExpected() throws Exception {
    Differential.assertLintClean("GenericArguments", GENERIC_ARGUMENTS);
    Differential generic = Differential.compile("GenericArguments", GENERIC_ARGUMENTS);
    assertEquals("a,7,-1,a.b.c.,3,1,put0,a.b.c.", generic.assertSame(true, "generic", 2).result);
  }

  @Test
  void lambdasNestedPrivateClassesDefaultMethodsAndCompoundFields() throws Exception {
    assertEquals("L13,3,hi bob,[Conn(L,13), Conn(p,0)],L,true", cases.assertSame(true, "lambdas", 3).result);
  }

  @Test
  @org.junit.jupiter.api.condition.EnabledForJreRange(min = org.junit.jupiter.api.condition.JRE.JAVA_21)
  void qualifiedCaseLabelsOfAPrivateEnum() throws Exception {
    Differential java21 = Differential.compile("Java21", "  private enum Mode { ON, OFF }",
        "  @Coroutine public static String modes(int n) {",
        "    Mode m = y(n > 1) ? Mode.ON : Mode.OFF;",
        "    String a = switch (m) { case Mode.ON -> y(\"on\"); case Mode.OFF -> \"off\"; };",
        "    switch (m) { case Mode.ON: a += y(\"!\"); break; default: a += \"?\"; }",
        "    return a;",
        "  }");
    assertEquals("on!", java21.assertSame(true, "modes", 2).result);
    assertEquals("off?", java21.assertSame(true, "modes", 1).result);
  }

  @Test
  void privateRecordsInJava17Style() throws Exception {
    assertEquals("[Entry[key=k0, count=2], Entry[key=k1, count=1]],true,0,2", modern.assertSame(true, "records", 3).result);
  }

  @Test
  void privateEnumsInSwitchExpressionsAndArrowCasesThatSuspend() throws Exception {
    assertEquals("low+1l10 low+1l10 mid2+2m20 mid3+2m20 HIGH23h30 HIGH23h30", modern.assertSame(true, "switches", 5).result);
  }

  @Test
  void privateClassValuesCreatedCalledAndCollected() throws Exception {
    assertEquals("6,[Conn(a,15), Conn(b,10)],ab,true,9,<b>,true", cases.assertSame(true, "values", 3).result);
  }

  @Test
  void fieldsAndMethodsWhoseTypesNamePrivateClasses() throws Exception {
    assertEquals("[Conn(x,0), Conn(y,4)],{k=[Conn(x,0)]},DONE,d,4", cases.assertSame(true, "fields", 3).result);
  }

  @Test
  void privateEnumsSwitchedOnAndCompared() throws Exception {
    assertEquals("idle.busy:done:,3,b,DONE2,true", cases.assertSame(true, "enums", 3).result);
  }

  @Test
  void instanceofCastsClassLiteralsAndReferencesOfPrivateClasses() throws Exception {
    assertEquals("9/9,54,true,Square,run,9", cases.assertSame(true, "types", 3).result);
  }
}
