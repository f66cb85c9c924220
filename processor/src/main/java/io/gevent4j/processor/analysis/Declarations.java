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
   * Whether {@code element} is a private constant variable (JLS 4.12.4): the generated code cannot
   * name it, so it writes its value ({@link VariableElement#getConstantValue()}) instead.
   */
  public static boolean isPrivateConstant(Element element) {
    return element != null && element.getKind() == ElementKind.FIELD && element.getModifiers().contains(Modifier.PRIVATE)
        && ((VariableElement) element).getConstantValue() != null;
  }

  /**
   * Whether {@code element} is a private field, method or constructor of a named class (not one
   * declared in a body, which is copied into the generated class with it) that is not a constant:
   * the generated code reaches it through a method handle accessor.
   */
  public static boolean needsAccessor(Element element) {
    if (element == null || !element.getModifiers().contains(Modifier.PRIVATE) || isPrivateConstant(element)) {
      return false;
    }
    ElementKind kind = element.getKind();
    if (kind != ElementKind.FIELD && kind != ElementKind.METHOD && kind != ElementKind.CONSTRUCTOR) {
      return false;
    }
    NestingKind nesting = ((TypeElement) element.getEnclosingElement()).getNestingKind();
    return nesting == NestingKind.TOP_LEVEL || nesting == NestingKind.MEMBER;
  }

  /** The first private class {@code type} names (itself, an enclosing class, a type argument), or null. */
  public static TypeElement privateTypeIn(javax.lang.model.type.TypeMirror type) {
    if (type instanceof javax.lang.model.type.ArrayType) {
      return privateTypeIn(((javax.lang.model.type.ArrayType) type).getComponentType());
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
      TypeElement hidden = privateTypeIn(argument);
      if (hidden != null) {
        return hidden;
      }
    }
    return null;
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
}
