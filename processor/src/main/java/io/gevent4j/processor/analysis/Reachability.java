package io.gevent4j.processor.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.List;

/**
 * Whether a statement "can complete normally" (JLS 14.22), so that lowering never places code
 * where javac would report it unreachable. Loop conditions count as constant {@code true} as
 * javac folds them ({@link ConstantConditions}).
 */
public final class Reachability {
  private final ConstantConditions constants;

  public Reachability(Trees trees, CompilationUnitTree unit) {
    this.constants = new ConstantConditions(trees, unit);
  }

  /** Whether {@code statement} can complete normally. */
  public boolean canCompleteNormally(StatementTree statement) {
    return canComplete(statement, null);
  }

  private boolean canComplete(StatementTree statement, String label) {
    switch (statement.getKind()) {
      case RETURN:
      case THROW:
      case BREAK:
      case CONTINUE:
        return false;
      case BLOCK:
        return blockCompletes(((BlockTree) statement).getStatements());
      case IF: {
        IfTree tree = (IfTree) statement;
        return tree.getElseStatement() == null
            || canComplete(tree.getThenStatement(), null) || canComplete(tree.getElseStatement(), null);
      }
      case WHILE_LOOP: {
        WhileLoopTree tree = (WhileLoopTree) statement;
        return !isTrue(tree.getCondition()) || breaksTo(tree.getStatement(), label);
      }
      case DO_WHILE_LOOP: {
        DoWhileLoopTree tree = (DoWhileLoopTree) statement;
        return (canComplete(tree.getStatement(), null) && !isTrue(tree.getCondition()))
            || breaksTo(tree.getStatement(), label);
      }
      case FOR_LOOP: {
        ForLoopTree tree = (ForLoopTree) statement;
        return (tree.getCondition() != null && !isTrue(tree.getCondition())) || breaksTo(tree.getStatement(), label);
      }
      case LABELED_STATEMENT: {
        LabeledStatementTree tree = (LabeledStatementTree) statement;
        String name = tree.getLabel().toString();
        return canComplete(tree.getStatement(), name) || breaksTo(tree.getStatement(), name);
      }
      case SYNCHRONIZED:
        return canComplete(((SynchronizedTree) statement).getBlock(), null);
      case TRY:
        return tryCompletes((TryTree) statement);
      case SWITCH:
        return switchCompletes((SwitchTree) statement, label);
      default:
        return !statement.getKind().name().equals("YIELD");
    }
  }

  private boolean blockCompletes(List<? extends StatementTree> statements) {
    for (StatementTree statement : statements) {
      if (!canComplete(statement, null)) {
        return false;
      }
    }
    return true;
  }

  private boolean tryCompletes(TryTree tree) {
    if (tree.getFinallyBlock() != null && !canComplete(tree.getFinallyBlock(), null)) {
      return false;
    }
    if (canComplete(tree.getBlock(), null)) {
      return true;
    }
    for (CatchTree handler : tree.getCatches()) {
      if (canComplete(handler.getBlock(), null)) {
        return true;
      }
    }
    return false;
  }

  private boolean switchCompletes(SwitchTree tree, String label) {
    List<? extends CaseTree> cases = tree.getCases();
    boolean hasDefault = false;
    for (CaseTree caseTree : cases) {
      hasDefault |= caseTree.getExpression() == null;
      if (breaksTo(caseTree, label)) {
        return true;
      }
    }
    if (!hasDefault || cases.isEmpty()) {
      return true;
    }
    List<? extends StatementTree> last = cases.get(cases.size() - 1).getStatements();
    return last == null || blockCompletes(last);
  }

  private boolean isTrue(ExpressionTree condition) {
    return Boolean.TRUE.equals(constants.value(condition));
  }

  /**
   * Whether {@code body} holds a {@code break} that exits the statement owning it: an unlabeled
   * break outside nested loops and switches, or a break to {@code label}.
   */
  private static boolean breaksTo(Tree body, String label) {
    Boolean found = new TreeScanner<Boolean, Integer>() {
      @Override
      public Boolean visitBreak(BreakTree node, Integer depth) {
        return node.getLabel() == null ? depth == 0 : node.getLabel().contentEquals(label == null ? "" : label);
      }

      @Override
      public Boolean visitWhileLoop(WhileLoopTree node, Integer depth) {
        return super.visitWhileLoop(node, depth + 1);
      }

      @Override
      public Boolean visitDoWhileLoop(DoWhileLoopTree node, Integer depth) {
        return super.visitDoWhileLoop(node, depth + 1);
      }

      @Override
      public Boolean visitForLoop(ForLoopTree node, Integer depth) {
        return super.visitForLoop(node, depth + 1);
      }

      @Override
      public Boolean visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree node, Integer depth) {
        return super.visitEnhancedForLoop(node, depth + 1);
      }

      @Override
      public Boolean visitSwitch(SwitchTree node, Integer depth) {
        return super.visitSwitch(node, depth + 1);
      }

      @Override
      public Boolean visitClass(ClassTree node, Integer depth) {
        return false;
      }

      @Override
      public Boolean visitLambdaExpression(LambdaExpressionTree node, Integer depth) {
        return false;
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }
    }.scan(body, 0);
    return Boolean.TRUE.equals(found);
  }
}
