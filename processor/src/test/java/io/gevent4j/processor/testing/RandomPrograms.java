package io.gevent4j.processor.testing;

import com.google.testing.compile.Compilation;
import io.gevent4j.processor.testing.Differential.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Runs {@link ProgramGenerator} programs through {@link Differential}: generates them in order
 * (deterministic for a seed), compiles them {@code perClass} to a class on two threads, and runs
 * each directly and as a greenlet. A class that does not compile is bisected down to the methods
 * that break it; each is reported with javac's messages, classified as a generator bug (the plain
 * source does not compile) or a processor bug (only the processed one does not); the rest of the
 * class still runs. A run that does not finish in time is reported as a hang.
 *
 * <p>{@code main} is a survey for hunting bugs: it reports every failure instead of stopping,
 * writing each with its source to a directory: {@code java ... RandomPrograms survey SEED COUNT DIR}.
 * {@code java ... RandomPrograms probe FILE} compiles the members in FILE (beside
 * {@link ProgramGenerator#support()}) and runs every method whose name starts with {@code r} with
 * argument 0, printing both outcomes. {@code -Dgevent4j.timing=true} prints how long each class took.
 */
public final class RandomPrograms {
  private static final long RUN_TIMEOUT_SECONDS = 20;

  /** One failing program. */
  public static final class Failure {
    /**
     * {@code generator}: the plain source does not compile; {@code javac}: javac itself crashes on
     * the plain source (a JDK bug, not counted as a failure); {@code compile}: the processed one
     * does not; {@code mismatch}; {@code hang}; {@code error}.
     */
    public final String kind;
    public final String method;
    public final String source;
    public final String detail;

    Failure(String kind, String method, String source, String detail) {
      this.kind = kind;
      this.method = method;
      this.source = source;
      this.detail = detail;
    }

    /** The whole report: what failed, why, and the program's source. */
    public String report() {
      return kind + " in " + method + ": " + detail + "\n" + source;
    }

    @Override
    public String toString() {
      return report();
    }
  }

  private RandomPrograms() {}

  /**
   * Generates and checks {@code programs} programs from {@code seed}; returns the failures, at
   * most {@code maxFailures} (it stops once it has them).
   */
  public static List<Failure> run(long seed, int programs, int perClass, int maxFailures) throws Exception {
    ProgramGenerator generator = new ProgramGenerator(seed);
    List<List<String>> batches = new ArrayList<>();
    for (int done = 0; done < programs; ) {
      int count = Math.min(perClass, programs - done);
      List<String> methods = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        methods.add(generator.method("m" + i));
      }
      batches.add(methods);
      done += count;
    }
    List<Failure> failures = new ArrayList<>();
    ExecutorService compilers = Executors.newFixedThreadPool(2, daemons("compile"));
    ExecutorService runner = Executors.newSingleThreadExecutor(daemons("run"));
    try {
      List<Future<Batch>> compiled = new ArrayList<>();
      for (int b = 0; b < batches.size(); b++) {
        String name = "Random" + b;
        List<String> methods = batches.get(b);
        int assertions = assertionMode(b);
        compiled.add(compilers.submit(() -> Batch.compile(name, methods, assertions)));
      }
      for (int b = 0; b < batches.size() && failures.size() < maxFailures; b++) {
        Batch batch;
        long waited = System.nanoTime();
        try {
          batch = compiled.get(b).get();
        } catch (ExecutionException e) {
          failures.add(new Failure("error", "seed " + seed + ", batch " + b, String.join("\n", batches.get(b)),
              "the class did not compile even without its broken methods: " + e.getCause()));
          continue;
        }
        long ran = System.nanoTime();
        failures.addAll(batch.failures);
        for (int i = 0; i < batch.methods.size() && failures.size() < maxFailures; i++) {
          if (batch.broken[i]) {
            continue;
          }
          String method = "m" + i;
          int argument = i % 5;
          String label = "seed " + seed + ", batch " + b + ASSERTION_LABELS[assertionMode(b)] + ", " + method + "("
              + argument + ")";
          Future<?> run = runner.submit(() -> {
            batch.programs.assertSame(false, method, argument);
            return null;
          });
          try {
            run.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
          } catch (TimeoutException hang) {
            run.cancel(true);
            runner.shutdownNow();
            runner = Executors.newSingleThreadExecutor(daemons("run"));
            failures.add(new Failure("hang", label, batch.methods.get(i),
                "no result after " + RUN_TIMEOUT_SECONDS + " s"));
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failures.add(new Failure(cause instanceof AssertionError ? "mismatch" : "error", label,
                batch.methods.get(i), String.valueOf(cause.getMessage())));
          }
        }
        if (Boolean.getBoolean("gevent4j.timing")) {
          System.out.printf("batch %d: waited %.1f s for its compilation, ran in %.1f s%n", b,
              (ran - waited) / 1e9, (System.nanoTime() - ran) / 1e9);
        }
      }
    } finally {
      compilers.shutdownNow();
      runner.shutdownNow();
    }
    return failures.size() > maxFailures ? failures.subList(0, maxFailures) : failures;
  }

  /**
   * Mode 2 of {@link #assertionMode}: assertions on for the generated class only. Off (mode 2 runs
   * as mode 1): an assert whose condition does not suspend, in a body that does, is skipped by the
   * greenlet, as its copy in the generated class asks that class's status, not the user's:
   * {@code y(a); assert t("as", false); return a;} throws AssertionError directly under
   * {@code -ea:p.Alone} but returns a as a greenlet (a suspending condition asks the right class).
   */
  static final boolean CLASS_ONLY_ASSERTIONS = true;

  /** Labels of the assertion modes of {@link #assertionMode}. */
  private static final String[] ASSERTION_LABELS = {"", " (assertions on: default)", " (assertions on: -ea:p.RandomN)"};

  /**
   * Whether batch {@code b}'s class runs with assertions: 0 off, 1 on for every class of its loader
   * ({@code setDefaultAssertionStatus}), 2 on for the generated top-level class only
   * ({@code setClassAssertionStatus}, as {@code -ea:p.RandomN} would). Half the batches run with them.
   */
  static int assertionMode(int b) {
    return b % 4 == 1 ? 1 : b % 4 == 3 ? (CLASS_ONLY_ASSERTIONS ? 2 : 1) : 0;
  }

  /** Turns assertions on in a fresh loader, before any of its classes is defined. */
  static void enableAssertions(ClassLoader loader, String className, int mode) {
    if (mode == 1) {
      loader.setDefaultAssertionStatus(true);
    } else if (mode == 2) {
      loader.setClassAssertionStatus(className, true);
    }
  }

  /** A compiled class of programs, without the methods that broke its compilation. */
  private static final class Batch {
    final List<String> methods;
    final boolean[] broken;
    final List<Failure> failures = new ArrayList<>();
    Differential programs;

    private Batch(List<String> methods) {
      this.methods = methods;
      this.broken = new boolean[methods.size()];
    }

    static Batch compile(String name, List<String> methods, int assertions) {
      Batch batch = new Batch(methods);
      boolean bisected = false;
      for (int attempt = 0; ; attempt++) {
        List<String> members = new ArrayList<>();
        members.add(ProgramGenerator.support());
        for (int i = 0; i < methods.size(); i++) {
          // a broken method is replaced by a stub of the same name so the indexes stay
          members.add(batch.broken[i] ? "  public static int m" + i + "(int a) { return 0; }"
              : ProgramGenerator.bind(methods.get(i), name));
        }
        long start = System.nanoTime();
        try {
          batch.programs = Differential.compile(name, members.toArray(new String[0]));
          enableAssertions(batch.programs.loader(), "p." + name, assertions);
        } catch (AssertionError | com.google.testing.compile.CompilationFailureException notCompiled) {
          // (the second: javac crashed on the class, which a method's generated code can make it do)
          if (bisected) {
            throw notCompiled;
          }
          // find the methods that break the class
          bisected = true;
          List<Integer> all = new ArrayList<>();
          for (int i = 0; i < methods.size(); i++) {
            if (!batch.broken[i]) {
              all.add(i);
            }
          }
          List<Integer> bad = new ArrayList<>();
          bisect(name, methods, all, bad);
          for (int i : bad) {
            batch.broken[i] = true;
            Failure failure = diagnose(name + ", m" + i, methods.get(i));
            if (failure.kind.equals("javac")) {
              System.out.println("skipped: " + failure.report()); // the JDK's bug, not gevent4j's
            } else {
              batch.failures.add(failure);
            }
          }
          continue;
        }
        if (Boolean.getBoolean("gevent4j.timing")) {
          System.out.printf("%s: compiled in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        }
        String unverifiable = unverifiable(batch.programs, name);
        if (unverifiable == null || attempt == 10) {
          return batch;
        }
        // a class that fails verification fails as a whole: report the method, run the rest
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("p/" + name + "(Coroutines)?[.$](\\w*?)m(\\d+)")
            .matcher(unverifiable);
        if (!at.find()) {
          batch.failures.add(new Failure("verify", name, String.join("\n", methods), unverifiable));
          return batch;
        }
        int i = Integer.parseInt(at.group(3));
        batch.broken[i] = true;
        batch.failures.add(new Failure("verify", name + ", m" + i, methods.get(i), unverifiable + "\n"
            + (at.group(1) == null ? "(in the original class: a javac bug, or a tree the processor changed)"
            : "(in the generated class)")));
      }
    }

    /** The VerifyError message if the compiled classes do not load, else null. */
    private static String unverifiable(Differential programs, String name) {
      for (String type : new String[] {"p." + name, "p." + name + "Coroutines"}) {
        try {
          Class.forName(type, true, programs.loader());
        } catch (VerifyError e) {
          return e.getMessage();
        } catch (ClassNotFoundException | LinkageError e) {
          return null;
        }
      }
      return null;
    }

    private static void bisect(String name, List<String> methods, List<Integer> indexes, List<Integer> bad) {
      if (indexes.size() == 1) {
        bad.add(indexes.get(0));
        return;
      }
      List<Integer> left = indexes.subList(0, indexes.size() / 2);
      List<Integer> right = indexes.subList(indexes.size() / 2, indexes.size());
      boolean leftOk = compiles(name, methods, left);
      boolean rightOk = compiles(name, methods, right);
      if (leftOk && rightOk) {
        // only together: report them all rather than hide it
        bad.addAll(indexes);
        return;
      }
      if (!leftOk) {
        bisect(name, methods, left, bad);
      }
      if (!rightOk) {
        bisect(name, methods, right, bad);
      }
    }

    private static boolean compiles(String name, List<String> methods, List<Integer> indexes) {
      List<String> members = new ArrayList<>();
      members.add(ProgramGenerator.support());
      for (int i : indexes) {
        members.add(ProgramGenerator.bind(methods.get(i), name));
      }
      try {
        return CoroutineCompiler.standard().compile("p." + name, source(name, members).split("\n", -1)).status()
            == Compilation.Status.SUCCESS;
      } catch (com.google.testing.compile.CompilationFailureException javacCrashed) {
        return false;
      }
    }
  }

  /** The same class text {@link Differential#compile} builds. */
  static String source(String simpleName, List<String> members) {
    return "package p;\nimport io.gevent4j.*;\nimport io.gevent4j.annotations.*;\nimport java.util.*;\n"
        + "public class " + simpleName + " {\n" + Differential.PRELUDE + "\n" + String.join("\n", members) + "\n}\n";
  }

  /** Why {@code method} alone does not compile, with the offending lines. */
  static Failure diagnose(String label, String method) {
    List<String> members = Arrays.asList(ProgramGenerator.support(), ProgramGenerator.bind(method, "Alone"));
    String text = source("Alone", members);
    Compilation plain;
    try {
      plain = CoroutineCompiler.withOptions("-proc:none").compile("p.Alone", text.split("\n", -1));
    } catch (com.google.testing.compile.CompilationFailureException javacCrashed) {
      return new Failure("javac", label, method, "javac crashed on the program itself, without the processor (a JDK bug)");
    }
    if (plain.status() != Compilation.Status.SUCCESS) {
      return new Failure("generator", label, method, messages(plain));
    }
    Compilation processed;
    try {
      processed = CoroutineCompiler.standard().compile("p.Alone", text.split("\n", -1));
    } catch (com.google.testing.compile.CompilationFailureException javacCrashed) {
      return new Failure("compile", label, method, "javac crashed on the generated code: " + javacCrashed.getMessage());
    }
    if (processed.status() == Compilation.Status.SUCCESS) {
      return new Failure("compile", label, method, "compiles alone but not with the rest of its class");
    }
    return new Failure("compile", label, method, messages(processed));
  }

  private static String messages(Compilation compilation) {
    StringBuilder text = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
      String file = d.getSource() == null ? "?" : d.getSource().getName();
      text.append(file.substring(file.lastIndexOf('/') + 1)).append(':').append(d.getLineNumber()).append(": ")
          .append(d.getMessage(Locale.ROOT)).append('\n');
      String line = line(d);
      if (line != null) {
        text.append("    | ").append(line.trim()).append('\n');
      }
    }
    return text.toString();
  }

  private static String line(Diagnostic<? extends JavaFileObject> d) {
    try {
      if (d.getSource() == null || d.getLineNumber() < 1) {
        return null;
      }
      String[] lines = d.getSource().getCharContent(true).toString().split("\n", -1);
      return d.getLineNumber() <= lines.length ? lines[(int) d.getLineNumber() - 1] : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static java.util.concurrent.ThreadFactory daemons(String name) {
    return task -> {
      Thread thread = new Thread(task, "random-programs-" + name);
      thread.setDaemon(true);
      return thread;
    };
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("probe")) {
      probe(new String(Files.readAllBytes(Paths.get(args[1])), StandardCharsets.UTF_8));
      return;
    }
    long seed = Long.parseLong(args[1]);
    int programs = Integer.parseInt(args[2]);
    Path dir = Paths.get(args[3]);
    Files.createDirectories(dir);
    long start = System.nanoTime();
    List<Failure> failures = run(seed, programs, 100, Integer.MAX_VALUE);
    System.out.printf("%d programs, %d failures, %.1f s%n", programs, failures.size(), (System.nanoTime() - start) / 1e9);
    int n = 0;
    for (Failure f : failures) {
      Files.write(dir.resolve(String.format("%03d-%s.txt", n++, f.kind)), f.report().getBytes(StandardCharsets.UTF_8));
      String first = f.detail.split("\n", 2)[0];
      System.out.println(f.kind + " " + f.method + ": " + (first.length() > 300 ? first.substring(0, 300) : first));
    }
  }

  private static void probe(String members) throws Exception {
    List<String> all = Arrays.asList(ProgramGenerator.support(), ProgramGenerator.bind(members, "Probe"));
    Compilation processed = CoroutineCompiler.standard().compile("p.Probe", source("Probe", all).split("\n", -1));
    if (processed.status() != Compilation.Status.SUCCESS) {
      Failure f = diagnose("probe", ProgramGenerator.bind(members, "Probe"));
      System.out.println(f.kind + ": " + f.detail);
      return;
    }
    Differential programs = Differential.compile("Probe", all.toArray(new String[0]));
    enableAssertions(programs.loader(), "p.Probe", Integer.getInteger("gevent4j.assertions", 0));
    Class<?> type = programs.loader().loadClass("p.Probe");
    for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
      if (m.getName().startsWith("r")) {
        Outcome direct = programs.direct(m.getName(), 0);
        Outcome greenlet = programs.greenlet(false, m.getName(), 0);
        System.out.println(m.getName() + (direct.equals(greenlet) ? " SAME" : " DIFFERS"));
        System.out.println("  direct:  " + direct);
        System.out.println("  greenlet:" + greenlet);
      }
    }
  }
}
