package io.gevent4j.processor.analysis;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Method references to private methods and constructors, which the generated class cannot make.
 * The printer writes {@code Foo::helper}, {@code Foo::instanceMethod} and {@code Foo::new} as
 * references to the member's accessor (a static method of the same shape, so overload resolution
 * and inference see the same thing), and {@code this::helper} as a lambda calling it. Refused: a
 * qualifier to evaluate once ({@code make()::helper}), {@code super::helper}, varargs members,
 * explicit type arguments, constructors of inner classes, and a {@code this::} reference that an
 * implicitly typed lambda could not replace (an argument of a call, whose overloads and inference
 * a lambda would change, or a generic member).
 */
public final class PrivateReferences {
  private PrivateReferences() {}

  /** How the lambda passes its parameters on. */
  public enum Form {
    /** {@code Foo::staticMethod}: {@code Holder::accessor}. */
    STATIC,
    /** {@code this::method}, {@code Outer.this::method}: {@code (a) -> accessor(self, a)}. */
    BOUND,
    /** {@code Foo::instanceMethod}: {@code Holder::accessor}, whose first parameter is the receiver. */
    UNBOUND,
    /** {@code Foo::new}: {@code Holder::new-accessor}. */
    CONSTRUCTOR
  }

  /**
   * The form of the reference at {@code path} to {@code member}, a member reached through an
   * accessor, or null if the generated class cannot make it mean the same.
   */
  public static Form form(Trees trees, TreePath path, Element member) {
    MemberReferenceTree reference = (MemberReferenceTree) path.getLeaf();
    if (!(member instanceof ExecutableElement) || ((ExecutableElement) member).isVarArgs()
        || reference.getTypeArguments() != null && !reference.getTypeArguments().isEmpty()) {
      return null;
    }
    Tree qualifier = reference.getQualifierExpression();
    boolean typeName = trees.getElement(new TreePath(path, qualifier)) instanceof TypeElement && !isThis(qualifier);
    if (member.getKind() == ElementKind.CONSTRUCTOR) {
      TypeElement created = (TypeElement) member.getEnclosingElement();
      boolean inner = created.getNestingKind() == NestingKind.MEMBER && !created.getModifiers().contains(Modifier.STATIC);
      return typeName && !inner ? Form.CONSTRUCTOR : null;
    }
    if (typeName) {
      return member.getModifiers().contains(Modifier.STATIC) ? Form.STATIC : Form.UNBOUND;
    }
    boolean lambdaMeansTheSame = ((ExecutableElement) member).getTypeParameters().isEmpty() && !isArgument(path);
    return isThis(qualifier) && lambdaMeansTheSame ? Form.BOUND : null;
  }

  /** Whether the reference is an argument of a method or constructor call. */
  private static boolean isArgument(TreePath path) {
    Tree parent = path.getParentPath().getLeaf();
    Tree leaf = path.getLeaf();
    return parent instanceof MethodInvocationTree && ((MethodInvocationTree) parent).getArguments().contains(leaf)
        || parent instanceof NewClassTree && ((NewClassTree) parent).getArguments().contains(leaf);
  }

  private static boolean isThis(Tree qualifier) {
    return qualifier instanceof IdentifierTree && ((IdentifierTree) qualifier).getName().contentEquals("this")
        || qualifier instanceof MemberSelectTree && ((MemberSelectTree) qualifier).getIdentifier().contentEquals("this");
  }
}
