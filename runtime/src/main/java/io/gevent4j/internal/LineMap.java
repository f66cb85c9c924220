package io.gevent4j.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The parsed {@code Lines$.MAP} table of one generated {@code FooCoroutines_Machines} class: its
 * machines ({@code "M <machine> <p.Foo.method> <Foo.java>"}) and the runs of generated lines that
 * map to one source line ({@code "first-last=source"}, ascending, several to an entry). Immutable.
 */
final class LineMap {
  static final LineMap NONE = parse(new String[0]);

  /** Machine class simple name ({@code leaf$Machine}) to {class, method, file}. */
  private final Map<String, String[]> machines;
  private final int[] firsts;
  private final int[] lasts;
  private final int[] sources;

  private LineMap(Map<String, String[]> machines, int[] firsts, int[] lasts, int[] sources) {
    this.machines = machines;
    this.firsts = firsts;
    this.lasts = lasts;
    this.sources = sources;
  }

  /**
   * The map of {@code table}; malformed entries are skipped. An entry that is not a machine may
   * hold several runs separated by spaces ({@code "1-4=10 6-9=11"}).
   */
  static LineMap parse(String[] table) {
    Map<String, String[]> machines = new HashMap<>();
    int capacity = 0;
    for (String entry : table) {
      capacity += entry.length() / 4 + 1; // a run takes at least "1-1=1 ".length() - 2 characters
    }
    int[] firsts = new int[capacity];
    int[] lasts = new int[capacity];
    int[] sources = new int[capacity];
    int runs = 0;
    for (String entry : table) {
      if (entry.startsWith("M ")) {
        String[] parts = entry.split(" ");
        int dot = parts.length == 4 ? parts[2].lastIndexOf('.') : -1;
        if (dot > 0) {
          machines.put(parts[1], new String[] {parts[2].substring(0, dot), parts[2].substring(dot + 1), parts[3]});
        }
        continue;
      }
      for (int start = 0; start < entry.length() && runs < capacity; ) {
        int end = entry.indexOf(' ', start);
        if (end < 0) {
          end = entry.length();
        }
        int dash = entry.indexOf('-', start);
        int equals = entry.indexOf('=', start);
        if (dash > start && equals > dash && equals < end) {
          try {
            firsts[runs] = Integer.parseInt(entry.substring(start, dash));
            lasts[runs] = Integer.parseInt(entry.substring(dash + 1, equals));
            sources[runs] = Integer.parseInt(entry.substring(equals + 1, end));
            runs++;
          } catch (NumberFormatException ignored) {
            // not a run
          }
        }
        start = end + 1;
      }
    }
    return new LineMap(machines, copy(firsts, runs), copy(lasts, runs), copy(sources, runs));
  }

  private static int[] copy(int[] values, int length) {
    int[] copy = new int[length];
    System.arraycopy(values, 0, copy, 0, length);
    return copy;
  }

  /** The source line of {@code generatedLine}, or -1 if no run covers it. */
  int sourceLine(int generatedLine) {
    int low = 0;
    int high = firsts.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (lasts[mid] < generatedLine) {
        low = mid + 1;
      } else if (firsts[mid] > generatedLine) {
        high = mid - 1;
      } else {
        return sources[mid];
      }
    }
    return -1;
  }

  /**
   * Line {@code generatedLine} of {@code machine} (or of a class nested in it, such as an
   * anonymous class: {@code leaf$Machine$1}) as the user's method and line (no line if unmapped);
   * null if the table does not know the machine.
   */
  StackTraceElement toSource(String machine, int generatedLine) {
    String key = machine;
    String[] method = machines.get(key);
    while (method == null && key.lastIndexOf('$') > 0) {
      key = key.substring(0, key.lastIndexOf('$'));
      method = machines.get(key);
    }
    if (method == null) {
      return null;
    }
    return new StackTraceElement(method[0], method[1], method[2], sourceLine(generatedLine));
  }
}
