package io.gevent4j.processor.validation;

import io.gevent4j.processor.analysis.CallClassifier;
import io.gevent4j.processor.diagnostic.Diagnostics;
import io.gevent4j.processor.diagnostic.Message;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Refuses override relations the runtime cannot dispatch as Java would: coroutines are called
 * through their declaring class's generated frame factory (static dispatch), so a method that
 * overrides a {@code @Coroutine} method, coroutine or not, would be skipped by coroutine callers.
 */
public final class OverrideValidator {
  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;

  public OverrideValidator(Elements elements, Types types, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /** Checks every method of {@code type} against the methods of all its supertypes. */
  public void validate(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      ExecutableElement overridden = overriddenCoroutine(type, method);
      if (overridden == null) {
        continue;
      }
      String base = describe(overridden);
      if (CallClassifier.hasAnnotation(method, CallClassifier.COROUTINE)) {
        diagnostics.report(Message.OVERRIDE, method, describe(method), base, base, base);
      } else {
        diagnostics.report(Message.OVERRIDDEN, method, describe(method), base, base, base);
      }
    }
  }

  private ExecutableElement overriddenCoroutine(TypeElement type, ExecutableElement method) {
    Deque<TypeMirror> pending = new ArrayDeque<>(types.directSupertypes(type.asType()));
    Set<Element> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      TypeMirror supertype = pending.pop();
      if (!(supertype instanceof DeclaredType)) {
        continue;
      }
      TypeElement element = (TypeElement) ((DeclaredType) supertype).asElement();
      if (!seen.add(element) || element.getQualifiedName().contentEquals("java.lang.Object")) {
        continue;
      }
      for (ExecutableElement candidate : ElementFilter.methodsIn(element.getEnclosedElements())) {
        if (candidate.getSimpleName().equals(method.getSimpleName())
            && CallClassifier.hasAnnotation(candidate, CallClassifier.COROUTINE)
            && elements.overrides(method, candidate, type)) {
          return candidate;
        }
      }
      pending.addAll(types.directSupertypes(supertype));
    }
    return null;
  }

  private static String describe(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
  }
}
