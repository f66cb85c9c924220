package io.gevent4j.processor.emission;

/** Java source spellings of literal values. */
final class Literals {
  private Literals() {}

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
