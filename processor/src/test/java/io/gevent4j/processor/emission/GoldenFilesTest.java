package io.gevent4j.processor.emission;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.gevent4j.processor.testing.CoroutineCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each directory {@code src/test/resources/golden/<case>/} holds one input class
 * ({@code Foo.java}, the only file not ending in {@code Coroutines.java} or
 * {@code Coroutines_Machines.java}) and the exact sources the processor generated from it
 * ({@code FooCoroutines.java}, {@code FooCoroutines_Machines.java}, {@code Outer_InnerCoroutines.java}
 * for a nested class, ...). The test compiles each input with {@link CoroutineCompiler#standard()},
 * requires the set of generated sources to be exactly the expected files, and checks each with
 * compile-testing's {@code hasSourceEquivalentTo} (same syntax tree, ignoring formatting and
 * comments) and that its {@code // Foo.java:N} state comments are the expected ones, in order.
 *
 * <p>After an intended change to the generated code, regenerate the expected files from the
 * processor's actual output instead of comparing, then read the diff before committing it:
 *
 * <pre>
 * mvn -B -q -o -pl processor -am test -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false -Dgevent4j.updateGolden=true
 * git diff processor/src/test/resources/golden
 * </pre>
 *
 * <p>Update mode writes into {@code src/test/resources/golden} of the module directory (Maven's
 * {@code basedir} property, else the working directory), deletes expected files the processor no
 * longer generates, and still fails a case whose input does not compile. The generated
 * {@code @Generated} annotation carries only the processor's name and the source class (no date),
 * so the files are stable from run to run.
 */
class GoldenFilesTest {
  private static final boolean UPDATE = Boolean.getBoolean("gevent4j.updateGolden");
  private static final Pattern LINE_COMMENT = Pattern.compile("//\\s*\\w+\\.java:\\d+.*");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(goldenDirectory())) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted()
          .collect(Collectors.toList()).stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatedSourcesMatchTheGoldenFiles(String name) throws IOException {
    Path dir = goldenDirectory().resolve(name);
    Path input = inputOf(dir);
    Compilation compilation = CoroutineCompiler.standard().compile(
        JavaFileObjects.forSourceString(qualifiedName("p", input), read(input)));
    assertThat(compilation).succeededWithoutWarnings();

    Map<String, String> actual = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String path = file.toUri().getPath();
      actual.put(path.substring(path.lastIndexOf('/') + 1), file.getCharContent(true).toString());
    }
    Map<String, Path> expected = new TreeMap<>();
    for (Path file : expectedFiles(dir)) {
      expected.put(file.getFileName().toString(), file);
    }

    if (UPDATE) {
      Path target = sourceDirectory().resolve(name);
      for (String stale : expected.keySet()) {
        if (!actual.containsKey(stale)) {
          Files.delete(target.resolve(stale));
        }
      }
      for (Map.Entry<String, String> file : actual.entrySet()) {
        Files.write(target.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
      }
      return;
    }

    assertEquals(expected.keySet(), actual.keySet(), "generated sources of " + input.getFileName()
        + " (regenerate with -Dgevent4j.updateGolden=true)");
    for (Map.Entry<String, Path> file : expected.entrySet()) {
      String generatedName = qualifiedName("p", file.getValue());
      JavaFileObject golden = JavaFileObjects.forSourceString(generatedName, read(file.getValue()));
      assertThat(compilation).generatedSourceFile(generatedName).hasSourceEquivalentTo(golden);
      assertEquals(lineComments(read(file.getValue())), lineComments(actual.get(file.getKey())),
          "// X.java:N comments of " + generatedName);
    }
  }

  /** The one file in {@code dir} that is not a generated one. */
  private static Path inputOf(Path dir) throws IOException {
    List<Path> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(f -> f.toString().endsWith(".java") && !isGenerated(f)).forEach(inputs::add);
    }
    assertEquals(1, inputs.size(), "one input class in " + dir + ": " + inputs);
    return inputs.get(0);
  }

  private static List<Path> expectedFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(GoldenFilesTest::isGenerated).sorted().collect(Collectors.toList());
    }
  }

  private static boolean isGenerated(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith("Coroutines.java") || name.endsWith("Coroutines_Machines.java");
  }

  /** {@code p.Foo} for {@code .../Foo.java}: every golden input is in package {@code p}. */
  private static String qualifiedName(String pkg, Path file) {
    String name = file.getFileName().toString();
    return pkg + "." + name.substring(0, name.length() - ".java".length());
  }

  private static List<String> lineComments(String source) {
    List<String> comments = new ArrayList<>();
    Matcher m = LINE_COMMENT.matcher(source);
    while (m.find()) {
      comments.add(m.group().trim());
    }
    return comments;
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The golden directory on the test class path (target/test-classes/golden). */
  private static Path goldenDirectory() {
    URL url = GoldenFilesTest.class.getClassLoader().getResource("golden");
    assertTrue(url != null, "no golden/ on the test class path");
    try {
      return UPDATE ? sourceDirectory() : Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The golden directory in the module's sources, where update mode writes. */
  private static Path sourceDirectory() {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    return Paths.get(basedir, "src", "test", "resources", "golden");
  }
}
