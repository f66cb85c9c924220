package io.gevent4j.processor.emission;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import io.gevent4j.processor.model.FrameContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The table that maps lines of a generated {@code FooCoroutines_Machines.java} back to the user's
 * source lines, so that the runtime can rewrite stack traces (ARCHITECTURE, "Stack traces"). It is
 * read off the rendered file: each line of a {@code resume$()} maps to the line of the
 * {@code // Foo.java:42} comment above it, except that the lines below a {@code // Foo.java:42-45}
 * comment (a statement copied line for line) map to 42, 43, 44 and 45 in turn. The table is the
 * file's last member, so adding it moves no line it describes.
 */
final class LineTable {
  private static final Pattern MACHINE = Pattern.compile("^\\s*static final class (\\S+) ");
  private static final Pattern COMMENT = Pattern.compile("^\\s*// \\S+\\.java:(\\d+)(?:-(\\d+))?  ");

  private static final int RUNS_PER_ENTRY = 8;

  private LineTable() {}

  /**
   * The nested class {@code Lines$} for {@code rendered}, whose machines are described by
   * {@code machines}: machine class name to {@code p.Foo.method} and the source file name.
   */
  static TypeSpec of(String rendered, Map<String, String[]> machines) {
    List<String> entries = new ArrayList<>();
    for (Map.Entry<String, String[]> machine : machines.entrySet()) {
      entries.add("M " + machine.getKey() + " " + machine.getValue()[0] + " " + machine.getValue()[1]);
    }
    String[] lines = rendered.split("\n", -1);
    boolean inResume = false;
    int source = 0;
    /** After a {@code // Foo.java:42-45} comment: the lines up to this one are 42, 43, ... in turn. */
    int copyEnd = -1;
    int copyFirst = 0;
    int runStart = 0;
    int runSource = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (MACHINE.matcher(line).find()) {
        inResume = false;
      } else if (line.contains(" " + FrameContract.RESUME + "()")) {
        inResume = true;
        source = 0;
      } else {
        Matcher comment = COMMENT.matcher(line);
        if (inResume && comment.find()) {
          source = Integer.parseInt(comment.group(1));
          copyFirst = i + 1;
          copyEnd = comment.group(2) == null ? -1 : i + Integer.parseInt(comment.group(2)) - source + 1;
        }
      }
      int mapped = !inResume ? 0 : i >= copyFirst && i <= copyEnd ? source + i - copyFirst : source;
      if (mapped != runSource) {
        addRun(entries, runStart, i, runSource);
        // A comment line that changes the source line belongs to neither run; a copied line does.
        runStart = i > copyFirst && i <= copyEnd + 1 ? i : i + 1;
        runSource = mapped;
      }
    }
    addRun(entries, runStart, lines.length, runSource);
    // The machines one to an entry, then the runs RUNS_PER_ENTRY to an entry, separated by spaces:
    // fewer constants and lines than one entry per run.
    List<String> packed = new ArrayList<>(entries.subList(0, machines.size()));
    for (int i = machines.size(); i < entries.size(); i += RUNS_PER_ENTRY) {
      packed.add(String.join(" ", entries.subList(i, Math.min(entries.size(), i + RUNS_PER_ENTRY))));
    }
    CodeBlock.Builder values = CodeBlock.builder().add("{\n$>");
    for (int i = 0; i < packed.size(); i++) {
      values.add("$S$L\n", packed.get(i), i + 1 < packed.size() ? "," : "");
    }
    return TypeSpec.classBuilder(FrameContract.LINES_CLASS)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("For stack traces: each machine's method, then the source line of each run of lines of this file.\n")
        .addField(FieldSpec.builder(ArrayTypeName.of(String.class), FrameContract.LINES_FIELD, Modifier.STATIC, Modifier.FINAL)
            .initializer(values.add("$<}").build()).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }

  /** {@code "first-last=source"} for lines first..last (1-based) of a run that maps somewhere. */
  private static void addRun(List<String> entries, int start, int end, int source) {
    if (source > 0 && end > start) {
      entries.add((start + 1) + "-" + end + "=" + source);
    }
  }
}
