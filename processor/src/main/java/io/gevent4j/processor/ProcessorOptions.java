package io.gevent4j.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import java.util.Map;

/**
 * The processor's options ({@code -Agevent4j.monkeyPatch=true}) and their per-class and
 * per-method overrides ({@code @MonkeyPatch}, {@code @MonkeyPatch(false)}).
 */
final class ProcessorOptions {
  static final String COROUTINE = "io.gevent4j.annotations.Coroutine";
  static final String MONKEY_PATCH_OPTION = "gevent4j.monkeyPatch";
  static final String MONKEY_PATCH = "io.gevent4j.annotations.MonkeyPatch";

  private final boolean monkeyPatchByDefault;

  ProcessorOptions(Map<String, String> options) {
    this.monkeyPatchByDefault = Boolean.parseBoolean(options.get(MONKEY_PATCH_OPTION));
  }

  /** Whether blocking JDK calls in {@code method} are rewritten into cooperative ones. */
  boolean monkeyPatch(ExecutableElement method) {
    for (Element element = method; element != null; element = element.getEnclosingElement()) {
      for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
        if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(MONKEY_PATCH)) {
          for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> value : mirror.getElementValues().entrySet()) {
            return Boolean.TRUE.equals(value.getValue().getValue());
          }
          return true;
        }
      }
    }
    return monkeyPatchByDefault;
  }
}
