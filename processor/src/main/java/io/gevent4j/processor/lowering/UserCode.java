package io.gevent4j.processor.lowering;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import io.gevent4j.processor.model.Code;
import io.gevent4j.processor.model.Slot;
import java.util.Map;
import javax.lang.model.type.TypeMirror;

/**
 * Whether evaluating lowered code may run user code (a call, a constructor, a {@code toString()}
 * of string concatenation). The operands of a {@code @Yielding} call must not: the call is marked
 * cooperative before they are evaluated ({@code prepare$()}), and a plain method they ran that
 * itself made a {@code @Yielding} call would be taken for the cooperative one.
 */
final class UserCode {
  private final Trees trees;

  UserCode(Trees trees) {
    this.trees = trees;
  }

  boolean mayRun(Code code) {
    boolean composed = code.parts().size() > 1;
    for (Object part : code.parts()) {
      if (part instanceof Slot || part instanceof TypeMirror) {
        continue;
      }
      if (part instanceof TreePath) {
        if (mayRun((TreePath) part, null)) {
          return true;
        }
      } else if (part instanceof Code.Substituted) {
        Code.Substituted substituted = (Code.Substituted) part;
        if (mayRun(substituted.path(), substituted.operands())) {
          return true;
        }
        for (Code operand : substituted.operands().values()) {
          if (mayRun(operand)) {
            return true;
          }
        }
      } else if (composed || !(part instanceof String)) {
        return true; // code lowering composed (a call, a creation, a concatenation): assume it may
      }
    }
    return false;
  }

  private boolean mayRun(TreePath path, Map<Tree, Code> replaced) {
    Boolean found = new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean scan(Tree tree, Void unused) {
        return tree == null || replaced != null && replaced.containsKey(tree) ? Boolean.FALSE : super.scan(tree, unused);
      }

      @Override
      public Boolean visitMethodInvocation(MethodInvocationTree node, Void unused) {
        return true;
      }

      @Override
      public Boolean visitNewClass(NewClassTree node, Void unused) {
        return true;
      }

      @Override
      public Boolean visitBinary(BinaryTree node, Void unused) {
        return node.getKind() == Tree.Kind.PLUS && !isPrimitive(node) || super.visitBinary(node, unused);
      }

      @Override
      public Boolean visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        return node.getKind() == Tree.Kind.PLUS_ASSIGNMENT && !isPrimitive(node) || super.visitCompoundAssignment(node, unused);
      }

      @Override
      public Boolean visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return false; // creating a lambda runs nothing
      }

      @Override
      public Boolean visitMemberReference(MemberReferenceTree node, Void unused) {
        return super.scan(node.getQualifierExpression(), unused);
      }

      @Override
      public Boolean visitOther(Tree node, Void unused) {
        return true; // switch expressions and newer forms: assume they may
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }

      /** A {@code +} on numbers, not a string concatenation (which calls {@code toString()}). */
      private boolean isPrimitive(Tree node) {
        TypeMirror type = trees.getTypeMirror(new TreePath(path, node));
        return type != null && type.getKind().isPrimitive();
      }
    }.scan(path.getLeaf(), null);
    return Boolean.TRUE.equals(found);
  }
}
