package io.gevent4j.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import io.gevent4j.processor.diagnostic.Message;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Compiles {@code @Coroutine} method bodies into state machines. For each class with coroutine
 * methods it runs the {@link Pipeline} and writes {@code FooCoroutines}. A class whose body refers
 * to a type not generated yet is retried in the next round (keyed by name, as AutoValue does).
 * Nothing thrown inside escapes: every failure becomes a diagnostic on the method.
 */
@AutoService(Processor.class)
public final class CoroutineProcessor extends AbstractProcessor {
  private final Set<String> deferred = new LinkedHashSet<>();
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
    return Collections.singleton(ProcessorOptions.MONKEY_PATCH_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<String> types = new LinkedHashSet<>(deferred);
    deferred.clear();
    TypeElement coroutine = processingEnv.getElementUtils().getTypeElement(ProcessorOptions.COROUTINE);
    if (coroutine != null) {
      for (Element method : round.getElementsAnnotatedWith(coroutine)) {
        if (method.getEnclosingElement() instanceof TypeElement) {
          types.add(((TypeElement) method.getEnclosingElement()).getQualifiedName().toString());
        }
      }
    }
    if (pipeline != null) {
      pipeline.checkRound(round);
    }
    if (types.isEmpty()) {
      return false;
    }
    if (pipeline == null) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.NO_TREE_API.format(missingTreeApi));
      return false;
    }
    for (String name : types) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        processType(type, round.processingOver());
      }
    }
    return false;
  }

  private void processType(TypeElement type, boolean lastRound) {
    try {
      pipeline.process(type);
    } catch (Pipeline.DeferredException e) {
      if (!lastRound) {
        deferred.add(type.getQualifiedName().toString());
      }
      // In the last round javac itself reports the unresolved name; adding ours would be noise.
    } catch (IOException | RuntimeException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(e), type);
    }
  }
}
