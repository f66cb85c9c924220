package io.gevent4j.processor.testing;

import java.util.Random;

/**
 * Generates random coroutine bodies over int locals, mixing loops (with labeled break and
 * continue), switch with fallthrough, try/catch/finally with throws, returns, breaks through
 * finally, nested coroutine calls and suspension points inside expressions, for the
 * differential tests. Every loop is bounded, so every program ends. Deterministic for a seed.
 */
public final class ProgramGenerator {
  private static final int VARIABLES = 3;

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private int counters;
  private int labels;
  private int steps;
  private int depth;

  public ProgramGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** Members every generated class needs besides {@link Differential#PRELUDE}. */
  public static String support() {
    return String.join("\n",
        "  public static class Boom extends RuntimeException {",
        "    public Boom(int code) { super(\"boom \" + code); }",
        "  }",
        "  @Coroutine static long wide(int v) {",
        "    if (v % 2 == 0) return v;",
        "    return y(v) * 2L;",
        "  }",
        "  @Coroutine static int helper(int v) {",
        "    log.add(\"helper \" + v);",
        "    if (v % 7 == 3) throw new Boom(v);",
        "    return y(v) + 1;",
        "  }");
  }

  /** A public static coroutine {@code int name(int a)}. */
  public String method(String name) {
    out.setLength(0);
    counters = 0;
    labels = 0;
    steps = 0;
    depth = 0;
    out.append("  @Coroutine public static int ").append(name).append("(int a) {\n");
    for (int i = 0; i < VARIABLES; i++) {
      out.append("    int x").append(i).append(" = a + ").append(i).append(";\n");
    }
    block(2, 2 + random.nextInt(4));
    out.append("    return ").append(expression(2)).append(";\n  }\n");
    return out.toString();
  }

  private void block(int level, int statements) {
    for (int i = 0; i < statements; i++) {
      statement(level);
    }
  }

  private void statement(int level) {
    depth++;
    int choice = depth > 4 ? random.nextInt(4) : random.nextInt(13);
    String indent = indent(level);
    switch (choice) {
      case 0:
      case 1:
        out.append(indent).append(variable()).append(" = ").append(expression(2)).append(";\n");
        break;
      case 2:
        out.append(indent).append(variable()).append(" += ").append(expression(2)).append(";\n");
        break;
      case 3:
        out.append(indent).append("log.add(\"s").append(steps++).append(":\" + ").append(variable()).append(");\n");
        break;
      case 4:
        out.append(indent).append("if (").append(condition()).append(") {\n");
        block(level + 1, 1 + random.nextInt(2));
        out.append(indent).append("} else {\n");
        block(level + 1, 1 + random.nextInt(2));
        out.append(indent).append("}\n");
        break;
      case 5:
        forLoop(level, null);
        break;
      case 6:
        labeledLoops(level);
        break;
      case 7:
        whileLoop(level);
        break;
      case 8:
        switchStatement(level);
        break;
      case 9:
        tryStatement(level);
        break;
      case 10:
        out.append(indent).append(variable()).append(" = helper(").append(expression(1)).append(");\n");
        break;
      case 11:
        out.append(indent).append("if (").append(condition()).append(") return ").append(expression(1)).append(";\n");
        break;
      default:
        out.append(indent).append("if (").append(condition()).append(") throw new Boom(").append(expression(1)).append(");\n");
        break;
    }
    depth--;
  }

  private void forLoop(int level, String label) {
    String counter = "c" + counters++;
    String indent = indent(level);
    out.append(indent).append(label == null ? "" : label + ": ").append("for (int ").append(counter).append(" = 0; ")
        .append(counter).append(" < ").append(1 + random.nextInt(3)).append("; ").append(counter).append("++) {\n");
    loopBody(level + 1, counter, null);
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
    loopBody(level + 2, innerCounter, label);
    out.append(indent(level + 1)).append("}\n");
    out.append(indent).append("}\n");
  }

  private void whileLoop(int level) {
    String counter = "c" + counters++;
    String indent = indent(level);
    out.append(indent).append("int ").append(counter).append(" = 0;\n");
    out.append(indent).append("while (").append(counter).append("++ < ").append(1 + random.nextInt(3))
        .append(" && ").append(condition()).append(") {\n");
    loopBody(level + 1, counter, null);
    out.append(indent).append("}\n");
  }

  private void loopBody(int level, String counter, String outerLabel) {
    String indent = indent(level);
    out.append(indent).append("log.add(\"").append(counter).append("=\" + ").append(counter).append(");\n");
    block(level, 1 + random.nextInt(2));
    int exit = random.nextInt(5);
    String target = outerLabel != null && random.nextBoolean() ? " " + outerLabel : "";
    if (exit == 0) {
      out.append(indent).append("if (").append(condition()).append(") break").append(target).append(";\n");
    } else if (exit == 1) {
      out.append(indent).append("if (").append(condition()).append(") continue").append(target).append(";\n");
    }
  }

  private void switchStatement(int level) {
    String indent = indent(level);
    out.append(indent).append("switch (").append(expression(1)).append(" & 3) {\n");
    for (int i = 0; i < 3; i++) {
      out.append(indent(level + 1)).append("case ").append(i).append(":\n");
      block(level + 2, 1);
      if (random.nextBoolean()) {
        out.append(indent(level + 2)).append("break;\n");
      }
    }
    out.append(indent(level + 1)).append("default:\n");
    block(level + 2, 1);
    out.append(indent).append("}\n");
  }

  private void tryStatement(int level) {
    String indent = indent(level);
    out.append(indent).append("try {\n");
    block(level + 1, 1 + random.nextInt(2));
    out.append(indent(level + 1)).append("if (").append(condition()).append(") throw new Boom(").append(expression(1)).append(");\n");
    if (random.nextBoolean()) {
      String name = "e" + counters++;
      out.append(indent).append("} catch (Boom ").append(name).append(") {\n");
      out.append(indent(level + 1)).append("log.add(\"caught \" + ").append(name).append(".getMessage());\n");
      block(level + 1, random.nextInt(2));
    }
    out.append(indent).append("} finally {\n");
    out.append(indent(level + 1)).append("log.add(\"finally ").append(steps++).append("\");\n");
    block(level + 1, random.nextInt(2));
    out.append(indent).append("}\n");
  }

  private String expression(int budget) {
    int choice = budget <= 0 ? random.nextInt(3) : random.nextInt(9);
    switch (choice) {
      case 0:
        return String.valueOf(random.nextInt(10));
      case 1:
      case 2:
        return variable();
      case 3:
        return "y(" + expression(budget - 1) + ")";
      case 4:
        return "t(\"e" + steps++ + "\", " + expression(budget - 1) + ")";
      case 5:
        return expression(budget - 1) + " " + "+-*".charAt(random.nextInt(3)) + " " + expression(budget - 1);
      case 6:
        return "(" + condition() + " ? " + expression(budget - 1) + " : " + expression(budget - 1) + ")";
      case 7:
        return random.nextBoolean() ? "helper(" + expression(budget - 1) + ")" : "(int) wide(" + expression(budget - 1) + ")";
      default:
        return variable() + (random.nextBoolean() ? "++" : "--");
    }
  }

  private String condition() {
    switch (random.nextInt(5)) {
      case 0:
        return expression(1) + " < " + expression(1);
      case 1:
        return "(" + expression(1) + " & 1) == 0";
      case 2:
        return "y(" + expression(0) + " > " + expression(0) + ")";
      case 3:
        return "(" + expression(0) + " > 2 && " + expression(1) + " < 5)";
      default:
        return "(" + expression(0) + " == 1 || y(" + expression(0) + ") % 3 == 0)";
    }
  }

  private String variable() {
    return "x" + random.nextInt(VARIABLES);
  }

  private static String indent(int level) {
    StringBuilder indent = new StringBuilder();
    for (int i = 0; i < level; i++) {
      indent.append("  ");
    }
    return indent.toString();
  }
}
