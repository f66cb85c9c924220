package io.gevent4j.processor.emission;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The {@code @Generated} annotation the user's compilation can see: the Java 9+ one, else Java 8's
 * {@code javax.annotation.Generated}, else none (the file comment still says where the code came
 * from).
 */
final class GeneratedAnnotations {
  private static final String PROCESSOR = "io.gevent4j.processor.CoroutineProcessor";

  private GeneratedAnnotations() {}

  /** The annotation for a file generated from {@code source}, or null if none is available. */
  static AnnotationSpec forSource(Elements elements, SourceVersion version, TypeElement source) {
    TypeElement generated = version.compareTo(SourceVersion.RELEASE_8) > 0
        ? elements.getTypeElement("javax.annotation.processing.Generated") : null;
    if (generated == null) {
      generated = elements.getTypeElement("javax.annotation.Generated");
    }
    if (generated == null) {
      return null;
    }
    return AnnotationSpec.builder(ClassName.get(generated))
        .addMember("value", "$S", PROCESSOR)
        .addMember("comments", "$S", "from " + source.getQualifiedName())
        .build();
  }
}
