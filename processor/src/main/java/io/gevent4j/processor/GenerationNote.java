package io.gevent4j.processor;

import io.gevent4j.processor.emission.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The one note of a compilation that generated coroutines: {@code gevent4j: generated
 * demo.HelloCoroutines, ...}. Its absence next to {@code cannot find symbol ... HelloCoroutines}
 * tells a user that the processor did not run (no processor path; JDK 23+ without
 * {@code -proc:full}); its presence, that the method is not annotated {@code @Coroutine}.
 */
final class GenerationNote {
  /** Classes named in full; the others are counted. */
  private static final int LISTED = 5;

  private GenerationNote() {
  }

  /** Prints the note for the classes {@code typeNames} (qualified names) that got a {@code FooCoroutines}, sorted. */
  static void print(ProcessingEnvironment environment, Collection<String> typeNames) {
    if (typeNames.isEmpty()) {
      return;
    }
    List<String> generated = new ArrayList<>();
    for (String name : typeNames) {
      TypeElement type = environment.getElementUtils().getTypeElement(name);
      generated.add(type == null ? name + "'s Coroutines class" : Names.coroutinesClass(type).toString());
    }
    Collections.sort(generated);
    environment.getMessager().printMessage(Diagnostic.Kind.NOTE, text(generated));
  }

  /** {@code gevent4j: generated a.FooCoroutines, b.BarCoroutines and 3 more}. */
  static String text(List<String> generated) {
    StringBuilder text = new StringBuilder("gevent4j: generated ");
    int shown = Math.min(LISTED, generated.size());
    text.append(String.join(", ", generated.subList(0, shown)));
    if (generated.size() > shown) {
      text.append(" and ").append(generated.size() - shown).append(" more");
    }
    return text.toString();
  }
}
