package io.gevent4j.processor.lowering;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import io.gevent4j.processor.model.Exit;
import io.gevent4j.processor.model.Label;
import io.gevent4j.processor.model.TryRegion;
import java.util.Map;

/**
 * Finds the {@code break}, {@code continue} and {@code return} statements inside a statement
 * printed whole that leave it for a lowered statement, and plans each one's exit. Those inside
 * lambdas and classes, and jumps within the statement, stay as written.
 */
final class VerbatimExits {
  private final LoweringContext context;
  private final ExitPlanner planner;
  private final Map<Tree, Label> breakTargets;
  private final Map<Tree, Label> continueTargets;

  VerbatimExits(LoweringContext context, Map<Tree, Label> breakTargets, Map<Tree, Label> continueTargets) {
    this.context = context;
    this.planner = context.exits;
    this.breakTargets = breakTargets;
    this.continueTargets = continueTargets;
  }

  /**
   * Adds to {@code exits} the exits out of {@code statement}, which runs in {@code region}; a
   * {@code yield} of a lowered switch expression also gets the field of its value.
   */
  void find(TreePath statement, TryRegion.RegionPart region, Map<Tree, Exit> exits) {
    yieldOf(statement, region, exits);
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null && tree.getKind().name().equals("YIELD")) {
          yieldOf(new TreePath(getCurrentPath(), tree), region, exits);
        }
        return super.scan(tree, unused);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        exits.put(node, planner.ret(region));
        return super.visitReturn(node, unused);
      }

      @Override
      public Void visitBreak(BreakTree node, Void unused) {
        Tree target = node.getLabel() == null ? innermost(getCurrentPath(), false) : labeled(getCurrentPath(), node.getLabel().toString());
        jump(node, target, target == null ? null : breakTargets.get(target));
        return null;
      }

      @Override
      public Void visitContinue(ContinueTree node, Void unused) {
        Tree target = innermost(getCurrentPath(), true);
        if (node.getLabel() != null) {
          Tree labeled = labeled(getCurrentPath(), node.getLabel().toString());
          target = labeled == null ? null : ((LabeledStatementTree) labeled).getStatement();
        }
        jump(node, target, target == null ? null : continueTargets.get(target));
        return null;
      }

      private void jump(Tree node, Tree target, Label label) {
        if (label != null) {
          exits.put(node, planner.jump(region, target, label));
        }
      }
    }.scan(statement, null);
  }

  private void yieldOf(TreePath yield, TryRegion.RegionPart region, Map<Tree, Exit> exits) {
    if (!yield.getLeaf().getKind().name().equals("YIELD")) {
      return;
    }
    Tree target = yieldTarget(yield);
    LoweringContext.YieldTarget lowered = target == null ? null : context.yieldTargets.get(target);
    if (lowered != null) {
      exits.put(yield.getLeaf(), planner.jump(region, target, lowered.end));
      context.verbatimYields.put(yield.getLeaf(), lowered.result);
    }
  }

  /** The switch expression a {@code yield} belongs to: the innermost one around it. */
  static Tree yieldTarget(TreePath yield) {
    for (TreePath p = yield.getParentPath(); p != null; p = p.getParentPath()) {
      Tree.Kind kind = p.getLeaf().getKind();
      if (kind.name().equals("SWITCH_EXPRESSION")) {
        return p.getLeaf();
      }
      if (kind == Tree.Kind.LAMBDA_EXPRESSION || kind == Tree.Kind.CLASS || kind == Tree.Kind.METHOD) {
        return null;
      }
    }
    return null;
  }

  /** The innermost loop (or, for break, switch) around {@code path}, within the same body. */
  private static Tree innermost(TreePath path, boolean loopsOnly) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      switch (p.getLeaf().getKind()) {
        case WHILE_LOOP:
        case DO_WHILE_LOOP:
        case FOR_LOOP:
        case ENHANCED_FOR_LOOP:
          return p.getLeaf();
        case SWITCH:
          if (!loopsOnly) {
            return p.getLeaf();
          }
          break;
        case LAMBDA_EXPRESSION:
        case CLASS:
        case METHOD:
          return null;
        default:
          if (!loopsOnly && p.getLeaf().getKind().name().equals("SWITCH_EXPRESSION")) {
            return p.getLeaf();
          }
          break;
      }
    }
    return null;
  }

  private static Tree labeled(TreePath path, String name) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LabeledStatementTree && ((LabeledStatementTree) leaf).getLabel().contentEquals(name)) {
        return leaf;
      }
      if (leaf.getKind() == Tree.Kind.LAMBDA_EXPRESSION || leaf.getKind() == Tree.Kind.METHOD) {
        return null;
      }
    }
    return null;
  }
}
