package io.gevent4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.gevent4j.processor.testing.CoroutineCompiler;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * One note per compilation names the generated {@code FooCoroutines} classes, so that a user who
 * sees {@code cannot find symbol ... FooCoroutines} can tell whether the processor ran.
 */
class GenerationNoteTest {
  @Test
  void oneNoteNamesTheGeneratedClasses() {
    Compilation compilation = CoroutineCompiler.standard().compile(
        JavaFileObjects.forSourceString("demo.Foo", "package demo;\n"
            + "class Foo {\n"
            + "  @io.gevent4j.annotations.Coroutine static void f() {}\n"
            + "  static class Inner { @io.gevent4j.annotations.Coroutine static void g() {} }\n"
            + "}\n"),
        JavaFileObjects.forSourceString("demo.Plain", "package demo;\nclass Plain {}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteContaining("gevent4j: generated demo.FooCoroutines, demo.Foo_InnerCoroutines");
    assertEquals(1, compilation.notes().stream().filter(n -> n.getMessage(null).startsWith("gevent4j:")).count());
  }

  @Test
  void noCoroutinesNoNote() {
    Compilation compilation = CoroutineCompiler.standard().compile(
        JavaFileObjects.forSourceString("demo.Plain", "package demo;\nclass Plain {}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(0, compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.NOTE).count());
  }

  @Test
  void manyClassesAreCounted() {
    assertEquals("gevent4j: generated a.A, a.B, a.C, a.D, a.E and 2 more",
        GenerationNote.text(java.util.Arrays.asList("a.A", "a.B", "a.C", "a.D", "a.E", "a.F", "a.G")));
  }
}
