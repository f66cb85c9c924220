package io.gevent4j.processor.emission;

import com.squareup.javapoet.CodeBlock;

/** Java source spellings of literal values. */
final class Literals {
  private Literals() {}

  /**
   * A constant expression with {@code value}, the value of a constant variable; a negative number
   * is parenthesized, so that it keeps its meaning wherever it is written ({@code x - (-1)}).
   */
  static CodeBlock constant(Object value) {
    if (value instanceof Number && ((Number) value).doubleValue() < 0 || isNegativeZero(value)) {
      return CodeBlock.of("($L)", literal(value));
    }
    return literal(value);
  }

  private static boolean isNegativeZero(Object value) {
    return value instanceof Double && Double.doubleToRawLongBits((Double) value) == Long.MIN_VALUE
        || value instanceof Float && Float.floatToRawIntBits((Float) value) == Integer.MIN_VALUE;
  }

  private static CodeBlock literal(Object value) {
    if (value instanceof String) {
      return CodeBlock.of("$S", value);
    }
    if (value instanceof Character) {
      return CodeBlock.of("$L", character((Character) value));
    }
    if (value instanceof Long) {
      return CodeBlock.of("$LL", value);
    }
    if (value instanceof Float) {
      float f = (Float) value;
      return Float.isNaN(f) || Float.isInfinite(f) ? CodeBlock.of("$L / 0.0F", f > 0 ? "1.0F" : f < 0 ? "-1.0F" : "0.0F")
          : CodeBlock.of("$LF", value);
    }
    if (value instanceof Double) {
      double d = (Double) value;
      return Double.isNaN(d) || Double.isInfinite(d) ? CodeBlock.of("$L / 0.0", d > 0 ? "1.0" : d < 0 ? "-1.0" : "0.0")
          : CodeBlock.of("$L", value);
    }
    if (value instanceof Byte) {
      return CodeBlock.of("(byte) $L", value);
    }
    if (value instanceof Short) {
      return CodeBlock.of("(short) $L", value);
    }
    return CodeBlock.of("$L", value);
  }

  /** A char literal, escaped: {@code 'a'}, {@code '\n'}, {@code '\u0000'}. */
  static String character(char c) {
    switch (c) {
      case '\b':
        return "'\\b'";
      case '\t':
        return "'\\t'";
      case '\n':
        return "'\\n'";
      case '\f':
        return "'\\f'";
      case '\r':
        return "'\\r'";
      case '\'':
        return "'\\''";
      case '\\':
        return "'\\\\'";
      default:
        return c < 0x20 || c > 0x7e ? String.format("'\\u%04x'", (int) c) : "'" + c + "'";
    }
  }
}
