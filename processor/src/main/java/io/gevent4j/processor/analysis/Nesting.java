package io.gevent4j.processor.analysis;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/** Where a tree sits relative to the bodies nested in a method: lambdas, anonymous and local classes. */
public final class Nesting {
  private Nesting() {}

  /**
   * Whether {@code path} lies inside a lambda, or inside an anonymous or local class (a class
   * whose parent is not a compilation unit or another class), at any depth.
   */
  public static boolean insideLambdaOrClass(TreePath path) {
    return inside(path, true);
  }

  /** Whether {@code path} lies inside an anonymous or local class (lambdas do not count). */
  public static boolean insideLocalClass(TreePath path) {
    return inside(path, false);
  }

  private static boolean inside(TreePath path, boolean lambdas) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree.Kind kind = p.getLeaf().getKind();
      if (kind == Tree.Kind.LAMBDA_EXPRESSION && lambdas) {
        return true;
      }
      if (p.getLeaf() instanceof com.sun.source.tree.ClassTree) {
        TreePath parent = p.getParentPath();
        return parent != null && !(parent.getLeaf() instanceof com.sun.source.tree.CompilationUnitTree)
            && !(parent.getLeaf() instanceof com.sun.source.tree.ClassTree);
      }
    }
    return false;
  }
}
