package io.gevent4j.processor.analysis;

import io.gevent4j.processor.model.CallKind;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Decides what a called method is: a {@code @Yielding} primitive, another {@code @Coroutine}, a
 * known blocking JDK call (patched or warned about), or a plain call.
 */
public final class CallClassifier {
  public static final String COROUTINE = "io.gevent4j.annotations.Coroutine";
  public static final String YIELDING = "io.gevent4j.annotations.Yielding";

  private static final String MONKEY = "io.gevent4j.monkey.";

  /**
   * The known blocking JDK calls, and the runtime class that holds each replacement: a static
   * {@code @Yielding} method of the same name taking, for an instance method, the receiver first.
   * An instance entry also matches the methods overriding it ({@code CompletableFuture.get()} is
   * {@code Future.get()}).
   */
  private static final String[][] BLOCKING_CALLS = {
    // owner, method, parameter types (erased, comma-separated), replacement owner, advice
    {"java.lang.Thread", "sleep", "long", MONKEY + "PatchedThread", "Gevent.sleep(long)"},
    {"java.lang.Thread", "sleep", "long,int", MONKEY + "PatchedThread", "Gevent.sleep(long)"},
    {"java.lang.Thread", "yield", "", MONKEY + "PatchedThread", "Gevent.sleep(0)"},
    {"java.util.concurrent.TimeUnit", "sleep", "long", MONKEY + "PatchedTimeUnit",
        "io.gevent4j.monkey.PatchedTimeUnit.sleep(unit, timeout)"},
    {"java.util.concurrent.Future", "get", "", MONKEY + "PatchedFuture",
        "io.gevent4j.monkey.PatchedFuture.get(future)"},
    {"java.util.concurrent.Future", "get", "long,java.util.concurrent.TimeUnit", MONKEY + "PatchedFuture",
        "io.gevent4j.monkey.PatchedFuture.get(future, timeout, unit)"},
    {"java.util.concurrent.CompletableFuture", "join", "", MONKEY + "PatchedCompletableFuture",
        "io.gevent4j.monkey.PatchedCompletableFuture.join(future)"},
    {"java.util.concurrent.CountDownLatch", "await", "", MONKEY + "PatchedCountDownLatch",
        "io.gevent4j.monkey.PatchedCountDownLatch.await(latch)"},
    {"java.util.concurrent.CountDownLatch", "await", "long,java.util.concurrent.TimeUnit", MONKEY + "PatchedCountDownLatch",
        "io.gevent4j.monkey.PatchedCountDownLatch.await(latch, timeout, unit)"},
  };

  private final boolean monkeyPatch;

  public CallClassifier(boolean monkeyPatch) {
    this.monkeyPatch = monkeyPatch;
  }

  /** Classifies a call of {@code method}. */
  public CallKind classify(ExecutableElement method) {
    if (hasAnnotation(method, YIELDING)) {
      return CallKind.YIELDING;
    }
    if (hasAnnotation(method, COROUTINE)) {
      return CallKind.COROUTINE;
    }
    if (blockingEntry(method) != null) {
      return monkeyPatch ? CallKind.PATCHED : CallKind.BLOCKING;
    }
    return CallKind.PLAIN;
  }

  /** For a blocking call, the class holding its cooperative replacement. */
  public String replacementOwner(ExecutableElement method) {
    String[] entry = blockingEntry(method);
    return entry == null ? null : entry[3];
  }

  /** For a blocking call, what to call instead. */
  public String advice(ExecutableElement method) {
    String[] entry = blockingEntry(method);
    return entry == null ? null : entry[4];
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

  private static String[] blockingEntry(ExecutableElement method) {
    Element owner = method.getEnclosingElement();
    if (!(owner instanceof TypeElement)) {
      return null;
    }
    String name = method.getSimpleName().toString();
    String parameters = null;
    Set<String> owners = null;
    for (String[] entry : BLOCKING_CALLS) {
      if (!entry[1].equals(name)) {
        continue;
      }
      if (owners == null) {
        // An instance method overrides the entry's when its type is a subtype of the entry's
        // owner and it has the same name and erased parameter types; a static one is the entry's.
        owners = method.getModifiers().contains(Modifier.STATIC)
            ? Collections.singleton(((TypeElement) owner).getQualifiedName().toString())
            : supertypes((TypeElement) owner, new HashSet<>());
        parameters = parameterTypes(method.getParameters());
      }
      if (owners.contains(entry[0]) && parameters.equals(entry[2])) {
        return entry;
      }
    }
    return null;
  }

  /** The qualified names of {@code type} and all its supertypes, added to {@code into}. */
  private static Set<String> supertypes(TypeElement type, Set<String> into) {
    if (into.add(type.getQualifiedName().toString())) {
      supertype(type.getSuperclass(), into);
      for (TypeMirror implemented : type.getInterfaces()) {
        supertype(implemented, into);
      }
    }
    return into;
  }

  private static void supertype(TypeMirror type, Set<String> into) {
    if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement) {
      supertypes((TypeElement) ((DeclaredType) type).asElement(), into);
    }
  }

  private static String parameterTypes(List<? extends Element> parameters) {
    StringBuilder out = new StringBuilder();
    for (Element parameter : parameters) {
      if (out.length() > 0) {
        out.append(',');
      }
      TypeMirror type = parameter.asType();
      out.append(type.getKind() == TypeKind.DECLARED ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName() : type.toString());
    }
    return out.toString();
  }
}
