package io.gevent4j.processor.emission;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;

/** Describes where a tree is in its source file, for the comments of generated code. */
final class SourceLines {
  private static final int MAX_SNIPPET = 80;
  private final SourcePositions positions;

  SourceLines(Trees trees) {
    this.positions = trees.getSourcePositions();
  }

  /** {@code Foo.java:42}. */
  String location(CompilationUnitTree unit, Tree tree) {
    int line = line(unit, tree);
    return fileName(unit) + ":" + (line < 0 ? "?" : String.valueOf(line));
  }

  /** The line where {@code tree} starts, or -1. */
  int line(CompilationUnitTree unit, Tree tree) {
    long start = positions.getStartPosition(unit, tree);
    return start < 0 ? -1 : (int) unit.getLineMap().getLineNumber(start);
  }

  /** {@code Foo.java:42  total += fetch(i);}: the location and the first source line of the tree. */
  String describe(CompilationUnitTree unit, Tree tree) {
    return describe(unit, tree, 1);
  }

  /**
   * {@link #describe(CompilationUnitTree, Tree)}, naming the tree's lines {@code Foo.java:42-45}
   * when it spans {@code printedLines} lines, more than one: the generated code that follows is
   * its source line for line.
   */
  String describe(CompilationUnitTree unit, Tree tree, int printedLines) {
    int first = line(unit, tree);
    long end = positions.getEndPosition(unit, tree);
    int last = first < 0 || end < 0 ? -1 : (int) unit.getLineMap().getLineNumber(end);
    String where = printedLines > 1 && last - first + 1 == printedLines
        ? fileName(unit) + ":" + first + "-" + last : location(unit, tree);
    return where + "  " + snippet(unit, tree);
  }

  private String snippet(CompilationUnitTree unit, Tree tree) {
    long start = positions.getStartPosition(unit, tree);
    long end = positions.getEndPosition(unit, tree);
    if (start < 0 || end < start) {
      return "";
    }
    try {
      CharSequence source = unit.getSourceFile().getCharContent(true);
      String text = source.subSequence((int) start, (int) Math.min(end, source.length())).toString();
      int newline = text.indexOf('\n');
      String firstLine = (newline < 0 ? text : text.substring(0, newline)).trim().replace("\\u", "\\\\u");
      return firstLine.length() > MAX_SNIPPET ? firstLine.substring(0, MAX_SNIPPET) + " ..." : firstLine;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The source file's simple name, {@code Foo.java}. */
  static String fileName(CompilationUnitTree unit) {
    String name = unit.getSourceFile().getName();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }
}
