package io.gevent4j.processor.analysis;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Facts about declarations that several stages ask the same way. */
public final class Declarations {
  private Declarations() {}

  /** The top-level class that declares {@code element} (itself, if it is one). */
  public static TypeElement topLevel(Element element) {
    Element top = element;
    while (!(top instanceof TypeElement && top.getEnclosingElement() instanceof PackageElement)) {
      top = top.getEnclosingElement();
    }
    return (TypeElement) top;
  }

  /**
   * Whether {@code element} is a constant variable (JLS 4.12.4) the generated code cannot name, a
   * private one or one of a private class: it writes its value
   * ({@link VariableElement#getConstantValue()}) instead.
   */
  public static boolean isPrivateConstant(Element element) {
    return element != null && element.getKind() == ElementKind.FIELD && ((VariableElement) element).getConstantValue() != null
        && (element.getModifiers().contains(Modifier.PRIVATE) || isHidden(element.getEnclosingElement()));
  }

  /**
   * Whether {@code element} is a field, enum constant, method or constructor of a named class (not
   * one declared in a body, which is copied into the generated class with it) that the generated
   * code cannot use directly: private, of a private class, or with a private class in its
   * signature. It reaches it through a method handle accessor; constants are written as values.
   */
  public static boolean needsAccessor(Element element) {
    if (element == null || isPrivateConstant(element) || element.getSimpleName().contentEquals("class")) {
      return false; // (javac gives `Foo.class` a field of its own)
    }
    ElementKind kind = element.getKind();
    if (kind != ElementKind.FIELD && kind != ElementKind.ENUM_CONSTANT && kind != ElementKind.METHOD
        && kind != ElementKind.CONSTRUCTOR) {
      return false;
    }
    NestingKind nesting = ((TypeElement) element.getEnclosingElement()).getNestingKind();
    return (nesting == NestingKind.TOP_LEVEL || nesting == NestingKind.MEMBER)
        && (element.getModifiers().contains(Modifier.PRIVATE) || namesHiddenType(element));
  }

