package io.gevent4j.processor.testing;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.gevent4j.processor.ClaimingProcessor;
import io.gevent4j.processor.CoroutineProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Compiles test sources with the gevent4j processor, in memory, and loads the result. */
public final class CoroutineCompiler {
  private final List<String> options = new ArrayList<>();

  private CoroutineCompiler(String... options) {
    this.options.addAll(Arrays.asList(options));
  }

  /** A compiler with the given javac options, for example {@code "--release", "8"}. */
  public static CoroutineCompiler withOptions(String... options) {
    return new CoroutineCompiler(options);
  }

  /** A compiler with javac's default options. */
  public static CoroutineCompiler standard() {
    return new CoroutineCompiler();
  }

  /** Compiles {@code name}'s source {@code lines} (joined with newlines). */
  public Compilation compile(String name, String... lines) {
    return compile(JavaFileObjects.forSourceLines(name, lines));
  }

  /** Compiles the given sources. */
  public Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(processors()).withOptions(options).compile(sources);
  }

  /** New instances of the processors the processor jar registers. */
  public static javax.annotation.processing.Processor[] processors() {
    return new javax.annotation.processing.Processor[] {new CoroutineProcessor(), new ClaimingProcessor()};
  }

  /** A class loader over the classes a successful compilation produced. */
  public static ClassLoader load(Compilation compilation) {
    return load(compilation, CoroutineCompiler.class.getClassLoader());
  }

  /** A class loader over the classes a successful compilation produced, delegating to {@code parent}. */
  public static ClassLoader load(Compilation compilation, ClassLoader parent) {
    Map<String, byte[]> classes = classes(compilation);
    return new ClassLoader(parent) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  /**
   * Writes the classes of {@code compilation} under {@code directory} and returns the class path
   * to compile other sources against them: the directory and this test's own class path.
   */
  public static List<java.io.File> classPathWith(Compilation compilation, java.nio.file.Path directory) throws IOException {
    for (Map.Entry<String, byte[]> entry : classes(compilation).entrySet()) {
      java.nio.file.Path file = directory.resolve(entry.getKey().replace('.', '/') + ".class");
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.write(file, entry.getValue());
    }
    List<java.io.File> path = new ArrayList<>();
    path.add(directory.toFile());
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      path.add(new java.io.File(entry));
    }
    return path;
  }

  private static Map<String, byte[]> classes(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(), path.length() - ".class".length());
        classes.put(name.replace('/', '.'), read(file));
      }
    }
    return classes;
  }

  private static byte[] read(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
