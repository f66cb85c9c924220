package io.gevent4j.processor.lowering;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.SuspensionFinder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * Finds the pattern variables ({@code o instanceof String s}, record patterns) that must live in
 * fields: those declared in code that lowering splits into states, and those whose flow scope
 * ({@code if (!(o instanceof String s)) return;}) reaches beyond the statement that stays whole.
 */
final class PatternBindings {
  private PatternBindings() {}

  /** The bindings to lift, each with the path of its declaration, in source order. */
  static Map<VariableElement, TreePath> toLift(TreePath body, SuspensionFinder.Result found, Trees trees) {
    Map<VariableElement, TreePath> declared = new LinkedHashMap<>();
    Map<VariableElement, Tree> unit = new IdentityHashMap<>();
    Map<VariableElement, List<TreePath>> uses = new IdentityHashMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null; // their own bindings are theirs; they cannot be split
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        Element element = trees.getElement(getCurrentPath());
        if (element != null && element.getKind().name().equals("BINDING_VARIABLE")) {
          declared.put((VariableElement) element, getCurrentPath());
          unit.put((VariableElement) element, wholeStatement(getCurrentPath(), found));
        }
        return super.visitVariable(node, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        Element element = trees.getElement(getCurrentPath());
        if (element instanceof VariableElement) {
          uses.computeIfAbsent((VariableElement) element, e -> new ArrayList<>()).add(getCurrentPath());
        }
        return null;
      }
    }.scan(body, null);
    Map<VariableElement, TreePath> lifted = new LinkedHashMap<>();
    for (Map.Entry<VariableElement, TreePath> binding : declared.entrySet()) {
      Tree whole = unit.get(binding.getKey());
      boolean escapes = whole == null;
      for (TreePath use : uses.getOrDefault(binding.getKey(), new ArrayList<>())) {
        escapes |= !within(use, whole);
      }
      if (escapes) {
        lifted.put(binding.getKey(), binding.getValue());
      }
    }
    return lifted;
  }

  /**
   * The outermost statement around {@code path} that lowering keeps whole (it does not suspend),
   * or null when the statement holding the binding is itself split.
   */
  private static Tree wholeStatement(TreePath path, SuspensionFinder.Result found) {
    Tree whole = null;
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof StatementTree) {
        if (found.suspends(leaf)) {
          return whole;
        }
        whole = leaf;
      }
      if (leaf.getKind() == Tree.Kind.METHOD) {
        return whole;
      }
    }
    return whole;
  }

  private static boolean within(TreePath path, Tree ancestor) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == ancestor) {
        return true;
      }
    }
    return false;
  }
}
