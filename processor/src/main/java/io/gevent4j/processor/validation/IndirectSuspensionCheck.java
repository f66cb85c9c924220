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
      long start = trees.getSourcePositions().getStartPosition(point.call().getCompilationUnit(), point.tree());
      int line = (int) point.call().getCompilationUnit().getLineMap().getLineNumber(start);
      String name = called.getEnclosingElement().getSimpleName() + "." + called.getSimpleName();
      diagnostics.report(Message.INDIRECT_SUSPENSION, call, unit, name,
          point.method().getEnclosingElement().getSimpleName() + "." + point.method().getSimpleName(), line, name);
    }
  }

  private SuspensionPoint scan(ExecutableElement method) {
    TreePath path = trees.getPath(method);
    if (path == null || !(path.getLeaf() instanceof MethodTree) || ((MethodTree) path.getLeaf()).getBody() == null) {
      return null;
    }
    for (SuspensionPoint point : finder.find(path).points()) {
      if (!Nesting.insideLambdaOrClass(point.call())) {
        return point;
      }
    }
    return null;
  }
}
