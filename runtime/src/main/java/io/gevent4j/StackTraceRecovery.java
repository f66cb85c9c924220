package io.gevent4j;

import io.gevent4j.internal.SourceLines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Thread-safe. Makes stack traces read as if coroutines were ordinary calls. When an exception
 * leaves a coroutine frame, its trace is rewritten in place: each generated state-machine frame
 * becomes the user's method and line ({@code demo.Trace.leaf(Trace.java:11)}), the hub's frames
 * are dropped, the coroutines waiting for the frame follow at the lines of their calls, then a
 * boundary {@code io.gevent4j.Greenlet.coroutineBoundary(<Greenlet ...>)} and the stack that ran
 * the hub (where plain code joined the greenlet or waited). Causes and suppressed exceptions are
 * rewritten too, each once. The system property {@code gevent4j.stackTraceRecovery=false} turns
 * the rewriting off (the generated frames are then left as they are).
 */
public final class StackTraceRecovery {
  /** The system property that turns recovery off when {@code false}. */
  public static final String PROPERTY = "gevent4j.stackTraceRecovery";
  private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim());
  private static final String GREENLET = Greenlet.class.getName();
  private static final String HUB = Hub.class.getName();
  private static final String BOUNDARY = "coroutineBoundary";
  /** The classes whose frames a spawn site leaves out. */
  private static final Set<String> SPAWNING = new HashSet<>(Arrays.asList(
      StackTraceRecovery.class.getName(), GREENLET, Gevent.class.getName()));

  private StackTraceRecovery() {
  }

  /** Whether recovery is on ({@link #PROPERTY}). */
  public static boolean isEnabled() {
    return ENABLED;
  }

  /**
   * {@code stack}, sampled on a hub's thread while {@code running} (may be null) runs, in the
   * user's terms: generated frames mapped and, when {@code running} is a greenlet, its waiting
   * coroutine frames and a boundary in place of the hub's frames. For diagnostics such as
   * {@code util.BlockingMonitor}; the sample is racy by nature.
   */
  public static StackTraceElement[] toSource(StackTraceElement[] stack, Object running) {
    CoroutineFrame<?> frame = running instanceof Greenlet ? ((Greenlet<?>) running).top : null;
    if (frame == null || indexOf(stack, frame.getClass().getName()) < 0) {
      return mapped(stack, 0, stack.length, null); // not a greenlet, or it stopped running meanwhile
    }
    return rebuild(stack, frame, frame.getClass().getName());
  }

  /**
   * Where the calling code is starting a greenlet of {@code hub}, in the user's terms, without the
   * frames of gevent4j's spawning methods on top.
   */
  static StackTraceElement[] spawnSite(Hub hub) {
    StackTraceElement[] stack = new Throwable().getStackTrace();
    int from = 0;
    while (from < stack.length && SPAWNING.contains(stack[from].getClassName())) {
      from++;
    }
    return toSource(Arrays.copyOfRange(stack, from, stack.length), hub.running);
  }

  /** Rewrites {@code failure}, leaving {@code frame}, and its causes and suppressed exceptions. */
  static void recover(Throwable failure, CoroutineFrame<?> frame) {
    if (ENABLED) {
      recover(failure, frame, true, Collections.newSetFromMap(new IdentityHashMap<>()));
    }
  }

  /**
   * Rewrites one exception of the tree: only those thrown in {@code frame}'s machine, except the
   * {@code outermost} one, which may have been raised into the frame (a kill, a timeout, another
   * thread's result) and then starts with the frame's wait.
   */
  private static void recover(Throwable failure, CoroutineFrame<?> frame, boolean outermost, Set<Throwable> seen) {
    if (failure == null || !seen.add(failure)) {
      return;
    }
    StackTraceElement[] stack = failure.getStackTrace();
    String machine = frame.getClass().getName();
    if (stack.length > 0 && !recovered(stack) && (outermost || indexOf(stack, machine) >= 0)) {
      failure.setStackTrace(rebuild(stack, frame, machine));
    }
    recover(failure.getCause(), frame, false, seen);
    for (Throwable suppressed : failure.getSuppressed()) {
      recover(suppressed, frame, false, seen);
    }
  }

  private static boolean recovered(StackTraceElement[] stack) {
    for (StackTraceElement element : stack) {
      if (element.getMethodName().equals(BOUNDARY) && element.getClassName().equals(GREENLET)) {
        return true;
      }
    }
    return false;
  }

  private static StackTraceElement[] rebuild(StackTraceElement[] stack, CoroutineFrame<?> frame, String machine) {
    ClassLoader loader = frame.getClass().getClassLoader();
    List<StackTraceElement> out = new ArrayList<>(stack.length + 8);
    int at = indexOf(stack, machine);
    if (at < 0) {
      appendChain(out, frame);
      out.add(boundary(frame.greenlet));
      Collections.addAll(out, mapped(stack, 0, stack.length, loader));
    } else {
      Collections.addAll(out, mapped(stack, 0, at + 1, loader));
      appendChain(out, frame.caller);
      out.add(boundary(frame.greenlet));
      int hub = lastIndexOf(stack, HUB, at);
      Collections.addAll(out, mapped(stack, hub < 0 ? at + 1 : hub + 1, stack.length, loader));
    }
    return out.toArray(new StackTraceElement[0]);
  }

  private static StackTraceElement[] mapped(StackTraceElement[] stack, int from, int to, ClassLoader loader) {
    StackTraceElement[] out = new StackTraceElement[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = SourceLines.toSource(stack[i], loader);
    }
    return out;
  }

  /** The frames from {@code frame} outwards, each at the line it waits at ({@code location$()}). */
  private static void appendChain(List<StackTraceElement> out, CoroutineFrame<?> frame) {
    for (CoroutineFrame<?> f = frame; f != null; f = f.caller) {
      out.add(parseLocation(f.location$()));
    }
  }

  /** {@code p.Foo.f(Foo.java:16)}, {@code p.Foo.f(Foo.java)} or {@code p.Foo.f} as a stack frame. */
  static StackTraceElement parseLocation(String location) {
    int open = location.indexOf('(');
    String method = open < 0 ? location : location.substring(0, open);
    String file = null;
    int line = -1;
    if (open >= 0 && location.endsWith(")")) {
      file = location.substring(open + 1, location.length() - 1);
      int colon = file.lastIndexOf(':');
      if (colon >= 0) {
        try {
          line = Integer.parseInt(file.substring(colon + 1));
          file = file.substring(0, colon);
        } catch (NumberFormatException notALine) {
          line = -1;
        }
      }
    }
    int dot = method.lastIndexOf('.');
    return new StackTraceElement(dot < 0 ? "" : method.substring(0, dot), method.substring(dot + 1), file, line);
  }

  /** The marker between a greenlet's coroutine frames and the stack that ran its hub. */
  private static StackTraceElement boundary(Greenlet<?> greenlet) {
    return new StackTraceElement(GREENLET, BOUNDARY, String.valueOf(greenlet), -1);
  }

  private static int indexOf(StackTraceElement[] stack, String className) {
    for (int i = 0; i < stack.length; i++) {
      if (stack[i].getClassName().equals(className)) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(StackTraceElement[] stack, String className, int after) {
    for (int i = stack.length - 1; i > after; i--) {
      if (stack[i].getClassName().equals(className)) {
        return i;
      }
    }
    return -1;
  }
}
