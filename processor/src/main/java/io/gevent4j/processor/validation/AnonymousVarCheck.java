package io.gevent4j.processor.validation;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.diagnostic.Diagnostics;
import io.gevent4j.processor.diagnostic.Message;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reports each {@code var x = new Object() {...}} in a class whose coroutines the processor
 * attributes: javac records the inferred anonymous type in the tree, and when the next round
 * attributes the class again it cannot resolve that type by name (seen on JDK 17 and 25, with
 * any processor that attributes bodies). javac's own error has no position on older JDKs; this
 * one points at the declaration and says what to write instead.
 */
public final class AnonymousVarCheck {
  private final Trees trees;
  private final Diagnostics diagnostics;
  /** Declarations already reported: a nested class is attributed, and checked, with its outer one. */
  private final java.util.Set<VariableTree> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  public AnonymousVarCheck(Trees trees, Diagnostics diagnostics) {
    this.trees = trees;
    this.diagnostics = diagnostics;
  }

  /** Checks the whole class at {@code classPath}. */
  public void check(TreePath classPath) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        Element element = trees.getElement(getCurrentPath());
        if (element != null && isImplicit(getCurrentPath(), node) && isAnonymous(element.asType()) && reported.add(node)) {
          diagnostics.report(Message.VAR_OF_ANONYMOUS_CLASS, node, getCurrentPath().getCompilationUnit(), node.getName());
        }
        return super.visitVariable(node, unused);
      }
    }.scan(classPath, null);
  }

  /**
   * Whether {@code var} was written: no type tree, one javac made up (with no position, or, on
   * newer JDKs, at the {@code var} token), or the name {@code var} itself.
   */
  private boolean isImplicit(TreePath path, VariableTree node) {
    Tree type = node.getType();
    if (type == null || type instanceof IdentifierTree && ((IdentifierTree) type).getName().contentEquals("var")) {
      return true;
    }
    long start = trees.getSourcePositions().getStartPosition(path.getCompilationUnit(), type);
    if (start < 0) {
      return true;
    }
    try {
      CharSequence source = path.getCompilationUnit().getSourceFile().getCharContent(true);
      return start + 3 <= source.length() && source.subSequence((int) start, (int) start + 3).toString().equals("var")
          && (start + 3 == source.length() || !Character.isJavaIdentifierPart(source.charAt((int) start + 3)));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean isAnonymous(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement
        && ((TypeElement) ((DeclaredType) type).asElement()).getNestingKind() == NestingKind.ANONYMOUS;
  }
}
