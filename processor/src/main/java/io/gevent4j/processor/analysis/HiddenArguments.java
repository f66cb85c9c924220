package io.gevent4j.processor.analysis;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * The cast a call's argument of a private class needs: the generated code holds the value as an
 * {@code Object}, so where the parameter expects an accessible class or interface
 * ({@code runIt(Runnable r)} called with a private {@code Task}) it casts it to that type. The
 * parameter's erasure when its class is not generic; else its type as the call instantiates it
 * ({@code Comparable<String>}), or for a type variable the call instantiates as the private class,
 * its bound; the type must be {@link #nameable} for a cast without raw types: HiddenClassCheck
 * refuses the argument otherwise ({@code T extends Comparable<T>}), the printer writes the cast.
 */
public final class HiddenArguments {
  private HiddenArguments() {}

  /**
   * The type that argument {@code index} of call {@code call} (of {@code callee}) is cast to, or
   * null if it needs none: it is of a private class and the parameter's erasure an accessible
   * class other than {@code Object}.
   */
  public static TypeMirror castOf(Trees trees, Types types, TreePath call, ExecutableElement callee, int index) {
    List<? extends Tree> arguments = call.getLeaf() instanceof MethodInvocationTree
        ? ((MethodInvocationTree) call.getLeaf()).getArguments() : ((NewClassTree) call.getLeaf()).getArguments();
    TypeMirror declared = declaredParameter(callee, index, arguments.size());
    if (declared == null || Declarations.hiddenClassOf(trees.getTypeMirror(new TreePath(call, arguments.get(index)))) == null) {
      return null;
    }
    TypeMirror erasure = types.erasure(declared);
    if (erasure.getKind() != TypeKind.DECLARED || Declarations.hiddenClassOf(erasure) != null
        || ((TypeElement) types.asElement(erasure)).getQualifiedName().contentEquals("java.lang.Object")) {
      return null;
    }
    if (((TypeElement) types.asElement(erasure)).getTypeParameters().isEmpty()) {
      return erasure;
    }
    List<? extends TypeMirror> instantiated = instantiatedParameters(trees, types, call, callee);
    TypeMirror type = instantiated == null ? null : parameterType(instantiated, callee.isVarArgs(), index, arguments.size());
    if (type == null || Declarations.hiddenClassOf(type) != null && declared.getKind() == TypeKind.TYPEVAR) {
      // <T extends Comparable<String>> inferred as the private class: cast to the bound, inferred then
      type = declared.getKind() == TypeKind.TYPEVAR ? ((TypeVariable) declared).getUpperBound() : declared;
    }
    return type;
  }

  /**
   * Whether the generated code can cast to {@code cast}, a parameter type of {@code callee}, without
   * a raw type the source does not have or a name it cannot write: no type variable, captured
   * wildcard or class of a body, each generic class in it with its type arguments (but a raw
   * parameter type as the source declares it), and no private class but as a type argument of a
   * callee that infers none of its own ({@code Comparable<Task>}, which the generated code writes
   * as {@code Comparable<Object>} as it does wherever it holds one; a generic method could infer a
   * type its bounds refuse).
   */
  public static boolean nameable(ExecutableElement callee, TypeMirror cast) {
    if (cast.getKind() == TypeKind.DECLARED && ((DeclaredType) cast).getTypeArguments().isEmpty()
        && Declarations.privateTypeIn(cast) == null) {
      return true; // the erasure of a non-generic class, or the user's own raw parameter type (legacy(Comparable c))
    }
    return Declarations.hiddenClassOf(cast) == null && nameable(cast, callee.getTypeParameters().isEmpty());
  }

  private static boolean nameable(TypeMirror type, boolean hiddenArguments) {
    switch (type.getKind()) {
      case ARRAY:
        return nameable(((ArrayType) type).getComponentType(), hiddenArguments);
      case WILDCARD: {
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
        return bound == null || nameable(bound, hiddenArguments);
      }
      case DECLARED: {
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        if (Declarations.isHidden(element)) {
          return hiddenArguments && element.getTypeParameters().isEmpty();
        }
        NestingKind nesting = element.getNestingKind();
        if (nesting != NestingKind.TOP_LEVEL && nesting != NestingKind.MEMBER
            || declared.getTypeArguments().isEmpty() && !element.getTypeParameters().isEmpty()) {
          return false;
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
          if (!nameable(argument, hiddenArguments)) {
            return false;
          }
        }
        return true;
      }
      default:
        return type.getKind().isPrimitive();
    }
  }

  /** The declared type of the parameter of {@code callee} that argument {@code index} of {@code count} is for, or null. */
  public static TypeMirror declaredParameter(ExecutableElement callee, int index, int count) {
    List<TypeMirror> types = new java.util.ArrayList<>();
    for (VariableElement parameter : callee.getParameters()) {
      types.add(parameter.asType());
    }
    return parameterType(types, callee.isVarArgs(), index, count);
  }

  /** The parameter types of {@code callee} as {@code call} instantiates them, or null if unknown. */
  private static List<? extends TypeMirror> instantiatedParameters(Trees trees, Types types, TreePath call,
      ExecutableElement callee) {
    TypeMirror type;
    if (call.getLeaf() instanceof MethodInvocationTree) {
      type = trees.getTypeMirror(new TreePath(call, ((MethodInvocationTree) call.getLeaf()).getMethodSelect()));
    } else {
      TypeMirror created = trees.getTypeMirror(call);
      try {
        type = created instanceof DeclaredType ? types.asMemberOf((DeclaredType) created, callee) : null;
      } catch (IllegalArgumentException notAMember) {
        type = null;
      }
    }
    return type instanceof ExecutableType && ((ExecutableType) type).getParameterTypes().size() == callee.getParameters().size()
        ? ((ExecutableType) type).getParameterTypes() : null;
  }

  /** The type of the parameter that argument {@code index} of {@code count} is for (varargs spread: the element type). */
  private static TypeMirror parameterType(List<? extends TypeMirror> parameters, boolean varArgs, int index, int count) {
    int size = parameters.size();
    if (size == 0) {
      return null;
    }
    TypeMirror type = parameters.get(Math.min(index, size - 1));
    boolean spread = varArgs && index >= size - 1 && count != size;
    return spread && type instanceof ArrayType ? ((ArrayType) type).getComponentType() : type;
  }
}
