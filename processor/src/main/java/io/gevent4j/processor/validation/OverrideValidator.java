package io.gevent4j.processor.validation;

import io.gevent4j.processor.analysis.CallClassifier;
import io.gevent4j.processor.diagnostic.Diagnostics;
import io.gevent4j.processor.diagnostic.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Refuses overrides that mix coroutines and plain methods: a call dispatches to the override the
 * receiver's class selects, so a plain method overriding a {@code @Coroutine} one would be run
 * by coroutines as plain code, and a {@code @Coroutine} overriding a plain method would be run
 * untransformed by callers of the plain one (try-with-resources' {@code close()}, a
 * {@code Runnable}'s {@code run()}). Coroutines overriding coroutines are dispatched at run time.
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

  /**
   * Checks the methods {@code type} declares against those of its supertypes, and the methods it
   * inherits from a superclass against those of interfaces only {@code type} adds.
   */
  public void validate(TypeElement type) {
    List<TypeElement> supertypes = supertypes(type);
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      ExecutableElement overridden = mismatch(type, method, supertypes);
      if (overridden != null) {
        report(method, method, overridden);
      }
    }
    Map<Element, List<TypeElement>> addedByDeclaring = new HashMap<>();
    Map<Element, Boolean> addedCoroutines = new HashMap<>();
    for (ExecutableElement inherited : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      Element declaring = inherited.getEnclosingElement();
      if (declaring.equals(type) || declaring.getKind().isInterface() || inherited.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      List<TypeElement> added = addedByDeclaring.computeIfAbsent(declaring, d -> interfacesAddedTo(d, supertypes));
      boolean relevant = isCoroutine(inherited) || addedCoroutines.computeIfAbsent(declaring, d -> declareCoroutines(added));
      if (relevant) {
        ExecutableElement overridden = mismatch(type, inherited, added);
        if (overridden != null) {
          report(type, inherited, overridden);
        }
      }
    }
  }

  /** The interfaces among {@code supertypes} that {@code declaring} does not implement. */
  private List<TypeElement> interfacesAddedTo(Element declaring, List<TypeElement> supertypes) {
    List<TypeElement> added = new ArrayList<>();
    for (TypeElement supertype : supertypes) {
      if (supertype.getKind().isInterface() && !types.isSubtype(types.erasure(declaring.asType()), types.erasure(supertype.asType()))) {
        added.add(supertype);
      }
    }
    return added;
  }

  private static boolean declareCoroutines(List<TypeElement> types) {
    for (TypeElement type : types) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (isCoroutine(method)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A method of {@code candidates} that {@code method} overrides in {@code type} and that is a coroutine where it is not, or the reverse. */
  private ExecutableElement mismatch(TypeElement type, ExecutableElement method, List<TypeElement> candidates) {
    if (method.getModifiers().contains(Modifier.STATIC) || method.getModifiers().contains(Modifier.PRIVATE)) {
      return null;
    }
    boolean coroutine = isCoroutine(method);
    for (TypeElement supertype : candidates) {
      for (ExecutableElement candidate : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
        if (candidate.getSimpleName().equals(method.getSimpleName()) && isCoroutine(candidate) != coroutine
            && elements.overrides(method, candidate, type)) {
          return candidate;
        }
      }
    }
    return null;
  }

  private void report(Element at, ExecutableElement method, ExecutableElement overridden) {
    String name = describe(method);
    String base = describe(overridden);
    if (isCoroutine(overridden)) {
      String advice = at == method ? "annotate it with @Coroutine"
          : "annotate " + name + " with @Coroutine, or override it in " + ((TypeElement) at).getSimpleName() + " with a @Coroutine";
      diagnostics.report(Message.OVERRIDDEN, at, name, base, base, advice);
    } else {
      String how = method.getSimpleName().contentEquals("close") && method.getParameters().isEmpty()
          ? " (try-with-resources calls close() this way)" : "";
      diagnostics.report(Message.OVERRIDES_PLAIN, at, name, base, base, how, method.getSimpleName(), base);
    }
  }

  private static boolean isCoroutine(ExecutableElement method) {
    return CallClassifier.hasAnnotation(method, CallClassifier.COROUTINE);
  }

  /** Every supertype of {@code type} but itself, nearest first. */
  private List<TypeElement> supertypes(TypeElement type) {
    Set<TypeElement> all = new LinkedHashSet<>();
    Deque<TypeMirror> pending = new ArrayDeque<>(types.directSupertypes(type.asType()));
    while (!pending.isEmpty()) {
      TypeMirror supertype = pending.pop();
      if (supertype instanceof DeclaredType) {
        TypeElement element = (TypeElement) ((DeclaredType) supertype).asElement();
        if (all.add(element)) {
          pending.addAll(types.directSupertypes(supertype));
        }
      }
    }
    return new ArrayList<>(all);
  }

  private static String describe(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
  }
}
