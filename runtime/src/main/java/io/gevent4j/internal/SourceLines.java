package io.gevent4j.internal;

import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Thread-safe. Maps stack frames of generated state machines ({@code p.FooCoroutines_Machines$leafMachine})
 * back to the user's method and line ({@code p.Foo.leaf(Foo.java:11)}) through the {@code Lines$}
 * table the processor emits in each machines class, loaded once per class. Public for the runtime;
 * not API.
 */
public final class SourceLines {
  /** The suffix of the generated class holding the state machines. */
  private static final String MACHINES = "_Machines$";
  private static final ConcurrentMap<String, LineMap> MAPS = new ConcurrentHashMap<>();

  private SourceLines() {}

  /** Whether {@code frame} runs in a generated state machine. */
  public static boolean isGenerated(StackTraceElement frame) {
    return frame.getClassName().contains(MACHINES);
  }

  /**
   * {@code frame} as the user's source, or {@code frame} itself if it is not generated code or its
   * table cannot be loaded; {@code loader} (may be null) is tried first to load the table.
   */
  public static StackTraceElement toSource(StackTraceElement frame, ClassLoader loader) {
    String className = frame.getClassName();
    int at = className.indexOf(MACHINES);
    if (at < 0) {
      return frame;
    }
    int split = at + MACHINES.length() - 1;
    LineMap map = MAPS.computeIfAbsent(className.substring(0, split), outer -> load(outer, loader));
    StackTraceElement mapped = map.toSource(className.substring(split + 1), frame.getLineNumber());
    return mapped != null ? mapped : frame;
  }

  /** The table of machines class {@code outer}, {@link LineMap#NONE} if it has none or is not readable. */
  private static LineMap load(String outer, ClassLoader loader) {
    Class<?> lines = Classes.load(outer + "$Lines$", loader);
    if (lines == null) {
      return LineMap.NONE;
    }
    try {
      Field table = lines.getDeclaredField("MAP");
      table.setAccessible(true);
      return LineMap.parse((String[]) table.get(null));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError unreadable) {
      return LineMap.NONE; // an older processor's output, or a module that does not open its package
    }
  }
}
