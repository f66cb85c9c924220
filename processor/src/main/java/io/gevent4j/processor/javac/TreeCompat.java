package io.gevent4j.processor.javac;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;

/**
 * The parts of javac's tree API newer than Java 8 (case rules and labels, switch expressions,
 * {@code instanceof} patterns), reached reflectively so that the processor still loads in a
 * JDK 8 javac, where such trees cannot occur.
 */
public final class TreeCompat {
  private TreeCompat() {}

  /** The constants of a case ({@code case 1, 2:}); empty for {@code default}. */
  @SuppressWarnings({"unchecked", "deprecation"})
  public static List<? extends ExpressionTree> labels(CaseTree tree) {
    Object labels = invoke(tree, "getExpressions");
    if (labels != null) {
      return (List<? extends ExpressionTree>) labels;
    }
    return tree.getExpression() == null ? Collections.<ExpressionTree>emptyList() : Collections.singletonList(tree.getExpression());
  }

  /**
   * Whether the case matches by pattern or has {@code case null} or a guard (Java 21): such cases
   * are not constants, and {@link #labels} does not list patterns.
   */
  public static boolean matchesByPattern(CaseTree tree) {
    Object labels = invoke(tree, "getLabels");
    if (labels instanceof List) {
      for (Object label : (List<?>) labels) {
        if (((Tree) label).getKind().name().equals("PATTERN_CASE_LABEL")) {
          return true;
        }
      }
    }
    for (ExpressionTree label : labels(tree)) {
      if (label.getKind() == Tree.Kind.NULL_LITERAL) {
        return true;
      }
    }
    return invoke(tree, "getGuard") != null;
  }

  /** How one label of a case matches (Java 21's {@code CaseLabelTree}s). */
  public enum LabelKind { CONSTANT, PATTERN, DEFAULT }

  /** The labels of a case, in order: constants (and {@code null}), patterns, {@code default}. */
  @SuppressWarnings("unchecked")
  public static List<? extends Tree> caseLabels(CaseTree tree) {
    Object labels = invoke(tree, "getLabels");
    return labels instanceof List ? (List<? extends Tree>) labels : labels(tree);
  }

  /** What {@code label}, one of {@link #caseLabels}, is. */
  public static LabelKind labelKind(Tree label) {
    String kind = label.getKind().name();
    if (kind.equals("DEFAULT_CASE_LABEL")) {
      return LabelKind.DEFAULT;
    }
    return kind.equals("PATTERN_CASE_LABEL") || kind.endsWith("_PATTERN") ? LabelKind.PATTERN : LabelKind.CONSTANT;
  }

  /** The constant expression or the pattern of {@code label}. */
  public static Tree labelContent(Tree label) {
    String kind = label.getKind().name();
    if (kind.equals("PATTERN_CASE_LABEL")) {
      return (Tree) invoke(label, "getPattern");
    }
    if (kind.equals("CONSTANT_CASE_LABEL")) {
      return (Tree) invoke(label, "getConstantExpression");
    }
    return label;
  }

  /** The guard of {@code case P when g}, or null. */
  public static ExpressionTree guard(CaseTree tree) {
    return (ExpressionTree) invoke(tree, "getGuard");
  }

  /** Whether the case is a rule, {@code case X -> ...}. */
  public static boolean isRule(CaseTree tree) {
    Object kind = invoke(tree, "getCaseKind");
    return kind != null && kind.toString().equals("RULE");
  }

  /** The body of a rule: an expression, a block or a throw statement. */
  public static Tree ruleBody(CaseTree tree) {
    return (Tree) invoke(tree, "getBody");
  }

  /** The selector of a switch expression. */
  public static ExpressionTree switchExpressionSelector(Tree tree) {
    return (ExpressionTree) invoke(tree, "getExpression");
  }

  /** The cases of a switch expression. */
  @SuppressWarnings("unchecked")
  public static List<? extends CaseTree> switchExpressionCases(Tree tree) {
    return (List<? extends CaseTree>) invoke(tree, "getCases");
  }

  /** The value of a {@code yield} statement. */
  public static ExpressionTree yieldValue(Tree tree) {
    return (ExpressionTree) invoke(tree, "getValue");
  }

  /** The pattern of {@code x instanceof T t}, or null for a plain type test. */
  public static Tree pattern(InstanceOfTree tree) {
    return (Tree) invoke(tree, "getPattern");
  }

  /** The binding variable of {@code x instanceof T t}, or null for a plain type test. */
  public static VariableTree binding(InstanceOfTree tree) {
    Object pattern = pattern(tree);
    if (pattern == null || !((Tree) pattern).getKind().name().equals("BINDING_PATTERN")) {
      return null;
    }
    return (VariableTree) invoke(pattern, "getVariable");
  }

  private static Object invoke(Object target, String name) {
    try {
      Method method = findPublic(target.getClass(), name);
      return method == null ? null : method.invoke(target);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static Method findPublic(Class<?> type, String name) {
    for (Class<?> face : type.getInterfaces()) {
      try {
        return face.getMethod(name);
      } catch (NoSuchMethodException e) {
        // not on this interface
      }
    }
    return type.getSuperclass() == null ? null : findPublic(type.getSuperclass(), name);
  }
}
