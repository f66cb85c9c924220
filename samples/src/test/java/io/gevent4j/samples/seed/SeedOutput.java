package io.gevent4j.samples.seed;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Runs a sample into memory and returns its lines. */
final class SeedOutput {
  private SeedOutput() {}

  static List<String> lines(Consumer<PrintStream> program) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true)) {
      program.accept(out);
    }
    return Arrays.asList(new String(bytes.toByteArray(), StandardCharsets.UTF_8).split("\\R"));
  }

  /** The greenlet part of {@code <Greenlet at 0x1b6d3586: f(5)> 3}. */
  static String greenlet(String line) {
    return line.substring(0, line.lastIndexOf(' '));
  }

  /** The number at the end of a line. */
  static int number(String line) {
    return Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
  }
}
