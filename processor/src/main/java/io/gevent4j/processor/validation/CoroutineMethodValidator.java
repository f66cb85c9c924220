package io.gevent4j.processor.validation;

import io.gevent4j.processor.analysis.Declarations;
import io.gevent4j.processor.diagnostic.Diagnostics;
import io.gevent4j.processor.diagnostic.Message;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/** Checks a {@code @Coroutine} method's declaration: that it is not native, and has a reachable class. */
public final class CoroutineMethodValidator {
  private final Diagnostics diagnostics;

  public CoroutineMethodValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Reports what is wrong with {@code method}'s declaration; returns whether it is valid. */
  public boolean validate(ExecutableElement method, String generatedClassName) {
    int errors = diagnostics.errorCount();
    if (method.getModifiers().contains(Modifier.NATIVE)) {
      diagnostics.report(Message.ABSTRACT_COROUTINE, method, method.getSimpleName());
    }
    if (method.getModifiers().contains(Modifier.SYNCHRONIZED)) {
      diagnostics.report(Message.SYNCHRONIZED_COROUTINE, method, method.getSimpleName());
    }
    checkSignatureTypes(method, generatedClassName);
    for (Element type = method.getEnclosingElement(); type instanceof TypeElement; type = type.getEnclosingElement()) {
      TypeElement typeElement = (TypeElement) type;
      NestingKind nesting = typeElement.getNestingKind();
      if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
        diagnostics.report(Message.LOCAL_CLASS_COROUTINE, method, describe(typeElement));
        break;
      }
      if (typeElement.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.report(Message.PRIVATE_CLASS_COROUTINE, method, typeElement.getQualifiedName(), generatedClassName);
        break;
      }
    }
    return diagnostics.errorCount() == errors;
  }

  /**
   * The generated factories repeat the signature: a private class in it is written as
   * {@code Object} (ARCHITECTURE, "Private classes"), except where the type must be exact: a
   * type parameter's bound, and an overridable coroutine's, whose dispatch names its parameter types.
   */
  private void checkSignatureTypes(ExecutableElement method, String generatedClassName) {
    java.util.List<javax.lang.model.type.TypeMirror> types = new java.util.ArrayList<>();
    for (javax.lang.model.element.TypeParameterElement parameter : method.getTypeParameters()) {
      types.addAll(parameter.getBounds());
    }
    if (Declarations.isOverridable(method)) {
      types.add(method.getReturnType());
      for (javax.lang.model.element.VariableElement parameter : method.getParameters()) {
        types.add(parameter.asType());
      }
    }
    for (javax.lang.model.type.TypeMirror type : types) {
      TypeElement hidden = Declarations.privateTypeIn(type);
      if (hidden != null) {
        diagnostics.report(Message.PRIVATE_ACCESS, method, "class " + hidden.getSimpleName(), generatedClassName);
        return;
      }
    }
  }

  private static String describe(TypeElement type) {
    return type.getNestingKind() == NestingKind.ANONYMOUS ? "an anonymous class" : "local class " + type.getSimpleName();
  }
}
