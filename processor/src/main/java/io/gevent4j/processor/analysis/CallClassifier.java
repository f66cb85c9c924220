package io.gevent4j.processor.analysis;

import io.gevent4j.processor.model.CallKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Decides what a called method is: a {@code @Yielding} primitive, another {@code @Coroutine}, a
 * known blocking call (patched or warned about: {@link BlockingCalls}, plus the user's own
 * blocking markers), or a plain call.
 */
public final class CallClassifier {
  public static final String COROUTINE = "io.gevent4j.annotations.Coroutine";
  public static final String YIELDING = "io.gevent4j.annotations.Yielding";

  private final boolean monkeyPatch;
  private final List<String> markerAnnotations = new ArrayList<>();
  private final List<String[]> markerMethods = new ArrayList<>();

  public CallClassifier(boolean monkeyPatch) {
    this(monkeyPatch, Collections.<String>emptyList());
  }

  /**
   * With the user's blocking markers ({@code -Agevent4j.blockingMarkers}): each the qualified
   * name of an annotation type (a method annotated with it, or declared in a type annotated with
   * it, blocks), or {@code Type#method} (the methods of that name of {@code Type} and of its
   * subtypes block; {@code Type#*}: all of them).
   */
  public CallClassifier(boolean monkeyPatch, List<String> blockingMarkers) {
    this.monkeyPatch = monkeyPatch;
    for (String marker : blockingMarkers) {
      int hash = marker.indexOf('#');
      if (hash < 0) {
        markerAnnotations.add(marker);
      } else {
        markerMethods.add(new String[] {marker.substring(0, hash), marker.substring(hash + 1)});
      }
    }
  }

  /** Classifies a call of {@code method} (a constructor too). */
  public CallKind classify(ExecutableElement method) {
    if (hasAnnotation(method, YIELDING)) {
      return CallKind.YIELDING;
    }
    if (hasAnnotation(method, COROUTINE)) {
      return CallKind.COROUTINE;
    }
    BlockingCalls.Entry entry = BlockingCalls.find(method);
    if (entry != null) {
      return monkeyPatch && entry.patchable() ? CallKind.PATCHED : CallKind.BLOCKING;
    }
    return isMarkedBlocking(method) ? CallKind.BLOCKING : CallKind.PLAIN;
  }

  /** For a patchable blocking call, the class holding its cooperative replacement; otherwise null. */
  public String replacementOwner(ExecutableElement method) {
    BlockingCalls.Entry entry = BlockingCalls.find(method);
    return entry == null ? null : entry.replacementOwner;
  }

  /** Whether {@code method} is a blocking call that monkey patching rewrites (when it is on). */
  public boolean patchable(ExecutableElement method) {
    BlockingCalls.Entry entry = BlockingCalls.find(method);
    return entry != null && entry.patchable();
  }

  /** For a blocking call, what to call instead. */
  public String advice(ExecutableElement method) {
    BlockingCalls.Entry entry = BlockingCalls.find(method);
    if (entry != null) {
      return entry.advice;
    }
    return isMarkedBlocking(method) ? BlockingCalls.THREAD_POOL : null;
  }

  /**
   * How a warning names a call: {@code Future.get(long,java.util.concurrent.TimeUnit)}, the
   * parameter types erased; {@code new Socket(java.lang.String,int)} for a constructor.
   */
  public static String describe(ExecutableElement method) {
    String owner = method.getEnclosingElement().getSimpleName().toString();
    String parameters = "(" + BlockingCalls.parameterTypes(method.getParameters()) + ")";
    return method.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR
        ? "new " + owner + parameters : owner + "." + method.getSimpleName() + parameters;
  }

  /** Whether one of the user's blocking markers names {@code method}. */
  private boolean isMarkedBlocking(ExecutableElement method) {
    if (markerAnnotations.isEmpty() && markerMethods.isEmpty()) {
      return false;
    }
    Element owner = method.getEnclosingElement();
    for (String annotation : markerAnnotations) {
      if (hasAnnotation(method, annotation) || hasAnnotation(owner, annotation)) {
        return true;
      }
    }
    if (!markerMethods.isEmpty() && owner instanceof TypeElement) {
      Iterable<TypeElement> owners = method.getModifiers().contains(Modifier.STATIC)
          ? Collections.singleton((TypeElement) owner)
          : BlockingCalls.supertypes((TypeElement) owner, new LinkedHashSet<>());
      for (TypeElement type : owners) {
        for (String[] marker : markerMethods) {
          if (type.getQualifiedName().contentEquals(marker[0])
              && (marker[1].equals("*") || method.getSimpleName().contentEquals(marker[1]))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether {@code element} carries the annotation named {@code qualifiedName}. */
  public static boolean hasAnnotation(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      Element type = mirror.getAnnotationType().asElement();
      if (type instanceof TypeElement && ((TypeElement) type).getQualifiedName().contentEquals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }
}
