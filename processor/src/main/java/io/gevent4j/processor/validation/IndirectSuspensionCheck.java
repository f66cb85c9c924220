package io.gevent4j.processor.validation;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.CallClassifier;
import io.gevent4j.processor.analysis.Nesting;
import io.gevent4j.processor.analysis.SuspensionFinder;
import io.gevent4j.processor.diagnostic.Diagnostics;
import io.gevent4j.processor.diagnostic.Message;
import io.gevent4j.processor.model.SuspensionPoint;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/**
 * Finds plain methods of this compilation that a coroutine calls and that themselves call a
 * {@code @Yielding} or {@code @Coroutine} method: at run time such a call would fail with the
 * untransformed-call error, so the compiler says which method to annotate instead.
 */
final class IndirectSuspensionCheck {
  private final Trees trees;
  private final Diagnostics diagnostics;
  private final SuspensionFinder finder;
  /** The first suspension point of each plain method looked at, or null: each body is scanned once. */
  private final Map<ExecutableElement, SuspensionPoint> firstSuspension = new HashMap<>();

  IndirectSuspensionCheck(Trees trees, Diagnostics diagnostics) {
    this.trees = trees;
    this.diagnostics = diagnostics;
    this.finder = new SuspensionFinder(trees, new CallClassifier(false));
  }

  /** Reports {@code call}, a call of {@code called} in a coroutine body, if {@code called} suspends indirectly. */
  void check(ExecutableElement called, Tree call, CompilationUnitTree unit) {
    if (CallClassifier.hasAnnotation(called, CallClassifier.COROUTINE) || CallClassifier.hasAnnotation(called, CallClassifier.YIELDING)) {
      return;
    }
    if (!firstSuspension.containsKey(called)) {
      firstSuspension.put(called, scan(called));
    }
    SuspensionPoint point = firstSuspension.get(called);
    if (point != null) {
      long start = trees.getSourcePositions().getStartPosition(point.call().getCompilationUnit(), point.call().getLeaf());
      int line = (int) point.call().getCompilationUnit().getLineMap().getLineNumber(start);
      if (called.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR) {
        diagnostics.report(Message.SUSPENDING_CONSTRUCTOR, call, unit, called.getEnclosingElement().getSimpleName(),
            name(point.method()), line);
      } else {
        String name = name(called);
        diagnostics.report(Message.INDIRECT_SUSPENSION, call, unit, name, name(point.method()), line, name);
      }
    }
  }

  private static String name(ExecutableElement method) {
    return method.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR
        ? "the constructor of " + method.getEnclosingElement().getSimpleName()
        : method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
  }

  /**
   * The first call in {@code method}'s body (outside lambdas and classes) that suspends: of a
   * {@code @Yielding} or {@code @Coroutine} method, or of a plain method or constructor that does,
   * at any depth. Methods compiled elsewhere have no body here and count as plain.
   */
  private SuspensionPoint scan(ExecutableElement method) {
    firstSuspension.put(method, null); // a recursive helper is looked at once
    TreePath path = trees.getPath(method);
    if (path == null || !(path.getLeaf() instanceof MethodTree) || ((MethodTree) path.getLeaf()).getBody() == null) {
      return null;
    }
    for (SuspensionPoint point : finder.find(path).points()) {
      if (!Nesting.insideLambdaOrClass(point.call())) {
        return point;
      }
    }
    SuspensionPoint[] found = {null};
    new com.sun.source.util.TreePathScanner<Void, Void>() {
      @Override
      public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree node, Void unused) {
        through(trees.getElement(getCurrentPath()));
        return super.visitMethodInvocation(node, unused);
      }

      @Override
      public Void visitNewClass(com.sun.source.tree.NewClassTree node, Void unused) {
        through(trees.getElement(getCurrentPath()));
        return super.visitNewClass(node, unused);
      }

      private void through(javax.lang.model.element.Element element) {
        if (found[0] == null && element instanceof ExecutableElement) {
          ExecutableElement inner = (ExecutableElement) element;
          SuspensionPoint point = firstSuspension.containsKey(inner) ? firstSuspension.get(inner) : IndirectSuspensionCheck.this.scan(inner);
          firstSuspension.put(inner, point);
          if (point != null) {
            found[0] = new SuspensionPoint(getCurrentPath(), point.kind(), inner, null); // the call of it, here
          }
        }
      }
    }.scan(new TreePath(path, ((MethodTree) path.getLeaf()).getBody()), null);
    return found[0];
  }
}
