package io.gevent4j;

/** Formats calls the way gevent's greenlet repr does: {@code f(5, 'x')}, each argument cut at 50. */
final class Reprs {
  private static final int MAX_ARGUMENT_LENGTH = 50;

  private Reprs() {}

  static String call(String name, Object[] arguments) {
    StringBuilder out = new StringBuilder(name).append('(');
    for (int i = 0; i < arguments.length; i++) {
      if (i > 0) {
        out.append(", ");
      }
      String text = argument(arguments[i]);
      out.append(text.length() > MAX_ARGUMENT_LENGTH ? text.substring(0, MAX_ARGUMENT_LENGTH) : text);
    }
    return out.append(')').toString();
  }

  private static String argument(Object value) {
    if (value instanceof CharSequence) {
      return "'" + value + "'";
    }
    if (value instanceof Character) {
      return "'" + value + "'";
    }
    return String.valueOf(value);
  }
}
