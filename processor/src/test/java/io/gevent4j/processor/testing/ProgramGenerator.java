package io.gevent4j.processor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random coroutine bodies for the differential tests: typed expressions over every
 * primitive type, {@code String}, {@code Object}, {@code int[]}, a {@code List<Integer>} and a
 * {@code Holder} object, with suspension points ({@code y(...)}, {@code t(...)} and calls of
 * {@code @Coroutine} helpers) allowed in every operand position.
 *
 * <p>Expressions: literals of every kind (hex, octal, binary, underscores, {@code -2147483648},
 * {@code 0xFFFFFFFF}, long/char/float/double, escapes), every unary operator and chains of them
 * ({@code - -x}, {@code ~-x}, {@code !!b}, {@code - --x}), prefix and postfix {@code ++}/{@code --}
 * on locals, array elements and fields of receivers returned by calls, every binary operator
 * (division and remainder guarded by {@code (e | 1)}), comparisons, {@code && ||}, nested
 * ternaries, assignments and compound assignments as expressions, primitive and reference casts
 * ({@code (Object)}, intersection casts), {@code instanceof}, string concatenation, array
 * creation, element access, overloaded coroutine helpers, anonymous classes with suspending
 * constructor arguments and {@code final} local constants. Parentheses are mandatory where the
 * tree needs them and added at random elsewhere.
 *
 * <p>Statements: assignments and every compound assignment on every type (with the implicit
 * narrowing of {@code byte b; b += y(300)}), increments, declarations (also {@code final}
 * constants and {@code byte b = K}), if/else, labeled blocks, for, labeled nested loops, while,
 * do/while with continue and a try/catch retry loop, for-each over arrays, casts, ternaries, call
 * results and lists (with widening element variables), switch on int (with {@code case K:}),
 * char, byte and String with fallthrough, try/catch/finally (multi-catch, deliberate division by
 * zero), returns and throws.
 *
 * <p>Java 17 shapes: switch expressions on int, char, String, the class's enum and local enums
 * (rule arms, block arms yielding from an {@code if}, a {@code try/finally} or a
 * {@code try/catch}, throwing arms, classic {@code case K:} groups with fallthrough and
 * {@code yield}) as operands anywhere and at the top of statements; {@code case ->} switch
 * statements (expression, block and throw arms); {@code assert cond : detail} (assertions are on
 * in half the batches, see {@link RandomPrograms#assertionMode}); local records, enums and
 * interfaces used across suspensions (in lists, for-each, switches); the class's private static
 * final constants in expressions, case labels and narrowing assignments; explicit type arguments
 * on calls whose arguments suspend; {@code instanceof} patterns (in conditions, with the binding
 * used after a suspension in the then-branch, negated with the binding used after the if).
 *
 * <p>Every loop is bounded, strings assigned to a variable never read a string variable (so they
 * cannot double), the list is capped, and identity-hashed objects are never printed, so every
 * program ends and logs the same both ways. Deterministic for a seed.
 */
public final class ProgramGenerator {
  // Shape switches. A shape the processor currently mishandles may be switched off here, with the
  // reason, while it is being fixed; every switch is meant to be true.
  /** Anonymous subclasses of {@code Shape} with suspending constructor arguments. */
  static final boolean ANONYMOUS_CLASSES = true;
  /** {@code case K:} labels naming final local constants (int, char, String switches). */
  static final boolean CONSTANT_CASE_LABELS = true;
  /** Intersection casts {@code (Comparable<String> & java.io.Serializable) s}. */
  static final boolean INTERSECTION_CASTS = true;
  /** Assignments and compound assignments used as expressions ({@code t("e", x *= 2)}). */
  static final boolean ASSIGNMENT_EXPRESSIONS = true;
  /** Increments and compound assignments of fields of call results ({@code box(h).value++}). */
  static final boolean CALL_RECEIVER_FIELDS = true;
  /**
   * Private fields of {@code Holder} read, written, compound-assigned and stepped, and its private
   * methods called and referenced ({@code Holder::mix}), with suspensions in their operands
   * (method handle accessors, issue 10).
   */
  static final boolean PRIVATE_MEMBERS = true;
  /**
   * A private class ({@code Vault}) and a private enum ({@code Gear}) of the class: created,
   * called, their fields read, written, compound-assigned and stepped, cast, tested with
   * {@code instanceof}, switched on, with suspensions in the operands (held as Objects, issue 10).
   */
  static final boolean PRIVATE_CLASSES = true;
  /** Switch expressions (rule and classic forms, yield in if/try/finally) as operands anywhere. */
  static final boolean SWITCH_EXPRESSIONS = true;
  /** {@code case ->} switch statements with suspending arms. */
  static final boolean ARROW_SWITCH_STATEMENTS = true;
  /** {@code assert cond : detail;} with suspensions (run with assertions on in half the batches). */
  static final boolean ASSERTS = true;
  /** Local records, enums and interfaces used across suspensions. */
  static final boolean LOCAL_TYPES = true;
  /** {@code instanceof} patterns: in conditions, in then-branches, negated with the binding used after. */
  static final boolean INSTANCEOF_PATTERNS = true;
  /**
   * The operand of a pattern {@code instanceof} suspends ({@code y(o0) instanceof String s}). Off:
   * the processor refuses it with a precise CoroutineUnsupportedConstruct ("a pattern 'instanceof'
   * whose operand suspends is not supported in a @Coroutine body yet"); the rest of the condition
   * and the then-branch still suspend.
   */
  static final boolean PATTERN_OPERANDS_SUSPEND = false;
  /**
   * Local records with a reference-typed component ({@code record R(int a, String s)}). Once (fixed since, in the processor; the switch stays to narrow a future failure): the
   * processor fails with CoroutineInternalError (StringIndexOutOfBoundsException: begin -1) on any
   * suspending body declaring one, even unused: {@code record R0(String s) {} y(1); return a;}.
   * Off, the components are ints ({@code record R(int a, int s)}).
   */
  static final boolean LOCAL_RECORD_REFERENCE_COMPONENTS = true;
  /**
   * A suspending selector of a local enum type ({@code switch (y(q0)) { case A -> ...}}). Once (fixed since, in the processor; the switch stays to narrow a future failure): the
   * processor fails with CoroutineInternalError (StackOverflowError); the class's own enum is fine
   * ({@code switch (y(Color.RED))}), and so is a local enum selector that does not suspend.
   */
  static final boolean LOCAL_ENUM_SUSPENDING_SELECTORS = true;
  /**
   * A suspending call whose result type mentions a local type ({@code for (R0 q : y(lst0))}). Once (fixed since, in the processor; the switch stays to narrow a future failure):
   * the generated code types the value as {@code List<Record>} and does not compile ("incompatible
   * types: inference variable T has incompatible bounds"): {@code record R0(int a) {} List<R0> l =
   * new ArrayList<>(); List<R0> k = y(l); return k.size();}.
   */
  static final boolean LOCAL_TYPE_GENERIC_SUSPENSIONS = true;
  /**
   * The operand of an {@code instanceof} type test declares variables: pattern bindings or locals
   * of a switch expression's block arm. Once (fixed since, in the processor; the switch stays to narrow a future failure): the generated code names undeclared {@code v1$} /
   * {@code p2$} ("cannot find symbol" in the _Machines class), e.g. {@code if ((t("o", (Object) "k")
   * instanceof String p2 ? p2 : "k") instanceof Comparable) y(1);} and {@code if ((Object) switch (a)
   * { case 1 -> { int v1 = y(a); yield v1; } default -> 0; } instanceof Number) log.add("n");}.
   */
  static final boolean DECLARING_TYPE_TEST_OPERANDS = true;
  /**
   * An assert detail that is a conditional expression, in a suspending assert. Once (fixed since, in the processor; the switch stays to narrow a future failure): the generated
   * {@code throw new AssertionError(c ? t("d", b) : b)} is ambiguous (AssertionError(Object) and
   * AssertionError(int)) where javac's assert takes the detail's own type: {@code byte b = 1;
   * assert y(a) < 0 : a > 5 ? t("d", b) : b;}.
   */
  static final boolean CONDITIONAL_ASSERT_DETAILS = true;
  /** Explicit type arguments on calls whose arguments suspend ({@code Arrays.<Object>asList(y(1))}). */
  static final boolean EXPLICIT_TYPE_ARGUMENTS = true;
  /** A generic coroutine called with explicit type arguments ({@code Cls.<Integer>same(y(1))}). */
  static final boolean GENERIC_COROUTINE_CALLS = true;
  /**
   * Virtual calls of coroutines ({@code STEPPERS[i].step(v)}): an interface's abstract and default
   * coroutines, an override calling {@code super} and {@code Iface.super}, a final implementation.
   */
  static final boolean VIRTUAL_CALLS = true;

  /** Stands for the generated class's simple name; {@link #bind} replaces it. */
  public static final String CLASS = "__C__";

  /** {@code text} with {@link #CLASS} replaced by the class's simple name. */
  public static String bind(String text, String simpleName) {
    return text.replace(CLASS, simpleName);
  }

  private static final int PRIMARY = 16;
  private static final int POSTFIX = 15;
  private static final int UNARY = 14;
  private static final int MUL = 13;
  private static final int ADD = 12;
  private static final int SHIFT = 11;
  private static final int REL = 10;
  private static final int EQ = 9;
  private static final int BAND = 8;
  private static final int XOR = 7;
  private static final int BOR = 6;
  private static final int AND = 5;
  private static final int OR = 4;
  private static final int COND = 3;
  private static final int ASSIGN = 2;

  private enum Type {
    BOOLEAN("boolean"), BYTE("byte"), SHORT("short"), CHAR("char"), INT("int"), LONG("long"),
    FLOAT("float"), DOUBLE("double"), STRING("String");

    final String java;

    Type(String java) {
      this.java = java;
    }

    boolean integral() {
      return this == BYTE || this == SHORT || this == CHAR || this == INT || this == LONG;
    }

    boolean numeric() {
      return integral() || this == FLOAT || this == DOUBLE;
    }

    /** The type of {@code +e}: unary numeric promotion. */
    Type promoted() {
      return this == BYTE || this == SHORT || this == CHAR ? INT : this;
    }
  }

  private static final Type[] NUMERIC = {Type.BYTE, Type.SHORT, Type.CHAR, Type.INT, Type.LONG, Type.FLOAT, Type.DOUBLE};
  private static final Type[] ALL = {Type.BOOLEAN, Type.BYTE, Type.SHORT, Type.CHAR, Type.INT, Type.LONG, Type.FLOAT,
      Type.DOUBLE, Type.STRING};

  /** A generated expression: its text, static type, precedence, and whether it is boxed. */
  private static final class E {
    final String code;
    final Type type;
    final int prec;
    final boolean boxed;

    E(String code, Type type, int prec, boolean boxed) {
      this.code = code;
      this.type = type;
      this.prec = prec;
      this.boxed = boxed;
    }
  }

  /** A local in scope. */
  private static final class Var {
    final String name;
    final Type type;
    final boolean writable;
    final boolean boxed;

    Var(String name, Type type, boolean writable, boolean boxed) {
      this.name = name;
      this.type = type;
      this.writable = writable;
      this.boxed = boxed;
    }
  }

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private final List<Var> vars = new ArrayList<>();
  private int counters;
  private int labels;
  private int steps;
  private int depth;
  /** While positive, string expressions read no string variable (they are being stored). */
  private int noStrings;
  /** While positive, the list is being iterated and must not change. */
  private int listLoops;
  /** While the locals are being declared: expressions use only what is already declared. */
  private boolean prologue;
  private int k0;
  private int k1;
  private char ck;
  /** While positive, a {@code return} is not allowed (inside a switch expression). */
  private int noReturn;
  /**
   * While positive, no try statement: javac 17 and 25 crash (Code$State.pop from Gen.visitYield, or
   * an NPE in Code.newLocal from Gen.doHandleSwitchExpression) on a switch expression containing a
   * try evaluated while a long or double is on the operand stack ({@code l + switch (x) { case 1 -> {
   * try { x++; } finally { x++; } yield 1; } default -> 3; }}), with -proc:none too. So a switch
   * expression met inside another expression has no try; those at the top of a statement may.
   */
  private int noTry;
  /** While positive, no expression declares a variable (pattern bindings, switch expressions). */
  private int noDeclarations;
  /** Switch expressions being generated around the current expression. */
  private int switchNesting;
  /** Int-valued reads of local-type values in scope ({@code q3.sum()}). */
  private final List<String> intReads = new ArrayList<>();
  /** Local enums in scope: type name, variable or null, constants. */
  private final List<String[]> enums = new ArrayList<>();

  public ProgramGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** Members every generated class needs besides {@link Differential#PRELUDE}. */
  public static String support() {
    return String.join("\n",
        "  public static class Boom extends RuntimeException {",
        "    public Boom(int code) { super(\"boom \" + code); }",
        "  }",
        "  public static class Holder {",
        "    public int value;",
        "    public long big;",
        "    public byte small;",
        "    public String text = \"\";",
        "    public int[] cells = {0, 0, 0};",
        "    private int secret = 5;",
        "    private long hiddenBig;",
        "    private byte hiddenSmall;",
        "    private String hiddenText = \"\";",
        "    private int twist(int v) { log.add(\"twist \" + v); return v * 3 + secret; }",
        "    private static int mix(int a, long b) { log.add(\"mix \" + a); return (int) (a ^ b); }",
        "    @Override public String toString() { return \"H\" + value + \"/\" + big + \"/\" + small + \"/\" + text",
        "        + \"/\" + secret + \"/\" + hiddenBig + \"/\" + hiddenSmall + \"/\" + hiddenText; }",
        "  }",
        "  public abstract static class Shape {",
        "    public final int size;",
        "    public Shape(int size) { this.size = size; log.add(\"shape \" + size); }",
        "    public abstract int area();",
        "  }",
        "  public enum Color { RED, GREEN, BLUE; int weight() { return ordinal() * 10 + 1; } }",
        "  private static final class Vault {",
        "    private int n;",
        "    final String tag;",
        "    private Vault(int n, String tag) { this.n = n; this.tag = tag; }",
        "    int turn(int by) { log.add(\"turn \" + by); n += by; return n; }",
        "    static Vault of(int n) { log.add(\"of \" + n); return new Vault(n, \"v\" + n); }",
        "    @Override public String toString() { return tag + \":\" + n; }",
        "  }",
        "  private enum Gear { LOW, MID, HIGH; private int rank() { return ordinal() * 2 + 1; } }",
        "  private static Gear gear(int v) { log.add(\"gear \" + v); return Gear.values()[Math.floorMod(v, 3)]; }",
        "  private static final int NEG = -3;",
        "  private static final int BIG = 100;",
        "  static final int PK = 4;",
        "  private static final long LNEG = -40L;",
        "  private static final char CC = 'd';",
        "  private static final String CS = \"k1\";",
        "  @Coroutine static Color color(int v) { log.add(\"color \" + v); return y(Color.values()[Math.floorMod(v, 3)]); }",
        "  @Coroutine static <T> T same(T v) { log.add(\"same \" + v); return y(v); }",
        "  static Holder box(Holder h) { log.add(\"box \" + h.value); return h; }",
        "  @Coroutine static Holder boxed(Holder h) { log.add(\"boxed\"); return y(h); }",
        "  @Coroutine static long wide(int v) {",
        "    if (v % 2 == 0) return v;",
        "    return y(v) * 2L;",
        "  }",
        "  @Coroutine static int helper(int v) {",
        "    log.add(\"helper \" + v);",
        "    if (v % 7 == 3) throw new Boom(v);",
        "    return y(v) + 1;",
        "  }",
        "  @Coroutine static int over(int v) { log.add(\"over int \" + v); return y(v) - 1; }",
        "  @Coroutine static long over(long v) { log.add(\"over long \" + v); return y(v) * 3; }",
        "  @Coroutine static String over(String s) { log.add(\"over String \" + s); return y(s) + \"!\"; }",
        "  public interface Stepper {",
        "    @Coroutine int step(int v);",
        "    @Coroutine default String tag(String s) { log.add(\"tag \" + s); return y(s) + \"#\"; }",
        "  }",
        "  public static class Up implements Stepper {",
        "    @Coroutine @Override public int step(int v) { log.add(\"up \" + v); return y(v) + 1; }",
        "  }",
        "  public static class Down extends Up {",
        "    @Coroutine @Override public int step(int v) { log.add(\"down \" + v); return super.step(v) * 2 - y(v); }",
        "    @Coroutine @Override public String tag(String s) { return super.tag(s) + y(\"d\"); }",
        "  }",
        "  public static final class Twice implements Stepper {",
        "    @Coroutine @Override public int step(int v) { log.add(\"twice \" + v); return y(v * 2); }",
        "    @Coroutine @Override public String tag(String s) { return \"<\" + Stepper.super.tag(s); }",
        "  }",
        "  static final Stepper[] STEPPERS = {new Up(), new Down(), new Twice()};",
        "  @Coroutine static int[] ints(int n) {",
        "    int[] r = new int[1 + (n & 3)];",
        "    for (int i = 0; i < r.length; i++) r[i] = y(n + i);",
        "    return r;",
        "  }");
  }

  /** A public static coroutine {@code int name(int a)}. */
  public String method(String name) {
    out.setLength(0);
    vars.clear();
    counters = 0;
    labels = 0;
    steps = 0;
    depth = 0;
    noStrings = 0;
    listLoops = 0;
    noReturn = 0;
    switchNesting = 0;
    intReads.clear();
    enums.clear();
    prologue = true;
    out.append("  @Coroutine public static int ").append(name).append("(int a) {\n");
    vars.add(new Var("a", Type.INT, false, false));
    for (int i = 0; i < 3; i++) {
      out.append("    int x").append(i).append(" = a + ").append(i).append(";\n");
      vars.add(new Var("x" + i, Type.INT, true, false));
    }
    k0 = random.nextInt(8);
    do {
      k1 = random.nextInt(256) - 128;
    } while (k1 == k0 || k1 == k0 + 1);
    ck = (char) ('a' + random.nextInt(4));
    out.append("    final int K0 = ").append(k0).append(";\n");
    out.append("    final int K1 = ").append(k1).append(";\n");
    out.append("    final long LK = ").append(random.nextInt(100) - 50).append("L;\n");
    out.append("    final char CK = '").append(ck).append("';\n");
    out.append("    final String SK = \"k2\";\n");
    vars.add(new Var("K0", Type.INT, false, false));
    vars.add(new Var("K1", Type.INT, false, false));
    vars.add(new Var("LK", Type.LONG, false, false));
    vars.add(new Var("CK", Type.CHAR, false, false));
    vars.add(new Var("SK", Type.STRING, false, false));
    // private static final constants of the class
    vars.add(new Var("NEG", Type.INT, false, false));
    vars.add(new Var("BIG", Type.INT, false, false));
    vars.add(new Var("LNEG", Type.LONG, false, false));
    vars.add(new Var("CC", Type.CHAR, false, false));
    vars.add(new Var("CS", Type.STRING, false, false));
    declare(2, Type.BYTE, "b0", random.nextBoolean() ? pick("K1", "NEG", "BIG") : gen(Type.BYTE, 1).code);
    declare(2, Type.SHORT, "s0", random.nextInt(3) == 0 ? pick("NEG", "-BIG") : gen(Type.SHORT, 1).code);
    declare(2, Type.CHAR, "ch0", random.nextBoolean() ? pick("K0", "BIG", "CC") : gen(Type.CHAR, 1).code);
    declare(2, Type.LONG, "l0", gen(Type.LONG, 1).code);
    declare(2, Type.FLOAT, "f0", gen(Type.FLOAT, 1).code);
    declare(2, Type.DOUBLE, "d0", gen(Type.DOUBLE, 1).code);
    declare(2, Type.BOOLEAN, "z0", gen(Type.BOOLEAN, 1).code);
    declare(2, Type.STRING, "str0", gen(Type.STRING, 1).code);
    out.append("    int[] arr0 = {").append(gen(Type.INT, 1).code).append(", ").append(gen(Type.INT, 1).code)
        .append("};\n");
    out.append("    int[] arr1 = new int[] {").append(gen(Type.INT, 1).code).append("};\n");
    out.append("    Object oa0 = arr1;\n");
    out.append("    List<Integer> list0 = new ArrayList<>(Arrays.asList(").append(gen(Type.INT, 1).code).append(", ")
        .append(gen(Type.INT, 1).code).append("));\n");
    out.append("    Object o0 = ").append(objectExpression(1)).append(";\n");
    out.append("    Holder h0 = new Holder();\n");
    out.append("    Vault vault0 = Vault.of(").append(gen(Type.INT, 1).code).append(");\n");
    prologue = false;
    block(2, 2 + random.nextInt(4));
    out.append("    log.add(\"end \" + x0 + \" \" + x1 + \" \" + x2 + \" \" + b0 + \" \" + s0 + \" \" + (int) ch0 + \" \" + l0"
        + " + \" \" + f0 + \" \" + d0 + \" \" + z0 + \" \" + str0 + \" \" + Arrays.toString(arr0) + Arrays.toString(arr1)"
        + " + Arrays.toString((int[]) oa0) + \" \" + o0 + \" \" + list0 + \" \" + h0 + Arrays.toString(h0.cells) + \" \" + vault0);\n");
    out.append("    return ").append(gen(Type.INT, 2).code).append(";\n  }\n");
    return out.toString();
  }

  private void declare(int level, Type type, String name, String init) {
    out.append(indent(level)).append(type.java).append(" ").append(name).append(" = ").append(init).append(";\n");
    vars.add(new Var(name, type, true, false));
  }

  // ---------------------------------------------------------------- statements

  private void block(int level, int statements) {
    int[] mark = mark();
    for (int i = 0; i < statements; i++) {
      statement(level);
    }
    restore(mark);
  }

  private int[] mark() {
    return new int[] {vars.size(), intReads.size(), enums.size()};
  }

  private void restore(int[] mark) {
    while (vars.size() > mark[0]) {
      vars.remove(vars.size() - 1);
    }
    while (intReads.size() > mark[1]) {
      intReads.remove(intReads.size() - 1);
    }
    while (enums.size() > mark[2]) {
      enums.remove(enums.size() - 1);
    }
  }

  private void statement(int level) {
    depth++;
    String indent = indent(level);
    int choice = depth > 3 ? random.nextInt(15) : random.nextInt(38);
    if (depth > 3 && choice == 14) {
      choice = 37;
    }
    switch (choice) {
      case 0:
      case 1:
        assignment(indent);
        break;
      case 2:
      case 3:
        compoundAssignment(indent);
        break;
      case 4:
        out.append(indent).append(increment(pick(NUMERIC))).append(";\n");
        break;
      case 5:
        out.append(indent).append("log.add(\"s").append(steps++).append(":\" + ")
            .append(operand(gen(randomType(), 2), ADD + 1)).append(");\n");
        break;
      case 6:
        callStatement(indent);
        break;
      case 7:
        out.append(indent).append("if (").append(noReturn > 0 ? exitCondition() : gen(Type.BOOLEAN, 2).code).append(noReturn > 0 ? ") throw new Boom("
            : ") return ").append(gen(Type.INT, 1).code).append(noReturn > 0 ? ");\n" : ";\n");
        break;
      case 8:
        out.append(indent).append("if (").append(noReturn > 0 ? exitCondition() : gen(Type.BOOLEAN, 2).code)
            .append(") throw new Boom(")
            .append(gen(Type.INT, 1).code).append(");\n");
        break;
      case 9:
      case 10:
        declaration(indent);
        break;
      case 11:
        referenceStatement(indent);
        break;
      case 12:
        if (noTry > 0) {
          out.append(indent).append(variable(Type.INT, true)).append(" = helper(").append(gen(Type.INT, 1).code)
              .append(");\n");
        } else {
          divisionByZero(level);
        }
        break;
      case 13:
        out.append(indent).append(variable(Type.INT, true)).append(" = helper(").append(gen(Type.INT, 1).code)
            .append(");\n");
        break;
      case 14:
      case 15:
        ifStatement(level);
        break;
      case 16:
        forLoop(level);
        break;
      case 17:
        labeledLoops(level);
        break;
      case 18:
        whileLoop(level);
        break;
      case 19:
        doLoop(level);
        break;
      case 20:
        retryLoop(level);
        break;
      case 21:
      case 22:
        forEach(level);
        break;
      case 23:
      case 24:
        switchStatement(level);
        break;
      case 25:
      case 26:
        tryStatement(level);
        break;
      case 27:
        labeledBlock(level);
        break;
      case 28:
        anonymousStatement(indent);
        break;
      case 30:
      case 31:
        if (ARROW_SWITCH_STATEMENTS) {
          arrowSwitch(level);
        } else {
          switchStatement(level);
        }
        break;
      case 32:
      case 33:
        if (SWITCH_EXPRESSIONS) {
          switchExpressionStatement(indent);
        } else {
          assignment(indent);
        }
        break;
      case 34:
        if (LOCAL_TYPES) {
          localTypes(level);
        } else {
          declaration(indent);
        }
        break;
      case 35:
        if (INSTANCEOF_PATTERNS) {
          patternIf(level);
        } else {
          ifStatement(level);
        }
        break;
      case 36:
        if (INSTANCEOF_PATTERNS && noReturn == 0) {
          negatedPattern(level);
        } else {
          ifStatement(level);
        }
        break;
      case 37:
        if (ASSERTS) {
          assertStatement(level);
        } else {
          callStatement(indent);
        }
        break;
      default:
        out.append(indent).append("{\n");
        block(level + 1, 1 + random.nextInt(2));
        out.append(indent).append("}\n");
        break;
    }
    depth--;
  }

  private void assignment(String indent) {
    Type type = randomType();
    String target = lvalue(type);
    if ((type == Type.BYTE || type == Type.SHORT) && random.nextInt(4) == 0) {
      out.append(indent).append(target).append(" = ").append(pick("K1", "NEG", "BIG", "-BIG", "(byte) CC"))
          .append(";\n");
      return;
    }
    if (type == Type.CHAR && random.nextInt(4) == 0) {
      out.append(indent).append(target).append(" = ").append(pick("K0", "CK", "BIG", "CC")).append(";\n");
      return;
    }
    out.append(indent).append(target).append(" = ").append(stored(type, 2).code).append(";\n");
  }

  private void compoundAssignment(String indent) {
    Type type = randomType();
    out.append(indent).append(compound(type, 2)).append(";\n");
  }

  /** A compound assignment {@code lvalue op= rhs} of the given type, at precedence ASSIGN. */
  private String compound(Type type, int budget) {
    String target = lvalue(type);
    if (type == Type.STRING) {
      return target + " += " + stored(randomType(), budget).code;
    }
    if (type == Type.BOOLEAN) {
      return target + " " + pick("&=", "|=", "^=") + " " + gen(Type.BOOLEAN, budget).code;
    }
    String[] ops = type.integral()
        ? new String[] {"+=", "-=", "*=", "/=", "%=", "<<=", ">>=", ">>>=", "&=", "|=", "^="}
        : new String[] {"+=", "-=", "*=", "/=", "%="};
    String op = pick(ops);
    if (op.equals("/=") || op.equals("%=")) {
      if (type.integral() && random.nextInt(4) != 0) {
        return target + " " + op + " " + divisor(pick(Type.INT, Type.LONG, Type.BYTE, Type.CHAR), budget).code;
      }
      return target + " " + op + " " + gen(pick(Type.FLOAT, Type.DOUBLE), budget).code;
    }
    Type rhs = op.startsWith("<<") || op.startsWith(">>") || op.equals("&=") || op.equals("|=") || op.equals("^=")
        ? pick(Type.INT, Type.INT, Type.LONG, Type.BYTE, Type.SHORT, Type.CHAR)
        : random.nextBoolean() ? Type.INT : pick(NUMERIC);
    return target + " " + op + " " + gen(rhs, budget).code;
  }

  private String increment(Type type) {
    String target = lvalue(type);
    switch (random.nextInt(4)) {
      case 0:
        return target + "++";
      case 1:
        return target + "--";
      case 2:
        return "++" + target;
      default:
        return "--" + target;
    }
  }

  private void callStatement(String indent) {
    switch (random.nextInt(5)) {
      case 0:
        out.append(indent).append("helper(").append(gen(Type.INT, 1).code).append(");\n");
        break;
      case 1:
        out.append(indent).append("y(").append(gen(randomType(), 2).code).append(");\n");
        break;
      case 2:
        out.append(indent).append("over(").append(gen(pick(Type.INT, Type.LONG, Type.STRING), 1).code).append(");\n");
        break;
      case 3:
        out.append(indent).append("t(\"c").append(steps++).append("\", ").append(gen(randomType(), 2).code)
            .append(");\n");
        break;
      default:
        out.append(indent).append("boxed(").append(holder()).append(").value").append(random.nextBoolean() ? "++" : "--")
            .append(";\n");
        break;
    }
  }

  private void declaration(String indent) {
    String name = "v" + counters++;
    switch (random.nextInt(5)) {
      case 0: {
        int value = random.nextInt(20) - 5;
        out.append(indent).append("final int ").append(name).append(" = ").append(value).append(";\n");
        vars.add(new Var(name, Type.INT, false, false));
        break;
      }
      case 1:
        out.append(indent).append(pick("byte", "short", "int", "long", "float", "double")).append(" ").append(name)
            .append(" = ").append(pick("K0", "K1", "NEG", "BIG", "CC")).append(";\n");
        out.append(indent).append("log.add(\"").append(name).append("=\" + ").append(name).append(");\n");
        break;
      case 2:
        out.append(indent).append("char ").append(name).append(" = ").append(pick("K0", "CK", "BIG", "CC")).append(";\n");
        vars.add(new Var(name, Type.CHAR, true, false));
        break;
      default: {
        Type type = randomType();
        boolean constant = random.nextInt(4) == 0;
        out.append(indent).append(constant ? "final " : "").append(type.java).append(" ").append(name)
            .append(" = ").append(gen(type, 2).code).append(";\n");
        vars.add(new Var(name, type, !constant && type != Type.STRING, false));
        break;
      }
    }
  }

  private void referenceStatement(String indent) {
    switch (random.nextInt(6)) {
      case 0:
        out.append(indent).append("arr").append(random.nextInt(2)).append(" = new int[] {").append(gen(Type.INT, 1).code)
            .append(random.nextBoolean() ? ", " + gen(Type.INT, 1).code : "").append("};\n");
        break;
      case 1:
        out.append(indent).append("arr").append(random.nextInt(2)).append(" = ints(").append(gen(Type.INT, 1).code)
            .append(");\n");
        break;
      case 2:
        out.append(indent).append("arr").append(random.nextInt(2)).append(" = new int[1 + (")
            .append(operand(gen(Type.INT, 1), BAND)).append(" & 3)];\n");
        break;
      case 3:
        out.append(indent).append("oa0 = ").append(pick("arr0", "arr1", "(Object) arr0")).append(";\n");
        break;
      case 4:
        noStrings++;
        out.append(indent).append("o0 = ").append(objectExpression(2)).append(";\n");
        noStrings--;
        break;
      default:
        if (listLoops > 0) {
          out.append(indent).append("log.add(\"list \" + list0.get(").append(listIndex()).append("));\n");
        } else {
          out.append(indent).append("if (list0.size() < 6) list0.add(").append(gen(Type.INT, 2).code).append(");\n");
        }
        break;
    }
  }

  private void divisionByZero(int level) {
    String indent = indent(level);
    String name = "e" + counters++;
    out.append(indent).append("try {\n");
    String zero = pick("(" + operand(gen(Type.INT, 1), BAND) + " & 0)", "y(0)", "(K0 - K0)", "0");
    switch (random.nextInt(3)) {
      case 0:
        out.append(indent(level + 1)).append(variable(Type.INT, true)).append(" = ")
            .append(operand(gen(Type.INT, 1), MUL)).append(random.nextBoolean() ? " / " : " % ").append(zero)
            .append(";\n");
        break;
      case 1:
        out.append(indent(level + 1)).append(lvalue(Type.INT)).append(random.nextBoolean() ? " /= " : " %= ")
            .append(zero).append(";\n");
        break;
      default:
        out.append(indent(level + 1)).append("l0 /= ").append(zero).append(";\n");
        break;
    }
    out.append(indent(level + 1)).append("log.add(\"unreached\");\n");
    out.append(indent).append("} catch (ArithmeticException ").append(name).append(") {\n");
    out.append(indent(level + 1)).append("log.add(\"div \" + ").append(name).append(".getMessage());\n");
    out.append(indent).append("}\n");
  }

  private void ifStatement(int level) {
    String indent = indent(level);
    out.append(indent).append("if (").append(gen(Type.BOOLEAN, 2).code).append(") {\n");
    block(level + 1, 1 + random.nextInt(2));
    int shape = random.nextInt(3);
    if (shape == 0) {
      out.append(indent).append("}\n");
    } else if (shape == 1) {
      out.append(indent).append("} else {\n");
      block(level + 1, 1 + random.nextInt(2));
      out.append(indent).append("}\n");
    } else {
      out.append(indent).append("} else if (").append(gen(Type.BOOLEAN, 2).code).append(") {\n");
      block(level + 1, 1);
      out.append(indent).append("} else {\n");
      block(level + 1, 1);
      out.append(indent).append("}\n");
    }
  }

  private void forLoop(int level) {
    String counter = "c" + counters++;
    String indent = indent(level);
    out.append(indent).append("for (int ").append(counter).append(" = 0; ").append(counter).append(" < ")
        .append(1 + random.nextInt(3)).append("; ").append(counter).append(random.nextBoolean() ? "++" : " += 1")
        .append(") {\n");
    loopBody(level + 1, counter, null, true);
    out.append(indent).append("}\n");
  }

  private void labeledLoops(int level) {
    String label = "outer" + labels++;
    String outerCounter = "c" + counters++;
    String innerCounter = "c" + counters++;
    String indent = indent(level);
    out.append(indent).append(label).append(": for (int ").append(outerCounter).append(" = 0; ").append(outerCounter)
        .append(" < 3; ").append(outerCounter).append("++) {\n");
    out.append(indent(level + 1)).append("for (int ").append(innerCounter).append(" = 0; ").append(innerCounter)
        .append(" < 3; ").append(innerCounter).append("++) {\n");
    loopBody(level + 2, innerCounter, label, true);
    out.append(indent(level + 1)).append("}\n");
    out.append(indent).append("}\n");
  }

  private void whileLoop(int level) {
    String counter = "c" + counters++;
    String indent = indent(level);
    out.append(indent).append("int ").append(counter).append(" = 0;\n");
    out.append(indent).append("while (").append(counter).append("++ < ").append(1 + random.nextInt(3))
        .append(" && ").append(exitCondition()).append(") {\n");
    loopBody(level + 1, counter, null, true);
    out.append(indent).append("}\n");
  }

  private void doLoop(int level) {
    String counter = "r" + counters++;
    String indent = indent(level);
    out.append(indent).append("int ").append(counter).append(" = 0;\n");
    out.append(indent).append("do {\n");
    out.append(indent(level + 1)).append(counter).append("++;\n");
    loopBody(level + 1, counter, null, false);
    out.append(indent(level + 1)).append("if (").append(exitCondition()).append(") continue;\n");
    block(level + 1, random.nextInt(2));
    out.append(indent).append("} while (").append(counter).append(" < ").append(1 + random.nextInt(3)).append(" && ")
        .append(exitCondition()).append(");\n");
  }

  /** do { try { work; maybe throw; break; } catch (Boom e) { log; continue; } } while (++r < n). */
  private void retryLoop(int level) {
    String counter = "r" + counters++;
    String error = "e" + counters++;
    String indent = indent(level);
    out.append(indent).append("int ").append(counter).append(" = 0;\n");
    out.append(indent).append("do {\n");
    out.append(indent(level + 1)).append("log.add(\"attempt \" + ").append(counter).append(");\n");
    out.append(indent(level + 1)).append("try {\n");
    block(level + 2, 1 + random.nextInt(2));
    out.append(indent(level + 2)).append("if (").append(gen(Type.BOOLEAN, 1).code).append(") throw new Boom(")
        .append(gen(Type.INT, 1).code).append(");\n");
    out.append(indent(level + 2)).append("break;\n");
    out.append(indent(level + 1)).append("} catch (Boom ").append(error).append(") {\n");
    out.append(indent(level + 2)).append("log.add(\"retry \" + ").append(error).append(".getMessage());\n");
    out.append(indent(level + 2)).append("continue;\n");
    out.append(indent(level + 1)).append("}\n");
    out.append(indent).append("} while (").append(random.nextBoolean() ? "++" + counter + " < 3" : counter + "++ < 2")
        .append(");\n");
  }

  private void forEach(int level) {
    String name = "v" + counters++;
    String indent = indent(level);
    boolean overList = false;
    Type elementType = Type.INT;
    boolean boxed = false;
    String header;
    switch (random.nextInt(8)) {
      case 0:
        header = pick("int", "final int", "long") + " " + name + " : " + pick("arr0", "arr1");
        break;
      case 1:
        header = "int " + name + " : (int[]) " + pick("oa0", "t(\"oa\", o0 instanceof String ? oa0 : arr0)");
        break;
      case 2:
        header = "int " + name + " : " + operand(gen(Type.BOOLEAN, 1), OR) + " ? " + pick("arr0", "t(\"a\", arr0)")
            + " : arr1";
        break;
      case 3:
        header = "int " + name + " : ints(" + gen(Type.INT, 1).code + ")";
        break;
      case 4:
        header = "int " + name + " : new int[] {" + gen(Type.INT, 1).code + ", " + gen(Type.INT, 1).code + "}";
        break;
      case 5: {
        String type = pick("long", "int", "Integer", "double");
        header = type + " " + name + " : " + pick("list0", "t(\"l\", list0)");
        overList = true;
        boxed = type.equals("Integer");
        break;
      }
      case 6:
        header = "char " + name + " : (\"ab\" + " + operand(gen(Type.CHAR, 1), ADD + 1) + ").toCharArray()";
        elementType = Type.CHAR;
        break;
      default:
        header = "long " + name + " : " + pick("arr0", "ints(" + gen(Type.INT, 1).code + ")");
        break;
    }
    if (header.startsWith("long ")) {
      elementType = Type.LONG;
    } else if (header.startsWith("double ")) {
      elementType = Type.DOUBLE;
    }
    out.append(indent).append("for (").append(header).append(") {\n");
    int mark = vars.size();
    vars.add(new Var(name, elementType, false, boxed));
    if (overList) {
      listLoops++;
    }
    loopBody(level + 1, name, null, true);
    if (overList) {
      listLoops--;
    }
    vars.remove(mark);
    out.append(indent).append("}\n");
  }

  private void loopBody(int level, String counter, String outerLabel, boolean exits) {
    String indent = indent(level);
    out.append(indent).append("log.add(\"").append(counter).append("=\" + ").append(counter).append(");\n");
    block(level, 1 + random.nextInt(2));
    if (!exits) {
      return;
    }
    int exit = random.nextInt(5);
    String target = outerLabel != null && random.nextBoolean() ? " " + outerLabel : "";
    if (exit == 0) {
      out.append(indent).append("if (").append(exitCondition()).append(") break").append(target).append(";\n");
    } else if (exit == 1) {
      out.append(indent).append("if (").append(exitCondition()).append(") continue").append(target).append(";\n");
    }
  }

  /**
   * The condition of a loop's {@code break} or {@code continue}. Never a constant expression:
   * javac 17 itself emits unverifiable bytecode for some loops left by {@code if (true | false)
   * continue;} (a javac bug, not the processor's), so a constant is wrapped in {@code t(...)}.
   */
  private String exitCondition() {
    String code = operand(gen(Type.BOOLEAN, 1), AND + 1);
    String stripped = code.replaceAll("\"([^\"\\\\]|\\\\.)*\"|'([^'\\\\]|\\\\.)*'", "");
    java.util.regex.Matcher names = java.util.regex.Pattern.compile("(?<![\\w.])[A-Za-z_$][\\w$]*").matcher(stripped);
    while (names.find()) {
      String name = names.group();
      if (!CONSTANT_NAMES.contains(name) && !(vars.stream().anyMatch(v -> v.name.equals(name) && !v.writable)
          && name.startsWith("v") && !name.equals("a"))) {
        return code;
      }
    }
    return "t(\"k" + steps++ + "\", " + code + ")";
  }

  private static final java.util.Set<String> CONSTANT_NAMES = new java.util.HashSet<>(java.util.Arrays.asList("true",
      "false", "K0", "K1", "LK", "CK", "SK", "NEG", "BIG", "LNEG", "CC", "CS", "Integer", "Long", "Float", "Double", "byte", "short", "char", "int", "long",
      "float", "double", "boolean", "String"));

  private void labeledBlock(int level) {
    String label = "block" + labels++;
    String indent = indent(level);
    out.append(indent).append(label).append(": {\n");
    block(level + 1, 1);
    out.append(indent(level + 1)).append("if (").append(gen(Type.BOOLEAN, 1).code).append(") break ").append(label)
        .append(";\n");
    block(level + 1, 1);
    out.append(indent).append("}\n");
  }

  private void switchStatement(int level) {
    String indent = indent(level);
    List<String> cases = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    String selector;
    switch (random.nextInt(5)) {
      case 0:
      case 1:
        selector = operand(gen(Type.INT, 1), BAND + 1) + " & " + pick("3", "7");
        addCase(cases, values, "0", 0);
        addCase(cases, values, "1", 1);
        addCase(cases, values, "2", 2);
        if (CONSTANT_CASE_LABELS) {
          addCase(cases, values, "K0", k0);
          addCase(cases, values, "K0 + 1", k0 + 1);
          addCase(cases, values, "K1", k1);
        }
        break;
      case 2:
        selector = pick("(char) ('a' + (" + operand(gen(Type.INT, 1), BAND) + " & 3))", "ch0", "y(CK)", "CK");
        addCase(cases, values, "'a'", (int) 'a');
        addCase(cases, values, "'a' + 1", 'a' + 1);
        if (CONSTANT_CASE_LABELS) {
          addCase(cases, values, "CK", (int) ck);
        }
        addCase(cases, values, "'\\u0063'", (int) 'c');
        break;
      case 3:
        selector = pick("(byte) (" + operand(gen(Type.INT, 1), BAND) + " & 3)", "b0", "y(b0)");
        addCase(cases, values, "0", 0);
        addCase(cases, values, "-1", -1);
        if (CONSTANT_CASE_LABELS) {
          addCase(cases, values, "K1", k1);
          addCase(cases, values, "K0", k0);
        }
        addCase(cases, values, "1", 1);
        break;
      default:
        selector = pick("\"k\" + (" + operand(gen(Type.INT, 1), BAND) + " & 3)", "y(SK)", "str0", "over(\"k\")");
        addCase(cases, values, "\"k0\"", "k0");
        addCase(cases, values, "\"k\" + 1", "k1");
        if (CONSTANT_CASE_LABELS) {
          addCase(cases, values, "SK", "k2");
        }
        addCase(cases, values, "\"k!\"", "k!");
        break;
    }
    out.append(indent).append("switch (").append(selector).append(") {\n");
    int groups = Math.min(cases.size(), 2 + random.nextInt(3));
    for (int i = 0; i < groups; i++) {
      int pickIndex = random.nextInt(cases.size());
      out.append(indent(level + 1)).append("case ").append(cases.remove(pickIndex)).append(":\n");
      values.remove(pickIndex);
      group(level + 2);
      if (random.nextBoolean()) {
        out.append(indent(level + 2)).append("break;\n");
      }
    }
    if (random.nextInt(3) != 0) {
      out.append(indent(level + 1)).append("default:\n");
      group(level + 2);
    }
    out.append(indent).append("}\n");
  }

  /**
   * One statement of a switch group, in braces when it declares a local in the switch block:
   * javac 17 emits unverifiable bytecode for locals declared in a switch group after a do/while
   * whose condition is reached only by {@code continue} (a javac bug, with {@code -proc:none} too).
   */
  private void group(int level) {
    int start = out.length();
    block(level, 1);
    String text = out.substring(start);
    if (java.util.regex.Pattern.compile("(?m)^" + indent(level) + "((final )?[\\w<>]+ \\w+ = |if \\(!\\(|record |enum |interface )")
        .matcher(text).find()) {
      out.setLength(start);
      out.append(indent(level)).append("{\n");
      for (String line : text.split("\n")) {
        out.append("  ").append(line).append("\n");
      }
      out.append(indent(level)).append("}\n");
    }
  }

  private static void addCase(List<String> cases, List<Object> values, String label, Object value) {
    if (!values.contains(value)) {
      cases.add(label);
      values.add(value);
    }
  }

  private void tryStatement(int level) {
    String indent = indent(level);
    out.append(indent).append("try {\n");
    block(level + 1, 1 + random.nextInt(2));
    out.append(indent(level + 1)).append("if (").append(gen(Type.BOOLEAN, 1).code).append(") throw new Boom(")
        .append(gen(Type.INT, 1).code).append(");\n");
    boolean caught = random.nextBoolean();
    if (caught) {
      String name = "e" + counters++;
      out.append(indent).append("} catch (").append(pick("Boom", "Boom | ArithmeticException", "RuntimeException"))
          .append(" ").append(name).append(") {\n");
      out.append(indent(level + 1)).append("log.add(\"caught \" + ").append(name).append(".getMessage());\n");
      block(level + 1, random.nextInt(2));
    }
    if (!caught || random.nextBoolean()) {
      out.append(indent).append("} finally {\n");
      out.append(indent(level + 1)).append("log.add(\"finally ").append(steps++).append("\");\n");
      block(level + 1, random.nextInt(2));
    }
    out.append(indent).append("}\n");
  }

  private void anonymousStatement(String indent) {
    if (!ANONYMOUS_CLASSES) {
      out.append(indent).append("x0 += ").append(gen(Type.INT, 2).code).append(";\n");
      return;
    }
    String name = "v" + counters++;
    out.append(indent).append("Shape ").append(name).append(" = ").append(anonymous()).append(";\n");
    out.append(indent).append("log.add(\"area \" + ").append(name).append(".area() + \" \" + ").append(name)
        .append(".size);\n");
  }

  private String anonymous() {
    List<String> captured = new ArrayList<>();
    for (Var v : vars) {
      if (!v.writable && v.type == Type.INT && !v.boxed) {
        captured.add(v.name);
      }
    }
    String capture = captured.get(random.nextInt(captured.size()));
    return "new Shape(" + gen(Type.INT, 2).code + ") { public int area() { return size * " + (2 + random.nextInt(3))
        + " + " + capture + "; } }";
  }

  // ---------------------------------------------------------------- modern shapes

  /** A switch selector with its candidate case labels (deduplicated by value). */
  private static final class Selector {
    String code;
    final List<String> labels = new ArrayList<>();
    final List<Object> values = new ArrayList<>();
    /** An enum selector: its labels are all its constants, so covering them all is exhaustive. */
    boolean enumeration;
  }

  /**
   * A selector of {@code kind} (0 int, 1 char, 2 String, 3 the class's enum, 4 a local enum in
   * scope; -1 any), suspending at random.
   */
  private Selector selector(int b, int kind) {
    Selector s = new Selector();
    if (kind < 0) {
      kind = random.nextInt(enums.isEmpty() ? 4 : 5);
    }
    if (kind == 4 && enums.isEmpty()) {
      kind = 3;
    }
    switch (kind) {
      case 0:
        s.code = pick(operand(gen(Type.INT, b), BAND + 1) + " & 3", operand(gen(Type.INT, b), MUL) + " % 4",
            "Math.floorMod(" + unboxed(gen(Type.INT, b)) + ", 6) + NEG", "helper(" + gen(Type.INT, b).code + ") & 3");
        addCase(s.labels, s.values, "0", 0);
        addCase(s.labels, s.values, "1", 1);
        addCase(s.labels, s.values, "NEG", -3);
        addCase(s.labels, s.values, "NEG + 1", -2);
        addCase(s.labels, s.values, "-1", -1);
        addCase(s.labels, s.values, "2", 2);
        addCase(s.labels, s.values, "K0", k0);
        addCase(s.labels, s.values, "K0 + 1", k0 + 1);
        addCase(s.labels, s.values, "3", 3);
        addCase(s.labels, s.values, "BIG", 100);
        addCase(s.labels, s.values, "PK", 4); // a class constant that is not private: qualified
        addCase(s.labels, s.values, "K1", k1);
        break;
      case 1:
        s.code = pick("(char) ('a' + (" + operand(gen(Type.INT, b), BAND) + " & 3))", "ch0", "y(CK)", "CC",
            "t(\"ch\", CK)");
        addCase(s.labels, s.values, "'a'", (int) 'a');
        addCase(s.labels, s.values, "CC", (int) 'd');
        addCase(s.labels, s.values, "'a' + 1", 'a' + 1);
        addCase(s.labels, s.values, "CK", (int) ck);
        addCase(s.labels, s.values, "'\\u0063'", (int) 'c');
        break;
      case 2:
        s.code = pick("\"k\" + (" + operand(gen(Type.INT, b), BAND) + " & 3)", "y(SK)", "str0", "over(\"k\")", "CS",
            "t(\"cs\", CS)");
        addCase(s.labels, s.values, "\"k0\"", "k0");
        addCase(s.labels, s.values, "CS", "k1");
        addCase(s.labels, s.values, "SK", "k2");
        addCase(s.labels, s.values, "\"k\" + 1", "k1");
        addCase(s.labels, s.values, "\"k!\"", "k!");
        addCase(s.labels, s.values, "\"k3\"", "k3");
        break;
      case 3: {
        boolean gear = PRIVATE_CLASSES && random.nextBoolean(); // the private enum, or the public one
        s.code = gear
            ? pick("gear(" + gen(Type.INT, b).code + ")", "Gear.values()[Math.floorMod(" + unboxed(gen(Type.INT, b))
                + ", 3)]", "y(Gear.HIGH)", "t(\"ge\", Gear.LOW)", "Gear.valueOf(\"MID\")")
            : pick("color(" + gen(Type.INT, b).code + ")", "Color.values()[Math.floorMod(" + unboxed(gen(Type.INT, b))
                + ", 3)]", "y(Color.BLUE)", "t(\"co\", Color.GREEN)", "boxed(h0).value > 0 ? Color.RED : Color.GREEN");
        s.enumeration = true;
        for (String c : gear ? new String[] {"LOW", "MID", "HIGH"} : new String[] {"RED", "GREEN", "BLUE"}) {
          addCase(s.labels, s.values, c, c);
        }
        break;
      }
      default: {
        String[] e = enums.get(random.nextInt(enums.size()));
        int n = e.length - 2;
        if (LOCAL_ENUM_SUSPENDING_SELECTORS) {
          s.code = e[1] != null && random.nextBoolean() ? pick(e[1], "y(" + e[1] + ")")
              : pick(e[0] + ".values()[Math.floorMod(" + unboxed(gen(Type.INT, b)) + ", " + n + ")]", "y(" + e[0] + "."
                  + e[2] + ")");
        } else {
          s.code = e[1] != null && random.nextBoolean() ? e[1]
              : pick(e[0] + ".values()[Math.floorMod(" + unboxed(leaf(Type.INT)) + ", " + n + ")]", e[0] + "." + e[2]);
        }
        s.enumeration = true;
        for (int i = 2; i < e.length; i++) {
          addCase(s.labels, s.values, e[i], e[i]);
        }
        break;
      }
    }
    return s;
  }

  /** Case label groups for a switch: each one or two labels, in random order; null stands for default. */
  private List<String> labelGroups(Selector s, boolean classic, boolean mayCoverAll) {
    List<String> labels = new ArrayList<>(s.labels);
    java.util.Collections.shuffle(labels, random);
    boolean all = s.enumeration && mayCoverAll && random.nextBoolean();
    int take = all ? labels.size() : Math.min(labels.size(), 1 + random.nextInt(4));
    List<String> groups = new ArrayList<>();
    int i = 0;
    while (i < take) {
      int n = i + 1 < take && random.nextInt(3) == 0 ? 2 : 1;
      String group = labels.get(i) + (n == 2 ? (classic && random.nextBoolean() ? ": case " : ", ") + labels.get(i + 1)
          : "");
      groups.add(group);
      i += n;
    }
    if (!all) {
      groups.add(random.nextInt(groups.size() + 1), null);
    }
    return groups;
  }

  /** Simple statements for the inside of a switch expression, on one line (no return, no jumps out). */
  private String inlineStatements(int n) {
    int start = out.length();
    int[] mark = mark();
    depth += 4;
    noReturn++;
    for (int i = 0; i < n; i++) {
      statement(0);
    }
    noReturn--;
    depth -= 4;
    restore(mark);
    String text = out.substring(start);
    out.setLength(start);
    StringBuilder line = new StringBuilder();
    for (String part : text.split("\n")) {
      if (!part.trim().isEmpty()) {
        line.append(part.trim()).append(' ');
      }
    }
    // javac emits unverifiable bytecode for some locals declared in a classic switch expression's
    // group (as for switch statement groups, see group()): declarations go in braces
    if (java.util.regex.Pattern.compile("(?m)^(final )?[\\w<>]+ \\w+ = ").matcher(text.replaceAll("(?m)^ +", ""))
        .find()) {
      return "{ " + line + "} ";
    }
    return line.toString();
  }

  /** {@code yield v;} */
  private String yieldOf(Type type, int b) {
    // "yield (" reads as a call of a method named yield
    for (int i = 0; i < 8; i++) {
      String code = unboxed(gen(type, b));
      if (!code.startsWith("(")) {
        return "yield " + code + "; ";
      }
    }
    return "yield " + variable(type, false) + "; ";
  }

  /**
   * The statements of a switch expression's block arm, never completing normally. Conditions are
   * never constants: javac 17 reports "Internal error: stack sim error" (with -proc:none too) for
   * {@code log.add("s " + switch (x) { default -> { if (true) throw new RuntimeException(); yield 1; } });}.
   */
  private String armBlock(Type type, int b, boolean mayThrow) {
    int shape = random.nextInt(mayThrow ? 7 : 6);
    if (noTry > 0 && (shape == 3 || shape == 4)) {
      shape = 2;
    }
    switch (shape) {
      case 0:
      case 1:
        return inlineStatements(1 + random.nextInt(2)) + yieldOf(type, b);
      case 2:
        return "if (" + exitCondition() + ") " + yieldOf(type, b) + inlineStatements(random.nextInt(2))
            + yieldOf(type, b);
      case 3:
        return "try { " + inlineStatements(random.nextInt(2)) + yieldOf(type, b) + "} finally { log.add(\"f" + steps++
            + "\"); " + (random.nextBoolean() ? "y(" + gen(Type.INT, 1).code + "); " : inlineStatements(1)) + "} ";
      case 4: {
        String ex = "e" + counters++;
        return "try { if (" + exitCondition() + ") throw new Boom(" + gen(Type.INT, b).code + "); "
            + inlineStatements(random.nextInt(2)) + yieldOf(type, b) + "} catch (Boom " + ex + ") { log.add(\"sc \" + "
            + ex + ".getMessage()); " + yieldOf(type, b) + "} ";
      }
      case 5:
        return "if (" + exitCondition() + ") { " + inlineStatements(1) + yieldOf(type, b) + "} else { "
            + yieldOf(type, b) + "} ";
      default:
        return inlineStatements(1) + "throw new Boom(" + gen(Type.INT, b).code + "); ";
    }
  }

  /** A switch expression of exactly {@code type}; {@code kind} as for {@link #selector}. */
  private E switchExpression(Type type, int b, int kind) {
    switchNesting++;
    Selector s = selector(b, kind);
    boolean classic = random.nextInt(3) == 0;
    List<String> groups = labelGroups(s, classic, true);
    StringBuilder code = new StringBuilder("switch (").append(s.code).append(") { ");
    boolean valued = false;
    for (int i = 0; i < groups.size(); i++) {
      String group = groups.get(i);
      boolean last = i == groups.size() - 1;
      // a throwing arm only once a value has been given or one can still follow
      boolean mayThrow = valued || !last;
      code.append(group == null ? "default" : "case " + group);
      if (!classic) {
        code.append(" -> ");
        int arm = random.nextInt(mayThrow ? 6 : 5);
        if (arm < 3) {
          code.append(unboxed(gen(type, b))).append("; ");
          valued = true;
        } else if (arm < 5) {
          code.append("{ ").append(armBlock(type, b, false)).append("} ");
          valued = true;
        } else {
          code.append("throw new Boom(").append(gen(Type.INT, b).code).append("); ");
        }
      } else {
        code.append(": ");
        int arm = random.nextInt(last ? 4 : 5);
        if (arm == 4) {
          // falls through into the next group
          code.append(inlineStatements(1));
        } else if (arm == 3 && mayThrow) {
          code.append(armBlock(type, b, true));
        } else if (arm == 2) {
          code.append("{ ").append(armBlock(type, b, false)).append("} ");
          valued = true;
        } else {
          code.append(armBlock(type, b, false));
          valued = true;
        }
      }
    }
    code.append("}");
    switchNesting--;
    return new E(code.toString(), type, UNARY, false);
  }

  /** A statement built around a switch expression. */
  private void switchExpressionStatement(String indent) {
    switch (random.nextInt(5)) {
      case 0:
      case 1: {
        Type type = randomType();
        String name = "v" + counters++;
        if (type == Type.STRING) {
          noStrings++;
        }
        E e = switchExpression(type, 2, -1);
        if (type == Type.STRING) {
          noStrings--;
        }
        out.append(indent).append(type.java).append(" ").append(name).append(" = ").append(e.code).append(";\n");
        vars.add(new Var(name, type, type != Type.STRING, false));
        break;
      }
      case 2: {
        Type type = randomType();
        String target = lvalue(type);
        if (type == Type.STRING) {
          noStrings++;
        }
        E e = switchExpression(type, 2, -1);
        if (type == Type.STRING) {
          noStrings--;
        }
        out.append(indent).append(target).append(" = ").append(e.code).append(";\n");
        break;
      }
      case 3:
        out.append(indent).append("log.add(\"sw").append(steps++).append(" \" + ")
            .append(operand(switchExpression(randomType(), 2, -1), ADD + 1)).append(");\n");
        break;
      default:
        noTry++;
        E sw = switchExpression(Type.INT, 1, -1);
        noTry--;
        out.append(indent).append(variable(Type.INT, true)).append(" += ")
            .append(operand(sw, MUL)).append(" * ").append(operand(gen(Type.INT, 1), MUL + 1))
            .append(";\n");
        break;
    }
  }

  /** A statement expression for a {@code case ->} arm. */
  private String statementExpression() {
    switch (random.nextInt(7)) {
      case 0:
        return compound(randomType(), 2);
      case 1:
        return "log.add(\"ar" + steps++ + " \" + " + operand(gen(randomType(), 2), ADD + 1) + ")";
      case 2:
        return "y(" + gen(randomType(), 2).code + ")";
      case 3:
        return "helper(" + gen(Type.INT, 1).code + ")";
      case 4:
        return increment(pick(NUMERIC));
      case 5: {
        Type type = randomType();
        return lvalue(type) + " = " + stored(type, 2).code;
      }
      default:
        return "t(\"ar" + steps++ + "\", " + gen(randomType(), 2).code + ")";
    }
  }

  /** {@code switch (s) { case A, B -> expr; case C -> { ... } case D -> throw ...; default -> ... }}. */
  private void arrowSwitch(int level) {
    arrowSwitch(level, -1);
  }

  private void arrowSwitch(int level, int kind) {
    String indent = indent(level);
    Selector s = selector(1, kind);
    List<String> groups = labelGroups(s, false, false);
    if (random.nextInt(3) == 0) {
      groups.remove(null);
    }
    out.append(indent).append("switch (").append(s.code).append(") {\n");
    boolean completes = false;
    for (int g = 0; g < groups.size(); g++) {
      String group = groups.get(g);
      out.append(indent(level + 1)).append(group == null ? "default" : "case " + group).append(" -> ");
      // with a default, one arm at least completes normally, or what follows is unreachable
      int arm = random.nextInt(!completes && g == groups.size() - 1 && groups.contains(null) ? 4 : 5);
      completes |= arm < 4;
      switch (arm) {
        case 0:
        case 1:
          out.append(statementExpression()).append(";\n");
          break;
        case 2:
        case 3:
          out.append("{\n");
          block(level + 2, 1 + random.nextInt(2));
          if (random.nextInt(3) == 0) {
            out.append(indent(level + 2)).append("if (").append(gen(Type.BOOLEAN, 1).code).append(") break;\n");
            block(level + 2, 1);
          }
          out.append(indent(level + 1)).append("}\n");
          break;
        default:
          out.append("throw new Boom(").append(gen(Type.INT, 1).code).append(");\n");
          break;
      }
    }
    out.append(indent).append("}\n");
  }

  /** What an instanceof pattern tests. */
  private String patternTarget(int b) {
    if (!PATTERN_OPERANDS_SUSPEND) {
      Type type = noStrings > 0 ? pick(Type.INT, Type.LONG) : randomType();
      return pick(noStrings > 0 ? "(Object) " + operand(leaf(Type.INT), UNARY, true) : "o0", "(Object) " + operand(leaf(type), UNARY, true),
          "t(\"o\", (Object) " + operand(leaf(type), UNARY, true) + ")");
    }
    if (noStrings > 0) {
      return pick("(Object) " + operand(gen(Type.INT, b), UNARY, true), "t(\"o\", (Object) "
          + operand(gen(pick(Type.INT, Type.LONG), b), UNARY, true) + ")");
    }
    return pick("o0", "y(o0)", "t(\"o\", o0)", "(Object) " + operand(gen(randomType(), b), UNARY, true),
        "y((Object) " + operand(gen(pick(Type.INT, Type.STRING), b), UNARY, true) + ")");
  }

  /** A condition with an instanceof pattern whose binding is used in the same condition. */
  private E patternCondition(int b) {
    String p = "p" + counters++;
    String target = patternTarget(b);
    String fin = random.nextInt(4) == 0 ? "final " : "";
    switch (random.nextInt(5)) {
      case 0:
        return new E("(" + target + " instanceof " + fin + "String " + p + " && " + p + ".length() > "
            + operand(gen(Type.INT, b), REL + 1) + ")", Type.BOOLEAN, PRIMARY, false);
      case 1:
        return new E("(" + target + " instanceof " + fin + "Integer " + p + " && " + p + " < "
            + operand(gen(Type.INT, b), REL + 1) + ")", Type.BOOLEAN, PRIMARY, false);
      case 2:
        return new E("(" + target + " instanceof " + fin + "Number " + p + " && " + p + ".intValue() != "
            + operand(gen(Type.INT, b), REL + 1) + ")", Type.BOOLEAN, PRIMARY, false);
      case 3:
        return new E("(!(" + target + " instanceof " + fin + "CharSequence " + p + ") || " + p + ".length() >= "
            + operand(gen(Type.INT, b), REL + 1) + ")", Type.BOOLEAN, PRIMARY, false);
      default:
        return new E("(" + target + " instanceof " + fin + "Comparable<?> " + p + " && " + p + ".hashCode() != "
            + operand(gen(Type.INT, b), REL + 1) + ")", Type.BOOLEAN, PRIMARY, false);
    }
  }

  /** {@code if (o instanceof T p && ...) { suspend; use p; ... }}. */
  private void patternIf(int level) {
    String indent = indent(level);
    String p = "p" + counters++;
    boolean string = random.nextBoolean();
    String target = patternTarget(1);
    out.append(indent).append("if (").append(target).append(" instanceof ").append(random.nextInt(4) == 0 ? "final " : "")
        .append(string ? "String " : "Integer ").append(p);
    if (random.nextBoolean()) {
      out.append(" && ").append(string ? p + ".length() > " : p + " != ").append(operand(gen(Type.INT, 1), REL + 1));
    }
    out.append(") {\n");
    int[] mark = mark();
    vars.add(new Var(p, string ? Type.STRING : Type.INT, false, !string));
    out.append(indent(level + 1)).append(pick("y(", "helper(", "t(\"pt\", ")).append(gen(Type.INT, 1).code).append(");\n");
    out.append(indent(level + 1)).append("log.add(\"pat \" + ").append(p).append(");\n");
    block(level + 1, 1 + random.nextInt(2));
    out.append(indent(level + 1)).append("x").append(random.nextInt(3)).append(" += ")
        .append(string ? p + ".length()" : p).append(";\n");
    restore(mark);
    if (random.nextBoolean()) {
      out.append(indent).append("} else {\n");
      block(level + 1, 1);
    }
    out.append(indent).append("}\n");
  }

  /** {@code if (!(o instanceof Integer n)) throw/return; ... n used after suspensions}. */
  private void negatedPattern(int level) {
    String indent = indent(level);
    String n = "n" + counters++;
    String target = random.nextInt(3) != 0 ? PATTERN_OPERANDS_SUSPEND ? pick("t(\"o\", (Object) ", "y((Object) ")
        + operand(gen(Type.INT, 1), UNARY, true) + ")" : "t(\"o\", (Object) " + operand(leaf(Type.INT), UNARY, true) + ")"
        : patternTarget(1);
    out.append(indent).append("if (!(").append(target).append(" instanceof Integer ").append(n).append(")) {\n");
    out.append(indent(level + 1)).append("log.add(\"not int\");\n");
    if (random.nextBoolean()) {
      out.append(indent(level + 1)).append("throw new Boom(").append(gen(Type.INT, 1).code).append(");\n");
    } else {
      out.append(indent(level + 1)).append("return ").append(gen(Type.INT, 1).code).append(";\n");
    }
    out.append(indent).append("}\n");
    out.append(indent).append("y(").append(n).append(");\n");
    out.append(indent).append("log.add(\"n \" + ").append(n).append(" * 2);\n");
    vars.add(new Var(n, Type.INT, false, true));
  }

  /** assert with suspensions in the condition and the detail. */
  /** An assert's detail. */
  private String detail(int b) {
    E e = gen(randomType(), b);
    for (int i = 0; i < 8 && !CONDITIONAL_ASSERT_DETAILS && e.prec == COND; i++) {
      e = gen(randomType(), b);
    }
    return !CONDITIONAL_ASSERT_DETAILS && e.prec == COND ? leaf(Type.INT).code : e.code;
  }

  private void assertStatement(int level) {
    String indent = indent(level);
    switch (random.nextInt(noTry > 0 ? 3 : 5)) {
      case 0:
        out.append(indent).append("assert ").append(gen(Type.BOOLEAN, 2).code).append(" : ")
            .append(detail(2)).append(";\n");
        break;
      case 1:
        out.append(indent).append("assert ").append(operand(gen(Type.BOOLEAN, 2), OR)).append(" || true : ")
            .append(detail(2)).append(";\n");
        break;
      case 2:
        out.append(indent).append("assert t(\"as").append(steps++).append("\", ").append(gen(Type.BOOLEAN, 1).code)
            .append(") | !false;\n");
        break;
      case 3: {
        String name = "e" + counters++;
        out.append(indent).append("try {\n");
        out.append(indent(level + 1)).append("assert ").append(gen(Type.BOOLEAN, 2).code).append(" : ")
            .append(detail(2)).append(";\n");
        out.append(indent(level + 1)).append("log.add(\"held\");\n");
        out.append(indent).append("} catch (AssertionError ").append(name).append(") {\n");
        out.append(indent(level + 1)).append("log.add(\"assert \" + ").append(name).append(".getMessage());\n");
        out.append(indent).append("}\n");
        break;
      }
      default:
        out.append(indent).append("assert ").append(operand(gen(Type.INT, 1), REL + 1)).append(" != ")
            .append(operand(gen(Type.INT, 1), REL + 1)).append(" || y(true) : ").append(detail(1))
            .append(";\n");
        break;
    }
  }

  /** Local records, enums and interfaces declared where the body suspends, used across suspensions. */
  private void localTypes(int level) {
    String indent = indent(level);
    String inner = indent(level + 1);
    int n = counters++;
    String rec = "R" + n;
    String en = "E" + n;
    String in = "I" + n;
    String q = "q" + n;
    String list = "lst" + n;
    switch (random.nextInt(4)) {
      case 0:
        out.append(indent).append("record ").append(rec).append("(int a, ").append(componentType())
            .append(" s) { int sum() { return a * 3 + ").append(componentLength("s")).append("; } }\n");
        out.append(indent).append(rec).append(" ").append(q).append(" = new ").append(rec).append("(")
            .append(gen(Type.INT, 2).code).append(", ").append(component(1)).append(");\n");
        out.append(indent).append(pick("y(", "helper(")).append(q).append(".a());\n");
        out.append(indent).append("log.add(\"rec \" + ").append(q).append(" + \" \" + ").append(q).append(".sum() + ")
            .append(q).append(".s());\n");
        intReads.add(q + ".a()");
        intReads.add(q + ".sum()");
        break;
      case 1:
        out.append(indent).append("record ").append(rec).append("(int a, ").append(componentType()).append(" s) {}\n");
        out.append(indent).append("List<").append(rec).append("> ").append(list).append(" = new ArrayList<>();\n");
        out.append(indent).append(list).append(".add(new ").append(rec).append("(").append(gen(Type.INT, 1).code)
            .append(", ").append(component(1)).append("));\n");
        out.append(indent).append(list).append(".add(new ").append(rec).append("(y(").append(gen(Type.INT, 1).code)
            .append("), ").append(LOCAL_RECORD_REFERENCE_COMPONENTS ? "SK" : "K1").append("));\n");
        out.append(indent).append("for (").append(rec).append(" ").append(q).append(" : ").append(LOCAL_TYPE_GENERIC_SUSPENSIONS ? pick(list, "y(" + list + ")") : list)
            .append(") {\n");
        out.append(inner).append("log.add(\"it \" + ").append(q).append(");\n");
        out.append(inner).append("x").append(random.nextInt(3)).append(" += y(").append(q).append(".a());\n");
        out.append(inner).append("if (").append(componentLength(q + ".s()")).append(" > ").append(pick("y(1)", "helper(0)", "1"))
            .append(") log.add(\"long \" + ").append(q).append(".s());\n");
        out.append(indent).append("}\n");
        out.append(indent).append("log.add(\"l \" + ").append(list).append(" + ").append(list).append(".size());\n");
        intReads.add(list + ".size()");
        intReads.add(list + ".get(0).a()");
        break;
      case 2: {
        out.append(indent).append("enum ").append(en).append(" { A, B, C; int w() { return ordinal() * 3 + 1; } }\n");
        out.append(indent).append(en).append(" ").append(q).append(" = ").append(en).append(".values()[Math.floorMod(")
            .append(unboxed(gen(Type.INT, 1))).append(", 3)];\n");
        out.append(indent).append("y(").append(q).append(".w());\n");
        out.append(indent).append("log.add(\"en \" + ").append(q).append(" + ").append(q).append(".ordinal());\n");
        enums.add(new String[] {en, q, "A", "B", "C"});
        intReads.add(q + ".w()");
        if (random.nextBoolean()) {
          out.append(indent).append("log.add(\"es \" + ").append(operand(switchExpression(randomType(), 1, 4), ADD + 1))
              .append(");\n");
        } else {
          arrowSwitch(level, 4);
        }
        out.append(indent).append("for (").append(en).append(" u").append(n).append(" : ").append(en)
            .append(".values()) {\n");
        out.append(inner).append("if (u").append(n).append(" == ").append(q).append(") log.add(\"same \" + u").append(n)
            .append(");\n");
        out.append(inner).append("x").append(random.nextInt(3)).append(" += y(u").append(n).append(".w());\n");
        out.append(indent).append("}\n");
        break;
      }
      default: {
        out.append(indent).append("interface ").append(in).append(" { int f(int v); default String tag() { return \"I\" + f(0); } }\n");
        out.append(indent).append("record ").append(rec).append("(int a) implements ").append(in)
            .append(" { public int f(int v) { return a * 2 + v; } }\n");
        out.append(indent).append("enum ").append(en).append(" implements ").append(in)
            .append(" { A, B; public int f(int v) { return ordinal() - v; } }\n");
        out.append(indent).append("List<").append(in).append("> ").append(list).append(" = new ArrayList<>(Arrays.asList(new ")
            .append(rec).append("(").append(gen(Type.INT, 1).code).append("), ").append(en).append(".B, new ").append(rec)
            .append("(y(").append(gen(Type.INT, 1).code).append("))));\n");
        out.append(indent).append("for (").append(in).append(" i").append(n).append(" : ").append(list).append(") {\n");
        out.append(inner).append("x").append(random.nextInt(3)).append(" += i").append(n).append(".f(helper(")
            .append(gen(Type.INT, 1).code).append("));\n");
        out.append(inner).append("log.add(i").append(n).append(".tag() + \" \" + i").append(n).append(");\n");
        out.append(indent).append("}\n");
        out.append(indent).append(in).append(" ").append(q).append(" = ").append(list).append(".get(Math.floorMod(")
            .append(unboxed(gen(Type.INT, 1))).append(", ").append(list).append(".size()));\n");
        out.append(indent).append("y(").append(q).append(".f(1));\n");
        out.append(indent).append("log.add(\"if \" + ").append(q).append(".tag());\n");
        intReads.add(q + ".f(" + random.nextInt(5) + ")");
        enums.add(new String[] {en, null, "A", "B"});
        break;
      }
    }
  }

  private String componentType() {
    return LOCAL_RECORD_REFERENCE_COMPONENTS ? "String" : "int";
  }

  private String componentLength(String component) {
    return LOCAL_RECORD_REFERENCE_COMPONENTS ? component + ".length()" : component;
  }

  private String component(int b) {
    return LOCAL_RECORD_REFERENCE_COMPONENTS ? stored(Type.STRING, b).code : gen(Type.INT, b).code;
  }

  /** Calls with explicit type arguments whose arguments suspend, of type int. */
  private E typeArgumentsInt(int b) {
    switch (random.nextInt(6)) {
      case 0:
        return new E("Collections.<Integer>max(Arrays.asList(" + gen(Type.INT, b).code + ", " + gen(Type.INT, b).code + "))",
            Type.INT, PRIMARY, true);
      case 1:
        return new E("Collections.<Integer>min(Arrays.<Integer>asList(" + gen(Type.INT, b).code + ", "
            + gen(Type.INT, b).code + ", " + gen(Type.INT, b).code + "))", Type.INT, PRIMARY, true);
      case 2:
        return new E("Arrays.<Object>asList(" + gen(randomType(), b).code + ", " + gen(randomType(), b).code + ").size()",
            Type.INT, PRIMARY, false);
      case 3:
        if (GENERIC_COROUTINE_CALLS) {
          return new E(CLASS + ".<Integer>same(" + gen(Type.INT, b).code + ")", Type.INT, PRIMARY, true);
        }
        return new E("Objects.<Integer>requireNonNull(" + gen(Type.INT, b).code + ")", Type.INT, PRIMARY, true);
      case 4:
        return new E(CLASS + ".<Integer>y(" + gen(Type.INT, b).code + ")", Type.INT, PRIMARY, true);
      default:
        return new E("Objects.<Integer>requireNonNull(" + gen(Type.INT, b).code + ")", Type.INT, PRIMARY, true);
    }
  }

  /** Calls with explicit type arguments whose arguments suspend, of type String. */
  private E typeArgumentsString(int b) {
    switch (random.nextInt(4)) {
      case 0:
        return new E("String.valueOf(Arrays.<Object>asList(" + gen(randomType(), b).code + ", " + gen(randomType(), b).code
            + "))", Type.STRING, PRIMARY, false);
      case 1:
        if (GENERIC_COROUTINE_CALLS) {
          return new E(CLASS + ".<String>same(" + gen(Type.STRING, b).code + ")", Type.STRING, PRIMARY, false);
        }
        return new E(CLASS + ".<String>y(" + gen(Type.STRING, b).code + ")", Type.STRING, PRIMARY, false);
      case 2:
        return new E(CLASS + ".<String>y(" + gen(Type.STRING, b).code + ")", Type.STRING, PRIMARY, false);
      default:
        return new E("Objects.<String>requireNonNullElse(" + gen(Type.STRING, b).code + ", \"n\")", Type.STRING, PRIMARY,
            false);
    }
  }

  // ---------------------------------------------------------------- expressions

  /** An expression of exactly {@code type} (after unboxing), made of at most about 2^budget leaves. */
  private E gen(Type type, int budget) {
    if (budget <= 0 || random.nextInt(6) == 0) {
      return leaf(type);
    }
    int b = budget - 1;
    if (SWITCH_EXPRESSIONS && !prologue && noDeclarations == 0 && switchNesting < 2 && random.nextInt(switchNesting == 0 ? 40 : 80) == 0) {
      noTry++;
      E e = switchExpression(type, b, -1);
      noTry--;
      return e;
    }
    switch (random.nextInt(12)) {
      case 0:
        return leaf(type);
      case 1:
      case 2:
        return suspend(type, b);
      case 3: {
        E c = gen(Type.BOOLEAN, b);
        E x = gen(type, b);
        E z = gen(type, b);
        String condition = operand(c, OR);
        if (c.code.startsWith("switch (") && (x.code.contains("switch (") || z.code.contains("switch ("))) {
          // javac 17 emits a bad StackMapTable (with -proc:none too) for a switch expression with a
          // throwing arm as the condition of a conditional whose branch is a switch expression
          condition = "t(\"sc\", " + c.code + ")";
        }
        return new E(condition + " ? " + operand(x, COND) + " : " + operand(z, COND), type, COND,
            x.boxed && z.boxed);
      }
      case 4:
        if (ASSIGNMENT_EXPRESSIONS && type != Type.STRING && !prologue) {
          return random.nextBoolean() ? new E(lvalue(type) + " = " + stored(type, b).code, type, ASSIGN, false)
              : new E(compound(type, b), type, ASSIGN, false);
        }
        return leaf(type);
      default:
        return specific(type, b);
    }
  }

  /** y(e), t(step, e) or a coroutine call returning {@code type}. */
  private E suspend(Type type, int b) {
    switch (random.nextInt(4)) {
      case 0:
      case 1:
        return new E("y(" + gen(type, b).code + ")", type, PRIMARY, type != Type.STRING);
      case 2:
        return new E("t(\"e" + steps++ + "\", " + gen(type, b).code + ")", type, PRIMARY, type != Type.STRING);
      default:
        if (type == Type.INT && PRIVATE_MEMBERS && !prologue && random.nextInt(3) == 0) {
          switch (random.nextInt(4)) {
            case 0:
              return new E(holder() + ".twist(" + gen(intLike(), b).code + ")", type, PRIMARY, false);
            case 1:
              return new E("Holder.mix(" + gen(intLike(), b).code + ", " + gen(Type.LONG, b).code + ")", type, PRIMARY, false);
            case 2: // method references to private methods: lambdas calling their accessors
              return new E("((java.util.function.IntBinaryOperator) Holder::mix).applyAsInt(" + gen(intLike(), b).code
                  + ", " + gen(intLike(), b).code + ")", type, PRIMARY, false);
            default:
              return new E("((java.util.function.ToIntBiFunction<Holder, Integer>) Holder::twist).applyAsInt(" + holder()
                  + ", " + gen(Type.INT, b).code + ")", type, PRIMARY, false);
          }
        }
        if (type == Type.INT && PRIVATE_CLASSES && !prologue && random.nextInt(3) == 0) {
          switch (random.nextInt(5)) {
            case 0:
              return new E("vault0.turn(" + gen(intLike(), b).code + ")", type, PRIMARY, false);
            case 1:
              return new E("Vault.of(" + gen(intLike(), b).code + ").turn(" + gen(intLike(), b).code + ")", type, PRIMARY, false);
            case 2:
              return new E("gear(" + gen(intLike(), b).code + ").rank()", type, PRIMARY, false);
            case 3:
              return new E("((Vault) " + pick("(Object) vault0", "y((Object) vault0)", "t(\"vo\", (Object) vault0)") + ").turn("
                  + gen(intLike(), b).code + ")", type, PRIMARY, false);
            default:
              return new E("(" + pick("y((Object) vault0)", "(Object) vault0", "o0") + " instanceof Vault ? " + gen(Type.INT, b).code
                  + " : vault0.n)", type, PRIMARY, false);
          }
        }
        if ((type == Type.INT || type == Type.STRING) && VIRTUAL_CALLS && random.nextInt(3) == 0) {
          String receiver = "STEPPERS[Math.floorMod(" + gen(Type.INT, b).code + ", 3)]";
          return type == Type.INT ? new E(receiver + ".step(" + gen(intLike(), b).code + ")", type, PRIMARY, false)
              : new E(receiver + ".tag(" + gen(Type.STRING, b).code + ")", type, PRIMARY, false);
        }
        if (type == Type.INT) {
          return random.nextBoolean() ? new E("helper(" + gen(intLike(), b).code + ")", type, PRIMARY, false)
              : new E("over(" + gen(intLike(), b).code + ")", type, PRIMARY, false);
        }
        if (type == Type.LONG) {
          return random.nextBoolean() ? new E("wide(" + gen(intLike(), b).code + ")", type, PRIMARY, false)
              : new E("over(" + gen(Type.LONG, b).code + ")", type, PRIMARY, false);
        }
        if (type == Type.STRING) {
          return new E("over(" + gen(Type.STRING, b).code + ")", type, PRIMARY, false);
        }
        if (type == Type.BOOLEAN) {
          return binary(suspend(Type.INT, b), pick(">", "<="), gen(Type.INT, b), REL, Type.BOOLEAN);
        }
        return cast(type, suspend(Type.INT, b));
    }
  }

  private E specific(Type type, int b) {
    if (prologue) {
      // only what needs no local declared later
      if (type == Type.BOOLEAN) {
        return binary(gen(pick(NUMERIC), b), pick("<", ">="), gen(Type.INT, b), REL, Type.BOOLEAN);
      }
      if (type == Type.STRING) {
        return binary(gen(Type.STRING, b), "+", gen(pick(ALL), b), ADD, Type.STRING);
      }
      if (random.nextBoolean() && (type == Type.INT || type == Type.LONG || type == Type.FLOAT || type == Type.DOUBLE)) {
        return arithmetic(type, b);
      }
      return cast(type, random.nextBoolean() ? unaryChain(Type.INT, b) : gen(pick(NUMERIC), b));
    }
    switch (type) {
      case BOOLEAN:
        return bool(b);
      case STRING:
        return string(b);
      case INT:
        return integer(b);
      case LONG:
        return longExpression(b);
      case FLOAT:
      case DOUBLE:
        return floating(type, b);
      default:
        return small(type, b);
    }
  }

  private E integer(int b) {
    switch (random.nextInt(20)) {
      case 0:
      case 1:
      case 2:
        return arithmetic(Type.INT, b);
      case 3:
        return unaryChain(intLike(), b);
      case 4:
        return cast(Type.INT, gen(pick(NUMERIC), b));
      case 5:
        return increment(Type.INT, b);
      case 6:
        return new E(element(b), Type.INT, PRIMARY, false);
      case 7:
        return new E(pick("arr0", "arr1", "ints(" + gen(Type.INT, b).code + ")", "((int[]) oa0)") + ".length", Type.INT,
            PRIMARY, false);
      case 8:
        return new E(holderRead() + pick(".value", ".cells[" + operand(gen(Type.INT, b), BAND) + " & 1]"), Type.INT, PRIMARY,
            false);
      case 9:
        return new E(operand(gen(Type.STRING, b), PRIMARY) + pick(".length()", ".hashCode()"), Type.INT, PRIMARY,
            false);
      case 10:
        if (INTERSECTION_CASTS) {
          return new E("((Comparable<String> & java.io.Serializable) " + operand(gen(Type.STRING, b), UNARY, true)
              + ").compareTo(" + gen(Type.STRING, b).code + ")", Type.INT, PRIMARY, false);
        }
        return new E(operand(gen(Type.STRING, b), PRIMARY) + ".compareTo(" + gen(Type.STRING, b).code + ")", Type.INT,
            PRIMARY, false);
      case 11:
        return new E(pick("Integer.compare", "Math.max", "Math.min") + "(" + unboxed(gen(Type.INT, b)) + ", "
            + unboxed(gen(Type.INT, b)) + ")", Type.INT, PRIMARY, false);
      case 12:
        return new E("list0.get(" + listIndex() + ")", Type.INT, PRIMARY, true);
      case 13:
        if (ANONYMOUS_CLASSES) {
          return new E(anonymous() + ".area()", Type.INT, PRIMARY, false);
        }
        return leaf(Type.INT);
      case 14:
        return new E("((Object) " + operand(gen(intLike(), b), UNARY, true) + ").hashCode()", Type.INT, PRIMARY, false);
      case 15:
        return new E("Long.compare(" + unboxed(gen(Type.LONG, b)) + ", " + unboxed(gen(Type.LONG, b)) + ")", Type.INT,
            PRIMARY, false);
      case 16:
        if (EXPLICIT_TYPE_ARGUMENTS) {
          return typeArgumentsInt(b);
        }
        return arithmetic(Type.INT, b);
      case 17:
        if (INSTANCEOF_PATTERNS && noDeclarations == 0) {
          String p = "p" + counters++;
          return new E("(" + patternTarget(b) + " instanceof " + pick("", "final ") + "Integer " + p + " ? " + p
              + pick(" * 2", " + 1", "") + " : " + operand(gen(Type.INT, b), COND) + ")", Type.INT, PRIMARY, false);
        }
        return arithmetic(Type.INT, b);
      default:
        return arithmetic(Type.INT, b);
    }
  }

  private E longExpression(int b) {
    switch (random.nextInt(8)) {
      case 0:
      case 1:
      case 2:
        return arithmetic(Type.LONG, b);
      case 3:
        return unaryChain(Type.LONG, b);
      case 4:
        return cast(Type.LONG, gen(pick(NUMERIC), b));
      case 5:
        return increment(Type.LONG, b);
      case 6:
        return new E(holderRead() + ".big", Type.LONG, PRIMARY, false);
      default:
        return new E("Math.floorMod(" + unboxed(gen(Type.LONG, b)) + ", " + pick("3L", "(" + operand(gen(Type.LONG, b), BOR)
            + " | 1)") + ")", Type.LONG, PRIMARY, false);
    }
  }

  private E floating(Type type, int b) {
    switch (random.nextInt(6)) {
      case 0:
      case 1:
        return arithmetic(type, b);
      case 2:
        return unaryChain(type, b);
      case 3:
        return cast(type, gen(pick(NUMERIC), b));
      case 4:
        return increment(type, b);
      default:
        return new E("Math.abs(" + unboxed(gen(type, b)) + ")", type, PRIMARY, false);
    }
  }

  /** byte, short or char. */
  private E small(Type type, int b) {
    switch (random.nextInt(4)) {
      case 0:
      case 1:
        return cast(type, gen(pick(NUMERIC), b));
      case 2:
        return increment(type, b);
      default:
        if (type == Type.CHAR) {
          return new E(pick("\"abc\"", "SK") + ".charAt(" + operand(gen(Type.INT, b), BAND) + " & 1)", type, PRIMARY, false);
        }
        if (type == Type.BYTE) {
          return new E(holderRead() + ".small", type, PRIMARY, false);
        }
        return cast(type, gen(Type.INT, b));
    }
  }

  private E bool(int b) {
    switch (random.nextInt(INSTANCEOF_PATTERNS ? 16 : 14)) {
      case 14:
      case 15:
        if (noDeclarations > 0) {
          return unary("!", gen(Type.BOOLEAN, b), Type.BOOLEAN);
        }
        return patternCondition(b);
      case 0:
      case 1:
      case 2: {
        Type t = pick(NUMERIC);
        Type u = random.nextBoolean() ? t : pick(NUMERIC);
        return binary(gen(t, b), pick("<", ">", "<=", ">="), gen(u, b), REL, Type.BOOLEAN);
      }
      case 3:
      case 4: {
        Type t = random.nextInt(3) == 0 ? Type.BOOLEAN : pick(NUMERIC);
        Type u = t == Type.BOOLEAN ? t : random.nextBoolean() ? t : pick(NUMERIC);
        E left = gen(t, b);
        E right = gen(u, b);
        if (left.boxed && right.boxed) {
          left = unbox(left);
        }
        return binary(left, pick("==", "!="), right, EQ, Type.BOOLEAN);
      }
      case 5:
        return unary(pick("!", "!", "!!"), gen(Type.BOOLEAN, b), Type.BOOLEAN);
      case 6:
      case 7:
        return binary(gen(Type.BOOLEAN, b), "&&", gen(Type.BOOLEAN, b), AND, Type.BOOLEAN);
      case 8:
        return binary(gen(Type.BOOLEAN, b), "||", gen(Type.BOOLEAN, b), OR, Type.BOOLEAN);
      case 9: {
        String op = pick("&", "|", "^");
        int prec = op.equals("&") ? BAND : op.equals("|") ? BOR : XOR;
        return binary(gen(Type.BOOLEAN, b), op, gen(Type.BOOLEAN, b), prec, Type.BOOLEAN);
      }
      case 10: {
        noDeclarations += DECLARING_TYPE_TEST_OPERANDS ? 0 : 1;
        E e = new E(pick("o0", "y(o0)", "t(\"o\", o0)", "(Object) " + operand(gen(randomType(), b), UNARY, true))
            + " instanceof " + pick("String", "Integer", "Number", "CharSequence", "Comparable"), Type.BOOLEAN, REL,
            false);
        noDeclarations -= DECLARING_TYPE_TEST_OPERANDS ? 0 : 1;
        return e;
      }
      case 11: {
        noDeclarations += DECLARING_TYPE_TEST_OPERANDS ? 0 : 1;
        E e = new E(pick("oa0 instanceof int[]", "list0 instanceof RandomAccess",
            operand(gen(Type.STRING, b), REL) + " instanceof Comparable"), Type.BOOLEAN, REL, false);
        noDeclarations -= DECLARING_TYPE_TEST_OPERANDS ? 0 : 1;
        return e;
      }
      case 12:
        return new E(operand(gen(Type.STRING, b), PRIMARY) + pick(".equals(", ".startsWith(") + gen(Type.STRING, b).code
            + ")", Type.BOOLEAN, PRIMARY, false);
      default:
        return new E("list0.contains(" + gen(Type.INT, b).code + ")", Type.BOOLEAN, PRIMARY, false);
    }
  }

  private E string(int b) {
    switch (random.nextInt(12)) {
      case 10:
        if (EXPLICIT_TYPE_ARGUMENTS) {
          return typeArgumentsString(b);
        }
        return leaf(Type.STRING);
      case 11:
        if (INSTANCEOF_PATTERNS && noDeclarations == 0) {
          String p = "p" + counters++;
          return new E("(" + patternTarget(b) + " instanceof String " + p + " ? " + p + pick(".concat(\"~\")", "",
              ".trim()") + " : " + operand(gen(Type.STRING, b), COND) + ")", Type.STRING, PRIMARY, false);
        }
        return leaf(Type.STRING);
      case 0:
      case 1:
      case 2:
      case 3: {
        // concatenation: at least one side is a String
        E left;
        E right;
        if (random.nextBoolean()) {
          left = gen(Type.STRING, b);
          right = gen(randomType(), b);
        } else {
          left = gen(randomType(), b);
          right = gen(Type.STRING, b);
        }
        return binary(left, "+", right, ADD, Type.STRING);
      }
      case 4: {
        // Cast to its own type: a conditional mixing a boxed binding and a primitive is ambiguous
        // between valueOf(Object) and valueOf(int) to javac itself.
        Type type = randomType();
        return new E("String.valueOf((" + type.java + ") (" + gen(type, b).code + "))", Type.STRING, PRIMARY, false);
      }
      case 5:
        if (INTERSECTION_CASTS) {
          return new E("String.valueOf((Comparable<String> & java.io.Serializable) "
              + operand(gen(Type.STRING, b), UNARY, true) + ")", Type.STRING, PRIMARY, false);
        }
        return leaf(Type.STRING);
      case 6:
        if (noStrings > 0) {
          return new E("String.valueOf(list0.size())", Type.STRING, PRIMARY, false);
        }
        return new E(pick("(o0 instanceof String ? (String) o0 : SK)", "Arrays.toString(arr0)", "String.valueOf(o0)",
            "list0.toString()", "h0.text"), Type.STRING, PRIMARY, false);
      case 7:
        return new E("((String) (Object) " + operand(gen(Type.STRING, b), UNARY, true) + ")", Type.STRING, PRIMARY,
            false);
      case 8:
        return new E(operand(gen(Type.STRING, b), PRIMARY) + pick(".toUpperCase()", ".trim()", ".concat(\"+\")"),
            Type.STRING, PRIMARY, false);
      default:
        return new E(operand(gen(Type.STRING, b), ADD) + " + " + operand(gen(intLike(), b), MUL) + " + "
            + operand(gen(intLike(), b), MUL), Type.STRING, ADD, false);
    }
  }

  /** {@code left op right} over numbers of the given result type. */
  private E arithmetic(Type result, int b) {
    String op = result.integral() ? pick("+", "-", "*", "/", "%", "<<", ">>", ">>>", "&", "|", "^", "+", "-", "*")
        : pick("+", "-", "*", "/", "%");
    Type leftType;
    Type rightType;
    if (op.startsWith("<<") || op.startsWith(">>")) {
      leftType = result == Type.INT ? intLike() : Type.LONG;
      rightType = pick(Type.INT, Type.INT, Type.LONG, Type.BYTE, Type.CHAR);
    } else {
      Type[] below = result == Type.INT ? new Type[] {Type.INT, Type.INT, Type.BYTE, Type.SHORT, Type.CHAR}
          : result == Type.LONG ? new Type[] {Type.INT, Type.LONG, Type.CHAR}
          : result == Type.FLOAT ? new Type[] {Type.INT, Type.FLOAT, Type.LONG}
          : new Type[] {Type.INT, Type.FLOAT, Type.DOUBLE, Type.LONG};
      leftType = random.nextBoolean() ? result : pick(below);
      rightType = leftType == result ? (random.nextBoolean() ? result : pick(below)) : result;
    }
    int prec = precedence(op);
    E left = gen(leftType, b);
    E right = (op.equals("/") || op.equals("%")) && rightType.integral() ? divisor(rightType, b) : gen(rightType, b);
    return binary(left, op, right, prec, result);
  }

  /** A non-zero integral divisor. */
  private E divisor(Type type, int b) {
    switch (random.nextInt(4)) {
      case 0:
        if (type == Type.LONG) {
          String s = pick("3L", "-7L", "(LK | 1)", "0xFFFFFFFFL", "Long.MIN_VALUE");
          return new E(s, type, s.startsWith("-") ? UNARY : PRIMARY, false);
        } else {
          String s = pick("3", "-7", "(K1 | 1)", "(K0 + 1)", "0xFFFFFFFF", "2147483647");
          return new E(s, Type.INT, s.startsWith("-") ? UNARY : PRIMARY, false);
        }
      default: {
        E e = gen(type, b);
        return new E("(" + operand(e, BOR) + " | 1)", type.promoted(), PRIMARY, false);
      }
    }
  }

  private E unaryChain(Type operandType, int b) {
    E e = gen(operandType, b);
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      String op = e.type.integral() || e.type == Type.INT ? pick("-", "+", "~", "-") : pick("-", "+");
      e = unary(op, e, e.type.promoted());
      if (random.nextInt(3) == 0) {
        e = new E("(" + e.code + ")", e.type, PRIMARY, false);
      }
    }
    return e;
  }

  private E unary(String op, E operand, Type result) {
    String code = operand(operand, UNARY);
    char first = code.charAt(0);
    String sep = (op.endsWith("-") && first == '-') || (op.endsWith("+") && first == '+') ? " " : "";
    return new E(op + sep + code, result, UNARY, false);
  }

  private E increment(Type type, int b) {
    String target = lvalue(type);
    switch (random.nextInt(4)) {
      case 0:
        return new E(target + "++", type, POSTFIX, false);
      case 1:
        return new E(target + "--", type, POSTFIX, false);
      case 2:
        return new E("++" + target, type, UNARY, false);
      default:
        return new E("--" + target, type, UNARY, false);
    }
  }

  private E binary(E left, String op, E right, int prec, Type result) {
    return new E(operand(left, prec) + " " + op + " " + operand(right, prec + 1), result, prec, false);
  }

  /** {@code (type) e}, unboxing first where a cast from the box would not compile. */
  private E cast(Type type, E e) {
    if (e.boxed && e.type != type) {
      e = unbox(e);
    }
    return new E("(" + type.java + ") " + operand(e, UNARY), type, UNARY, false);
  }

  private E unbox(E e) {
    return new E("(" + e.type.java + ") " + operand(e, UNARY), e.type, UNARY, false);
  }

  private String unboxed(E e) {
    return e.boxed ? unbox(e).code : e.code;
  }

  /** An expression to store into a variable of {@code type}: strings read no string variable. */
  private E stored(Type type, int b) {
    if (type != Type.STRING) {
      return gen(type, b);
    }
    noStrings++;
    E e = gen(type, b);
    noStrings--;
    return e;
  }

  /** {@code e}'s text as an operand needing at least precedence {@code min}. */
  private String operand(E e, int min) {
    return operand(e, min, false);
  }

  private String operand(E e, int min, boolean referenceCast) {
    boolean sign = referenceCast && (e.code.startsWith("-") || e.code.startsWith("+"));
    if (e.prec < min || sign || (e.prec < PRIMARY && random.nextInt(8) == 0)) {
      return "(" + e.code + ")";
    }
    return e.code;
  }

  private E leaf(Type type) {
    if (type == Type.INT && !intReads.isEmpty() && random.nextInt(5) == 0) {
      return new E(intReads.get(random.nextInt(intReads.size())), type, PRIMARY, false);
    }
    Var v = random.nextInt(3) != 0 ? readable(type) : null;
    if (v != null) {
      return new E(v.name, type, PRIMARY, v.boxed);
    }
    return literal(type);
  }

  private E literal(Type type) {
    switch (type) {
      case BOOLEAN:
        return new E(pick("true", "false"), type, PRIMARY, false);
      case BYTE:
        return new E(pick("(byte) 5", "(byte) -1", "(byte) 200", "(byte) 127"), type, UNARY, false);
      case SHORT:
        return new E(pick("(short) 3", "(short) -300", "(short) 40000"), type, UNARY, false);
      case CHAR:
        return new E(pick("'a'", "'z'", "'\\n'", "'\\u0041'", "'\\''", "'\\\\'", "'\\0'", "'\\uFFFF'", "CK"), type,
            PRIMARY, false);
      case INT: {
        String s = pick("0", "1", "2", "3", "5", "7", "9", "-2147483648", "2147483647", "0xFFFFFFFF", "-0xFFFFFFFF",
            "0x80000000", "017", "0b1011", "1_000", "Integer.MIN_VALUE", "-1", "K0", "K1", "'b' - 'a'");
        return new E(s, type, s.startsWith("-") ? UNARY : s.contains(" - ") ? ADD : PRIMARY, false);
      }
      case LONG: {
        String s = pick("0L", "3L", "0xFFFFFFFFL", "-9223372036854775808L", "0x7fff_ffff_ffff_ffffL", "Long.MIN_VALUE",
            "10000000000L", "LK", "-1L");
        return new E(s, type, s.startsWith("-") ? UNARY : PRIMARY, false);
      }
      case FLOAT: {
        String s = pick("1.5f", "-0.0f", "3e2f", "0x1p-2f", "Float.MAX_VALUE", "1f", "Float.NaN", "0.1F");
        return new E(s, type, s.startsWith("-") ? UNARY : PRIMARY, false);
      }
      case DOUBLE: {
        String s = pick("0.1", "-2.5e-3", "1e308", ".5", "7.", "2d", "0x1.8p1", "Double.MIN_VALUE", "-0.0",
            "Double.POSITIVE_INFINITY");
        return new E(s, type, s.startsWith("-") ? UNARY : PRIMARY, false);
      }
      default:
        return new E(pick("\"a\"", "\"\"", "\"q\\\"t\"", "\"\\t\"", "\"\\u00e9\"", "SK", "\"k1\""), type, PRIMARY, false);
    }
  }

  private Var readable(Type type) {
    List<Var> matching = new ArrayList<>();
    for (Var v : vars) {
      if (v.type == type && !(noStrings > 0 && type == Type.STRING && !v.name.equals("SK") && !v.name.equals("CS"))) {
        matching.add(v);
      }
    }
    return matching.isEmpty() ? null : matching.get(random.nextInt(matching.size()));
  }

  /** A variable expression of {@code type}: a local, an array element or a field. */
  private String lvalue(Type type) {
    int shape = random.nextInt(10);
    if (type == Type.INT && shape >= 6) {
      switch (shape) {
        case 6:
          return element(1);
        case 7:
          if (PRIVATE_CLASSES && !prologue && random.nextInt(3) == 0) {
            return "vault0.n";
          }
          return PRIVATE_MEMBERS && random.nextBoolean() ? "h0.secret" : holderWrite() + ".value";
        case 8:
          return holderWrite() + ".cells[" + operand(gen(Type.INT, 1), BAND) + " & 1]";
        default:
          return "t(\"a" + steps++ + "\", arr0)[(" + operand(gen(Type.INT, 1), BAND) + " & 0xff) % arr0.length]";
      }
    }
    boolean hidden = PRIVATE_MEMBERS && random.nextBoolean();
    if (type == Type.LONG && shape >= 7) {
      return hidden ? "h0.hiddenBig" : holderWrite() + ".big";
    }
    if (type == Type.BYTE && shape >= 7) {
      return hidden ? "h0.hiddenSmall" : holderWrite() + ".small";
    }
    if (type == Type.STRING && shape >= 7) {
      return hidden ? "h0.hiddenText" : holderWrite() + ".text";
    }
    return variable(type, true);
  }

  private String variable(Type type, boolean writable) {
    List<Var> matching = new ArrayList<>();
    for (Var v : vars) {
      if (v.type == type && (v.writable || !writable)) {
        matching.add(v);
      }
    }
    return matching.get(random.nextInt(matching.size())).name;
  }

  /** An element of arr0 or arr1 at an index that is in bounds. */
  private String element(int b) {
    String base = pick("arr0", "arr1");
    String array = random.nextInt(3) == 0 ? "t(\"r\", " + base + ")" : base;
    switch (random.nextInt(3)) {
      case 0:
        return array + "[Math.floorMod(" + unboxed(gen(Type.INT, b)) + ", " + base + ".length)]";
      case 1:
        return array + "[(" + operand(gen(Type.INT, b), BAND) + " & 0x7fffffff) % " + base + ".length]";
      default:
        return array + "[(y(" + gen(Type.INT, b).code + ") & 255) % " + base + ".length]";
    }
  }

  private String listIndex() {
    return "Math.floorMod(" + unboxed(gen(Type.INT, 1)) + ", list0.size())";
  }

  private String holder() {
    return pick("h0", "y(h0)", "t(\"h\", h0)");
  }

  private String holderRead() {
    return pick("h0", "box(" + holder() + ")", "boxed(" + holder() + ")");
  }

  private String holderWrite() {
    return CALL_RECEIVER_FIELDS ? holderRead() : "h0";
  }

  private String objectExpression(int b) {
    switch (random.nextInt(4)) {
      case 0:
        return "(Object) " + operand(gen(randomType(), b), UNARY, true);
      case 1:
        return "y(" + gen(Type.STRING, b).code + ")";
      case 2:
        return "list0 == null ? null : (Object) " + operand(gen(Type.INT, b), UNARY, true);
      default:
        return gen(Type.STRING, b).code;
    }
  }

  private Type randomType() {
    return random.nextInt(3) == 0 ? Type.INT : pick(ALL);
  }

  private Type intLike() {
    return random.nextInt(3) != 0 ? Type.INT : pick(Type.BYTE, Type.SHORT, Type.CHAR);
  }

  private static int precedence(String op) {
    switch (op) {
      case "*":
      case "/":
      case "%":
        return MUL;
      case "+":
      case "-":
        return ADD;
      case "<<":
      case ">>":
      case ">>>":
        return SHIFT;
      case "&":
        return BAND;
      case "^":
        return XOR;
      default:
        return BOR;
    }
  }

  @SafeVarargs
  private final <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String indent(int level) {
    StringBuilder indent = new StringBuilder();
    for (int i = 0; i < level; i++) {
      indent.append("  ");
    }
    return indent.toString();
  }
}
