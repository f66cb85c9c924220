package io.gevent4j.processor.rounds;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.gevent4j.processor.CoroutineProcessor;
import io.gevent4j.processor.javac.JavacEnvironment;
import io.gevent4j.processor.testing.CoroutineCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Scanner;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor in real builds: ordinary compile errors stay javac's own, a body that uses a
 * class generated later in the build is processed in a later round, several classes and nesting
 * kinds compile together at release 8, a compiler without the tree API gets one clear error.
 */
class RobustnessTest {
  @Test
  void anOrdinaryErrorElsewhereGetsOnlyJavacsError() {
    JavaFileObject good = JavaFileObjects.forSourceLines("p.Good",
        "package p;",
        "import io.gevent4j.Gevent;",
        "import io.gevent4j.annotations.Coroutine;",
        "public class Good {",
        "  @Coroutine static int f() { Gevent.sleep(1); return 1; }",
        "}");
    JavaFileObject broken = JavaFileObjects.forSourceLines("p.Broken",
        "package p;",
        "class Broken {",
        "  int x = \"not an int\";",
        "}");
    Compilation compilation = CoroutineCompiler.standard().compile(good, broken);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("incompatible types").inFile(broken).onLine(3);
  }

  @Test
  void anErrorInsideACoroutineBodyGetsOnlyJavacsError() {
    JavaFileObject source = JavaFileObjects.forSourceLines("p.Typo",
        "package p;",
        "import io.gevent4j.Gevent;",
        "import io.gevent4j.annotations.Coroutine;",
        "public class Typo {",
        "  @Coroutine static void f() {",
        "    Gevent.sleep(1);",
        "    undefinedMethod();",
        "  }",
        "}");
    Compilation compilation = CoroutineCompiler.standard().compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(source).onLine(7);
  }

  @Test
  void aClassGeneratedInALaterRoundIsWaitedFor() {
    JavaFileObject user = JavaFileObjects.forSourceLines("p.User",
        "package p;",
        "import io.gevent4j.Gevent;",
        "import io.gevent4j.annotations.Coroutine;",
        "public class User {",
        "  @Coroutine static int f() { Gevent.sleep(1); return Gen.value(); }",
        "}");
    Compilation compilation = javac().withProcessors(new GeneratesGen(), new CoroutineProcessor()).compile(user);
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("p.UserCoroutines");
  }

  @Test
  void nestedGenericAndPackagePrivateClassesCompileTogetherAtRelease8() {
    JavaFileObject one = JavaFileObjects.forSourceLines("p.One",
        "package p;",
        "import io.gevent4j.Gevent;",
        "import io.gevent4j.annotations.Coroutine;",
        "class One<T> {",
        "  T value;",
        "  @Coroutine T get() { Gevent.sleep(1); return value; }",
        "  static class Nested {",
        "    @Coroutine static <E extends Comparable<E>> E max(java.util.List<E> items) {",
        "      E best = items.get(0);",
        "      for (E item : items) { Gevent.sleep(0); if (item.compareTo(best) > 0) best = item; }",
        "      return best;",
        "    }",
        "  }",
        "}");
    JavaFileObject two = JavaFileObjects.forSourceLines("p.Two",
        "package p;",
        "import io.gevent4j.annotations.Coroutine;",
        "class Two {",
        "  @Coroutine static int twice(One<Integer> one) { int v = one.get(); return 2 * v; }",
        "}");
    Compilation compilation = CoroutineCompiler.withOptions("--release", "8", "-Xlint:-options").compile(one, two);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.One_NestedCoroutines");
  }

  @Test
  void aCompilerWithoutTheTreeApiGetsOneClearError() {
    StringBuilder messages = new StringBuilder();
    ProcessingEnvironment foreign = (ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "getMessager":
              return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {javax.annotation.processing.Messager.class},
                  (p, m, a) -> messages.append(a[1]).append('\n'));
            case "getOptions":
              return Collections.emptyMap();
            case "toString":
              return "ForeignEnvironment";
            default:
              return null;
          }
        });
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> JavacEnvironment.trees(foreign));
    assertTrue(thrown.getMessage().contains("Proxy"), thrown.getMessage());
    CoroutineProcessor processor = new CoroutineProcessor();
    processor.init(foreign);
    assertEquals(Collections.singleton("*"), processor.getSupportedAnnotationTypes());
  }

  /** javac offers a round to no further processor once its annotations are all claimed. */
  @Test
  void theServicesFileListsTheClaimingProcessorLast() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/services/javax.annotation.processing.Processor")) {
      String content = new Scanner(in, StandardCharsets.UTF_8.name()).useDelimiter("\\A").next().trim();
      assertEquals("io.gevent4j.processor.CoroutineProcessor\nio.gevent4j.processor.ClaimingProcessor", content);
    }
  }

  @Test
  void declaresItselfToGradleAsIsolating() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      String content = new Scanner(in, StandardCharsets.UTF_8.name()).useDelimiter("\\A").next().trim();
      assertEquals("io.gevent4j.processor.CoroutineProcessor,isolating\nio.gevent4j.processor.ClaimingProcessor,isolating", content);
    }
  }

  /** A toy processor that generates {@code p.Gen} in its first round (AutoValue's deferral test). */
  static final class GeneratesGen extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Collections.singleton("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("p.Gen").openWriter()) {
          out.write("package p; public class Gen { public static int value() { return 42; } }");
        } catch (IOException e) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString());
        }
      }
      return false;
    }
  }
}
