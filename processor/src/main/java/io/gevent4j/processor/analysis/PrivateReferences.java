package io.gevent4j.processor.analysis;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
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
 * Method references to private methods and constructors, which the generated class cannot make:
 * the printer writes them as lambdas that call the member's accessor. Only references whose
 * lambda means the same are rewritten: the qualifier is a type, {@code this} or {@code Outer.this}
 * (nothing to evaluate once), and the member is not varargs nor given type arguments.
 */
public final class PrivateReferences {
  private PrivateReferences() {}

  /** How the lambda passes its parameters on. */
  public enum Form {
    /** {@code Foo::staticMethod}: {@code (a, b) -> accessor(a, b)}. */
    STATIC,
    /** {@code this::method}, {@code Outer.this::method}: {@code (a) -> accessor(self, a)}. */
    BOUND,
    /** {@code Foo::instanceMethod}: {@code (self, a) -> accessor(self, a)}. */
    UNBOUND,
    /** {@code Foo::new}: {@code (a) -> new-accessor(a)}. */
    CONSTRUCTOR
  }

  /**
   * The form of the reference at {@code path} to {@code member}, a member reached through an
   * accessor, or null if it cannot be written as a lambda.
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
    return isThis(qualifier) ? Form.BOUND : null;
  }

  /** The number of parameters of the lambda that stands for a reference of {@code form} to {@code member}. */
  public static int arity(Form form, Element member) {
    int parameters = ((ExecutableElement) member).getParameters().size();
    return form == Form.UNBOUND ? parameters + 1 : parameters;
  }

  private static boolean isThis(Tree qualifier) {
    return qualifier instanceof IdentifierTree && ((IdentifierTree) qualifier).getName().contentEquals("this")
        || qualifier instanceof MemberSelectTree && ((MemberSelectTree) qualifier).getIdentifier().contentEquals("this");
  }
}
