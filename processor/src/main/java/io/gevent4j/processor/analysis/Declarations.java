package io.gevent4j.processor.analysis;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
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
}
