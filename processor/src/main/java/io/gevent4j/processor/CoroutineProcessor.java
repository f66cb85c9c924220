package io.gevent4j.processor;

import com.sun.source.util.Trees;
import io.gevent4j.processor.diagnostic.Message;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Compiles {@code @Coroutine} method bodies into state machines. For each class with coroutine
 * methods it runs the {@link Pipeline} over two rounds (see {@link #process}) and writes
 * {@code FooCoroutines} and {@code FooCoroutines_Machines}.
 * Nothing thrown inside escapes: every failure becomes a diagnostic on the method.
 */
public final class CoroutineProcessor extends AbstractProcessor {
  /** Classes whose {@code FooCoroutines} exists, by qualified name (keyed by name, as AutoValue does). */
  private final Set<String> factoriesWritten = new LinkedHashSet<>();
  /** Classes whose bodies the next round compiles. */
  private final Set<String> pendingBodies = new LinkedHashSet<>();
  /** Classes whose {@code @Yielding} bodies the next round checks. */
  private final Set<String> pendingChecks = new LinkedHashSet<>();
  private Pipeline pipeline;
  private String missingTreeApi;

  @Override
  public synchronized void init(javax.annotation.processing.ProcessingEnvironment environment) {
    super.init(environment);
    try {
      Trees trees = io.gevent4j.processor.javac.JavacEnvironment.trees(environment);
      pipeline = new Pipeline(environment, trees, new ProcessorOptions(environment.getOptions()));
    } catch (IllegalStateException e) {
      missingTreeApi = e.getMessage();
    }
  }

  /**
   * All types: besides the classes with {@code @Coroutine} methods, the processor checks every
   * class for overrides of coroutines and every {@code @Yielding} primitive's shape. It claims
   * nothing, so other processors see every annotation.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Collections.singleton("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.names();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /**
   * Each class goes through two rounds. The round that first sees it writes {@code FooCoroutines}
   * from the coroutines' declarations; the next one attributes the bodies (by then every
   * {@code FooCoroutines} the class names exists), compiles them and writes
   * {@code FooCoroutines_Machines}. A class whose bodies still name a missing class waits for
   * later rounds; the last round writes throwing frames for it and lets javac report the name.
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (pipeline == null) {
      if (!round.getElementsAnnotatedWith(coroutineAnnotation()).isEmpty()) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.NO_TREE_API.format(missingTreeApi));
      }
      return false;
    }
    Set<String> bodies = new LinkedHashSet<>(pendingBodies);
    pendingBodies.clear();
    Set<String> checks = new LinkedHashSet<>(pendingChecks);
    pendingChecks.clear();
    pipeline.checkRound(round);
    boolean wroteFactories = false;
    for (Element method : round.getElementsAnnotatedWith(coroutineAnnotation())) {
      if (method.getEnclosingElement() instanceof TypeElement) {
        TypeElement type = (TypeElement) method.getEnclosingElement();
        if (factoriesWritten.add(type.getQualifiedName().toString())) {
          writeFactories(type);
          pendingBodies.add(type.getQualifiedName().toString());
          wroteFactories = true;
        }
      }
    }
    for (TypeElement root : ElementFilter.typesIn(round.getRootElements())) {
      (wroteFactories ? pendingChecks : checks).add(root.getQualifiedName().toString());
    }
    for (String name : bodies) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        writeMachines(type, round.processingOver());
      }
    }
    for (String name : checks) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        pipeline.checkYielding(type);
      }
    }
    if (round.processingOver()) {
      GenerationNote.print(processingEnv, factoriesWritten);
    }
    return false;
  }

  private TypeElement coroutineAnnotation() {
    return processingEnv.getElementUtils().getTypeElement(ProcessorOptions.COROUTINE);
  }

  private void writeFactories(TypeElement type) {
    try {
      pipeline.writeFactories(type);
    } catch (IOException | RuntimeException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(e), type);
    }
  }

  private void writeMachines(TypeElement type, boolean lastRound) {
    try {
      pipeline.writeMachines(type, false);
    } catch (Pipeline.DeferredException e) {
      if (lastRound) {
        // javac itself reports the unresolved name; ours would be noise. The frames only link.
        writeStubs(type);
      } else {
        pendingBodies.add(type.getQualifiedName().toString());
      }
    } catch (IOException | RuntimeException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(e), type);
    }
  }

  private void writeStubs(TypeElement type) {
    try {
      pipeline.writeMachines(type, true);
    } catch (Pipeline.DeferredException | IOException | RuntimeException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(e), type);
    }
  }
}
