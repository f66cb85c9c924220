package io.gevent4j.processor.rounds;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.gevent4j.processor.testing.CoroutineCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Ten lines" example, taken from the README itself, compiles warning-free under
 * {@code -Xlint:all -Werror} at release 8 and at the running JDK's own level (CI runs this on 17
 * and 25: JDK 23+ once failed here with a position-less inference error).
 */
class ReadmeExampleTest {
  @Test
  void compilesAtRelease8() throws IOException {
    assertThat(compile("--release", "8", "-Xlint:all,-options", "-Werror")).succeededWithoutWarnings();
  }

  @Test
  void compilesAtTheRunningLevel() throws IOException {
    assertThat(compile("-Xlint:all", "-Werror")).succeededWithoutWarnings();
  }

  /** The "Private members" example (a private record and enum), run: it behaves as written. */
  @Test
  void privateClassesExampleCompilesWarningFreeAndRuns() throws Exception {
    String readme = new String(Files.readAllBytes(Paths.get("..", "README.md")), StandardCharsets.UTF_8);
    int start = readme.indexOf("```java\n", readme.indexOf("Private nested classes, records, enums and interfaces")) + "```java\n".length();
    String example = "import io.gevent4j.*;\nimport io.gevent4j.annotations.*;\nimport java.util.*;\n"
        + readme.substring(start, readme.indexOf("```", start));
    assertTrue(example.contains("public class Sessions"), example);
    Compilation compilation = CoroutineCompiler.withOptions("-Xlint:all", "-Werror").compile(JavaFileObjects.forSourceString("Sessions", example));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = CoroutineCompiler.load(compilation);
    Object sessions = loader.loadClass("Sessions").getConstructor().newInstance();
    java.lang.reflect.Method visit = loader.loadClass("SessionsCoroutines").getMethod("visit", loader.loadClass("Sessions"), String.class);
    List<Object> replies = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      replies.add(((io.gevent4j.Greenlet<?>) visit.invoke(null, sessions, "ann")).start().get());
    }
    assertEquals(java.util.Arrays.asList("hello ann", "hello ann", "hello ann", "welcome back", "welcome back"), replies);
  }

  private static Compilation compile(String... options) throws IOException {
    String readme = new String(Files.readAllBytes(Paths.get("..", "README.md")), StandardCharsets.UTF_8);
    int heading = readme.indexOf("## Ten lines");
    int start = readme.indexOf("```java\n", heading) + "```java\n".length();
    String example = readme.substring(start, readme.indexOf("```", start));
    assertTrue(example.contains("public class Hello"), example);
    return CoroutineCompiler.withOptions(options).compile(JavaFileObjects.forSourceString("Hello", example));
  }
}
