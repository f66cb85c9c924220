package io.gevent4j.processor.model;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.ExecutableElement;

/** A call in a coroutine body that may suspend the greenlet. */
public final class SuspensionPoint {
  private final TreePath call;
  private final CallKind kind;
  private final ExecutableElement method;
  private final String replacementOwner;

  public SuspensionPoint(TreePath call, CallKind kind, ExecutableElement method, String replacementOwner) {
    if (!kind.suspends()) {
      throw new IllegalArgumentException(kind + " does not suspend");
    }
    this.call = call;
    this.kind = kind;
    this.method = method;
    this.replacementOwner = replacementOwner;
  }

  /** The path to the {@link MethodInvocationTree}. */
  public TreePath call() {
    return call;
  }

  public MethodInvocationTree tree() {
    return (MethodInvocationTree) call.getLeaf();
  }

  public CallKind kind() {
    return kind;
  }

  public ExecutableElement method() {
    return method;
  }

  /**
   * Whether the call is {@code super.m(...)} or {@code Iface.super.m(...)}: it runs the named
   * method's own body, never an override (javac's {@code invokespecial}), on the coroutine's receiver.
   */
  public boolean isSuper() {
    ExpressionTree select = tree().getMethodSelect();
    if (!(select instanceof MemberSelectTree)) {
      return false;
    }
    ExpressionTree receiver = ((MemberSelectTree) select).getExpression();
    return receiver instanceof IdentifierTree
        ? ((IdentifierTree) receiver).getName().contentEquals("super")
        : receiver instanceof MemberSelectTree
            && ((MemberSelectTree) receiver).getIdentifier().contentEquals("super");
  }

  /** For a {@link CallKind#PATCHED} call, the class whose same-named static method replaces it. */
  public String replacementOwner() {
    return replacementOwner;
  }

  @Override
  public String toString() {
    return kind + " " + call.getLeaf();
  }
}
