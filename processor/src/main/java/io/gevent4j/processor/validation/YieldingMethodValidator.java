package io.gevent4j.processor.validation;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.analysis.CallClassifier;
import io.gevent4j.processor.analysis.Nesting;
import io.gevent4j.processor.diagnostic.Diagnostics;
import io.gevent4j.processor.diagnostic.Message;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks the shape of {@code @Yielding} primitives compiled in this build: inside a coroutine,
 * {@code Waiter.await()} (and a call of another {@code @Yielding} method) returns a placeholder at
 * once, so its value may only be returned, and nothing may follow it.
 */
public final class YieldingMethodValidator {
  private static final String WAITER = "io.gevent4j.Waiter";

  private final Trees trees;
  private final Diagnostics diagnostics;

  public YieldingMethodValidator(Trees trees, Diagnostics diagnostics) {
    this.trees = trees;
    this.diagnostics = diagnostics;
  }

  /** Reports a {@code @Yielding} method that is also a coroutine, or that uses an await's result. */
  public void validate(ExecutableElement method) {
    if (CallClassifier.hasAnnotation(method, CallClassifier.COROUTINE)) {
      diagnostics.report(Message.YIELDING_AND_COROUTINE, method, describe(method));
      return;
    }
    TreePath path = trees.getPath(method);
    if (path == null || ((MethodTree) path.getLeaf()).getBody() == null) {
      return;
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        super.visitMethodInvocation(node, unused);
        Element called = trees.getElement(getCurrentPath());
        if (called instanceof ExecutableElement && suspends((ExecutableElement) called)
            && !Nesting.insideLambdaOrClass(getCurrentPath()) && !isTail(getCurrentPath())) {
          String name = describe((ExecutableElement) called) + "()";
          diagnostics.report(Message.YIELDING_SHAPE, node, getCurrentPath().getCompilationUnit(), describe(method), name, name);
        }
        return null;
      }
    }.scan(path, null);
  }

  private static boolean suspends(ExecutableElement called) {
    Element owner = called.getEnclosingElement();
    boolean await = owner instanceof TypeElement && ((TypeElement) owner).getQualifiedName().contentEquals(WAITER)
        && called.getSimpleName().toString().startsWith("await");
    return await || CallClassifier.hasAnnotation(called, CallClassifier.YIELDING);
  }

  /** {@code return call;} (through casts and parentheses), or {@code call;} as the block's last statement. */
  private static boolean isTail(TreePath call) {
    TreePath parent = call.getParentPath();
    while (parent.getLeaf().getKind() == Tree.Kind.PARENTHESIZED || parent.getLeaf().getKind() == Tree.Kind.TYPE_CAST) {
      parent = parent.getParentPath();
    }
    if (parent.getLeaf().getKind() == Tree.Kind.RETURN) {
      return true;
    }
    if (parent.getLeaf().getKind() != Tree.Kind.EXPRESSION_STATEMENT || !(parent.getParentPath().getLeaf() instanceof BlockTree)) {
      return false;
    }
    List<? extends StatementTree> block = ((BlockTree) parent.getParentPath().getLeaf()).getStatements();
    int index = block.indexOf(parent.getLeaf());
    return index == block.size() - 1
        || (index == block.size() - 2 && block.get(index + 1).getKind() == Tree.Kind.RETURN);
  }

  private static String describe(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
  }
}
