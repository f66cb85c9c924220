package io.gevent4j.processor.analysis;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * Folds the constant expressions (JLS 15.29) that decide reachability: boolean and numeric
 * literals, constant variables ({@code final boolean DONE = false;}, {@code static final} fields),
 * {@code !}, the boolean operators and numeric comparisons. Anything else is not constant (null):
 * javac folds more (string comparisons are not constants anyway), which only makes a loop look
 * like it can end where javac agrees it can.
 */
final class ConstantConditions {
  private final Trees trees;
  private final CompilationUnitTree unit;

  ConstantConditions(Trees trees, CompilationUnitTree unit) {
    this.trees = trees;
    this.unit = unit;
  }

  /** The value of {@code expression} if it is a constant boolean or number, else null. */
  Object value(ExpressionTree expression) {
    if (expression == null) {
      return null;
    }
    switch (expression.getKind()) {
      case PARENTHESIZED:
        return value(((ParenthesizedTree) expression).getExpression());
      case BOOLEAN_LITERAL:
      case INT_LITERAL:
      case LONG_LITERAL:
      case CHAR_LITERAL:
      case FLOAT_LITERAL:
      case DOUBLE_LITERAL:
        return ((LiteralTree) expression).getValue();
      case IDENTIFIER:
      case MEMBER_SELECT: {
        TreePath path = TreePath.getPath(unit, expression);
        Element element = path == null ? null : trees.getElement(path);
        return element instanceof VariableElement ? ((VariableElement) element).getConstantValue() : null;
      }
      case LOGICAL_COMPLEMENT: {
        Object operand = value(((UnaryTree) expression).getExpression());
        return operand instanceof Boolean ? !(Boolean) operand : null;
      }
      default:
        return expression instanceof BinaryTree ? binary((BinaryTree) expression) : null;
    }
  }

  private Object binary(BinaryTree tree) {
    Object left = value(tree.getLeftOperand());
    Object right = value(tree.getRightOperand());
    if (left instanceof Boolean && right instanceof Boolean) {
      boolean a = (Boolean) left;
      boolean b = (Boolean) right;
      switch (tree.getKind()) {
        case CONDITIONAL_AND:
        case AND:
          return a && b;
        case CONDITIONAL_OR:
        case OR:
          return a || b;
        case XOR:
        case NOT_EQUAL_TO:
          return a != b;
        case EQUAL_TO:
          return a == b;
        default:
          return null;
      }
    }
    Double a = number(left);
    Double b = number(right);
    if (a == null || b == null) {
      return null;
    }
    switch (tree.getKind()) {
      case LESS_THAN:
        return a < b;
      case LESS_THAN_EQUAL:
        return a <= b;
      case GREATER_THAN:
        return a > b;
      case GREATER_THAN_EQUAL:
        return a >= b;
      case EQUAL_TO:
        return a.doubleValue() == b.doubleValue();
      case NOT_EQUAL_TO:
        return a.doubleValue() != b.doubleValue();
      default:
        return null;
    }
  }

  /** A numeric constant as a double: exact for the small values conditions compare. */
  private static Double number(Object value) {
    if (value instanceof Character) {
      return (double) (Character) value;
    }
    return value instanceof Number && !(value instanceof Long && Math.abs((Long) value) > (1L << 53))
        ? ((Number) value).doubleValue() : null;
  }
}
