package io.gevent4j.processor.analysis;

import io.gevent4j.processor.model.CallKind;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Decides what a called method is: a {@code @Yielding} primitive, another {@code @Coroutine}, a
 * known blocking JDK call (patched or warned about), or a plain call.
 */
public final class CallClassifier {
  public static final String COROUTINE = "io.gevent4j.annotations.Coroutine";
  public static final String YIELDING = "io.gevent4j.annotations.Yielding";

  /** The known blocking JDK calls, and the runtime class that holds each replacement. */
  private static final String[][] BLOCKING_CALLS = {
    // owner, method, parameter types (erased, comma-separated), replacement owner, advice
    {"java.lang.Thread", "sleep", "long", "io.gevent4j.monkey.PatchedThread", "Gevent.sleep(long)"},
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
    String ownerName = ((TypeElement) owner).getQualifiedName().toString();
    for (String[] entry : BLOCKING_CALLS) {
      if (entry[0].equals(ownerName) && method.getSimpleName().contentEquals(entry[1])
          && parameterTypes(method.getParameters()).equals(entry[2])) {
        return entry;
      }
    }
    return null;
  }

  private static String parameterTypes(List<? extends Element> parameters) {
    StringBuilder out = new StringBuilder();
    for (Element parameter : parameters) {
      if (out.length() > 0) {
        out.append(',');
      }
      TypeMirror type = parameter.asType();
      out.append(type.getKind() == TypeKind.DECLARED ? ((TypeElement) ((javax.lang.model.type.DeclaredType) type).asElement()).getQualifiedName() : type.toString());
    }
    return out.toString();
  }
}
