package io.gevent4j.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processor's options ({@code -Agevent4j.monkeyPatch=true}, with its per-class and per-method
 * overrides {@code @MonkeyPatch} and {@code @MonkeyPatch(false)}; and
 * {@code -Agevent4j.blockingMarkers=com.acme.Blocking,com.acme.Dao#load}, the user's own blocking
 * calls, warned about in coroutine bodies).
 */
final class ProcessorOptions {
  static final String COROUTINE = "io.gevent4j.annotations.Coroutine";
  static final String MONKEY_PATCH_OPTION = "gevent4j.monkeyPatch";
  static final String MONKEY_PATCH = "io.gevent4j.annotations.MonkeyPatch";
  /**
   * Comma-separated: qualified names of annotation types marking blocking methods (or types whose
   * methods all block), and {@code Type#method} names ({@code Type#*} for all of its methods).
   */
  static final String BLOCKING_MARKERS_OPTION = "gevent4j.blockingMarkers";

  private final boolean monkeyPatchByDefault;
  private final List<String> blockingMarkers;

  ProcessorOptions(Map<String, String> options) {
    this.monkeyPatchByDefault = Boolean.parseBoolean(options.get(MONKEY_PATCH_OPTION));
    List<String> markers = new ArrayList<>();
    String listed = options.get(BLOCKING_MARKERS_OPTION);
    if (listed != null) {
      for (String marker : listed.split(",")) {
        if (!marker.trim().isEmpty()) {
          markers.add(marker.trim());
        }
      }
    }
    this.blockingMarkers = Collections.unmodifiableList(markers);
  }

  /** The options the processor reads. */
  static Set<String> names() {
    return new HashSet<>(Arrays.asList(MONKEY_PATCH_OPTION, BLOCKING_MARKERS_OPTION));
  }

  /** The user's blocking markers, as listed in {@link #BLOCKING_MARKERS_OPTION}. */
  List<String> blockingMarkers() {
    return blockingMarkers;
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
