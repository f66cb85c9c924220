package io.gevent4j.processor.analysis;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/** Where a tree sits relative to the bodies nested in a method: lambdas and classes. */
public final class Nesting {
  private Nesting() {}

  /** Whether {@code path} lies inside a lambda or a class body within its method. */
  public static boolean insideLambdaOrClass(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree.Kind kind = p.getLeaf().getKind();
      if (kind == Tree.Kind.LAMBDA_EXPRESSION || kind == Tree.Kind.CLASS) {
        return true;
      }
      if (kind == Tree.Kind.METHOD) {
        return false;
      }
    }
    return false;
  }
}