  /**
   * Whether the accessor of {@code member} ({@link #needsAccessor}) names a private class: its
   * class is one, or its signature names one. Its accessor then types each such value as
   * {@code Object}, as the generated code holds it.
   */
  public static boolean namesHiddenType(Element member) {
    if (isHidden(member.getEnclosingElement())) {
      return true;
    }
    if (!(member instanceof ExecutableElement)) {
      return privateTypeIn(member.asType()) != null;
    }
    ExecutableElement executable = (ExecutableElement) member;
    if (privateTypeIn(executable.getReturnType()) != null) {
      return true;
    }
    for (VariableElement parameter : executable.getParameters()) {
      if (privateTypeIn(parameter.asType()) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code element} is a named class the generated code cannot name: a private member
   * class or one nested in one. The generated code holds its values as {@code Object}s.
   */
  public static boolean isHidden(Element element) {
    for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
      NestingKind nesting = ((TypeElement) e).getNestingKind();
      if (nesting != NestingKind.MEMBER && nesting != NestingKind.TOP_LEVEL) {
        return false; // a class of a body: printed with it
      }
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  /** The private class ({@link #isHidden}) that {@code type} is, or null: its values are Objects in the generated code. */
  public static TypeElement hiddenClassOf(javax.lang.model.type.TypeMirror type) {
    if (type == null || type.getKind() != javax.lang.model.type.TypeKind.DECLARED) {
      return null;
    }
    Element element = ((javax.lang.model.type.DeclaredType) type).asElement();
    return isHidden(element) ? (TypeElement) element : null;
  }

  /** The ordinal of enum constant {@code constant}: its place among its enum's constants, as declared. */
  public static int ordinal(Element constant) {
    int ordinal = 0;
    for (Element sibling : constant.getEnclosingElement().getEnclosedElements()) {
      if (sibling.equals(constant)) {
        return ordinal;
      }
      if (sibling.getKind() == ElementKind.ENUM_CONSTANT) {
        ordinal++;
      }
    }
    throw new IllegalArgumentException("not an enum constant: " + constant);
  }

  /** The first private class {@code type} names (itself, an enclosing class, a type argument), or null. */
  public static TypeElement privateTypeIn(javax.lang.model.type.TypeMirror type) {
    return privateTypeIn(type, true);
  }

  private static TypeElement privateTypeIn(javax.lang.model.type.TypeMirror type, boolean bounds) {
    if (type instanceof javax.lang.model.type.ArrayType) {
      return privateTypeIn(((javax.lang.model.type.ArrayType) type).getComponentType(), bounds);
    }
    if (type instanceof javax.lang.model.type.TypeVariable) {
      // <T extends Hidden>: the generated code repeats the bound (once: T extends Comparable<T>)
      return bounds ? privateTypeIn(((javax.lang.model.type.TypeVariable) type).getUpperBound(), false) : null;
    }
    if (type instanceof javax.lang.model.type.WildcardType) {
      javax.lang.model.type.WildcardType wildcard = (javax.lang.model.type.WildcardType) type;
      javax.lang.model.type.TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
      return bound == null ? null : privateTypeIn(bound, bounds);
    }
    if (type instanceof javax.lang.model.type.IntersectionType) {
      for (javax.lang.model.type.TypeMirror bound : ((javax.lang.model.type.IntersectionType) type).getBounds()) {
        TypeElement hidden = privateTypeIn(bound, bounds);
        if (hidden != null) {
          return hidden;
        }
      }
      return null;
    }
    if (!(type instanceof javax.lang.model.type.DeclaredType)) {
      return null;
    }
    javax.lang.model.type.DeclaredType declared = (javax.lang.model.type.DeclaredType) type;
    for (Element e = declared.asElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return (TypeElement) e;
      }
    }
    for (javax.lang.model.type.TypeMirror argument : declared.getTypeArguments()) {
      TypeElement hidden = privateTypeIn(argument, bounds);
      if (hidden != null) {
        return hidden;
      }
    }
    return null;
  }

  /**
   * The classes whose enclosing instance an inner class's coroutine reads to reach a member of
   * {@code declaring} (JLS 15.12.1: the innermost enclosing class that has it): {@code coroutineClass}
   * first, then each next enclosing class; empty when {@code coroutineClass} has the member itself.
   * Null when an enclosing instance cannot be read: a static class on the way, or a generic one.
   */
  public static java.util.List<TypeElement> outerChain(TypeElement coroutineClass, TypeElement declaring,
      javax.lang.model.util.Types types) {
    java.util.List<TypeElement> chain = new java.util.ArrayList<>();
    for (TypeElement type = coroutineClass; !types.isSubtype(types.erasure(type.asType()), types.erasure(declaring.asType()));
        type = (TypeElement) type.getEnclosingElement()) {
      if (type.getNestingKind() != NestingKind.MEMBER || type.getModifiers().contains(Modifier.STATIC)
          || type.getKind() != ElementKind.CLASS || !(type.getEnclosingElement() instanceof TypeElement)) {
        return null;
      }
      chain.add(type);
    }
    return chain;
  }

  /**
   * The field javac gives an inner class for its enclosing instance: {@code this$N}, where N is
   * how many enclosing instances the enclosing class itself has ({@code this$0} in an inner class
   * of a top-level or static class, {@code this$1} one inner level deeper).
   */
  public static String outerInstanceField(TypeElement inner) {
    int depth = 0;
    for (TypeElement outer = (TypeElement) inner.getEnclosingElement(); isInner(outer);
        outer = (TypeElement) outer.getEnclosingElement()) {
      depth++;
    }
    return "this$" + depth;
  }

  private static boolean isInner(TypeElement type) {
    return type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == ElementKind.CLASS && type.getEnclosingElement() instanceof TypeElement;
  }

  /**
   * Whether a subclass may override {@code method}: an instance method, not private or final, of
   * a class that is not final (records, enums without constant bodies and anonymous classes are)
   * or of an interface. Calls of an overridable coroutine dispatch on the receiver's class.
   */
  public static boolean isOverridable(ExecutableElement method) {
    java.util.Set<Modifier> modifiers = method.getModifiers();
    Element owner = method.getEnclosingElement();
    return !modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.PRIVATE) && !modifiers.contains(Modifier.FINAL)
        && !owner.getModifiers().contains(Modifier.FINAL) && !owner.getKind().name().equals("RECORD");
  }

  /**
   * The type the result of {@code x op= e} (or {@code x++}) is cast back to, for {@code x} of
   * {@code type}: its primitive type if it is boxed ({@code (byte)}, not {@code (Byte)}), else itself.
   */
  public static javax.lang.model.type.TypeMirror arithmeticType(javax.lang.model.util.Types types, javax.lang.model.type.TypeMirror type) {
    if (type.getKind() == javax.lang.model.type.TypeKind.DECLARED) {
      try {
        return types.unboxedType(type);
      } catch (IllegalArgumentException notBoxed) {
        return type;
      }
    }
    return type;
  }

  /**
   * The plain method that the select at {@code select} calls through {@code super} — the method
   * select of {@code super.m(...)}, or of {@code Iface.super.m(...)} with {@code Iface} a direct
   * superinterface of {@code coroutineClass} — made by the body (not by a local or anonymous
   * class, whose {@code super} is its own); null for anything else, a {@code @Coroutine} or
   * {@code @Yielding} method's included (those are suspension points).
   */
  public static javax.lang.model.element.ExecutableElement plainSuperCall(com.sun.source.util.Trees trees,
      com.sun.source.util.TreePath select, TypeElement coroutineClass) {
    if (!(select.getLeaf() instanceof com.sun.source.tree.MemberSelectTree)
        || !(select.getParentPath().getLeaf() instanceof com.sun.source.tree.MethodInvocationTree)
        || ((com.sun.source.tree.MethodInvocationTree) select.getParentPath().getLeaf()).getMethodSelect() != select.getLeaf()
        || Nesting.insideLocalClass(select)) {
      return null;
    }
    com.sun.source.tree.ExpressionTree qualifier = ((com.sun.source.tree.MemberSelectTree) select.getLeaf()).getExpression();
    boolean ownSuper;
    if (qualifier instanceof com.sun.source.tree.IdentifierTree) {
      ownSuper = ((com.sun.source.tree.IdentifierTree) qualifier).getName().contentEquals("super");
    } else if (qualifier instanceof com.sun.source.tree.MemberSelectTree
        && ((com.sun.source.tree.MemberSelectTree) qualifier).getIdentifier().contentEquals("super")) {
      Element named = trees.getElement(new com.sun.source.util.TreePath(new com.sun.source.util.TreePath(select, qualifier),
          ((com.sun.source.tree.MemberSelectTree) qualifier).getExpression()));
      ownSuper = named != null && named.getKind().isInterface() && isDirectSuperinterface(coroutineClass, named);
    } else {
      ownSuper = false;
    }
    Element called = ownSuper ? trees.getElement(select) : null;
    if (!(called instanceof javax.lang.model.element.ExecutableElement)
        || CallClassifier.hasAnnotation(called, CallClassifier.COROUTINE) || CallClassifier.hasAnnotation(called, CallClassifier.YIELDING)) {
      return null;
    }
    return (javax.lang.model.element.ExecutableElement) called;
  }

  private static boolean isDirectSuperinterface(TypeElement type, Element candidate) {
    for (javax.lang.model.type.TypeMirror direct : type.getInterfaces()) {
      if (((javax.lang.model.type.DeclaredType) direct).asElement().equals(candidate)) {
        return true;
      }
    }
    return false;
  }
}
