package io.gevent4j.processor;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Claims gevent4j's own annotations (and the {@code @Generated} on its output), so that {@code -Xlint:processing} (part of
 * {@code -Xlint:all}) does not report them as unclaimed and {@code -Werror} builds pass. The work
 * is {@link CoroutineProcessor}'s, which must see every type and so claims nothing itself.
 *
 * <p>It must run after {@link CoroutineProcessor}: javac stops offering a round to further
 * processors once every annotation in it is claimed. The services file lists them in that order.
 */
public final class ClaimingProcessor extends AbstractProcessor {
  private static final Set<String> GENERATED = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
      "javax.annotation.processing.Generated", "javax.annotation.Generated")));
  static final Set<String> OWN_ANNOTATIONS;

  static {
    Set<String> own = new LinkedHashSet<>(Arrays.asList(
        ProcessorOptions.COROUTINE, "io.gevent4j.annotations.Yielding", ProcessorOptions.MONKEY_PATCH));
    own.addAll(GENERATED);
    OWN_ANNOTATIONS = Collections.unmodifiableSet(own);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return OWN_ANNOTATIONS;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /**
   * Claims this round's annotations when every {@code @Generated} among them marks gevent4j's
   * own output (which {@code -Xlint:processing} would otherwise report in the round after ours).
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      if (!GENERATED.contains(annotation.getQualifiedName().toString())) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (!isOurs(element, annotation)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isOurs(Element element, TypeElement annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().equals(annotation)) {
        for (AnnotationValue value : mirror.getElementValues().values()) {
          if (value.toString().contains(CoroutineProcessor.class.getName())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
