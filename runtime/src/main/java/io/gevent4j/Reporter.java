package io.gevent4j;

import java.io.PrintStream;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Where a hub reports what goes wrong outside anyone's call: a greenlet that died of an exception
 * (once, as gevent prints it), a link callback or a hub callback that threw, and a task that kept
 * the hub busy too long ({@code util.BlockingMonitor}). Set per hub with {@link Hub#setReporter},
 * or for every new hub with the system property {@code gevent4j.reporter}: {@code gevent} (the
 * default, {@link #gevent(PrintStream)} to {@code System.err}), {@code logging}
 * ({@link #logging()}), {@code system} ({@link #systemLogger()}), {@code none}, or the name of a class implementing this interface with a
 * public no-argument constructor.
 *
 * <p>The built-in reporters report an ordinary disconnect (a broken pipe or a connection reset by
 * the peer, anywhere in the cause chain) in one line, without its stack trace: a server that loses
 * clients is not flooded with traces.
 *
 * <p>Implementations are called on the hub's thread ({@link #blocked} on the monitor's thread),
 * must be thread-safe if shared between hubs, and should not throw: what one throws is printed to
 * {@code System.err} and otherwise ignored, so a broken reporter cannot stop a hub.
 */
public interface Reporter {
  /** {@code greenlet} died of {@code failure} (never a {@link GreenletExit}). */
  void greenletFailed(Greenlet<?> greenlet, Throwable failure);

  /** The link callback {@code link} of {@code greenlet} threw {@code failure}. */
  void linkFailed(Object link, Greenlet<?> greenlet, Throwable failure);

  /** The hub callback or timer {@code task} threw {@code failure}. */
  void callbackFailed(Object task, Throwable failure);

  /**
   * {@code task} has kept the hub running on {@code hubThread} busy for {@code blockedMillis}
   * without returning; {@code stack} is that thread's stack, sampled now.
   */
  void blocked(Object task, long blockedMillis, Thread hubThread, StackTraceElement[] stack);

  /**
   * gevent's format, printed to {@code out}: the stack trace, then
   * {@code <time> <greenlet> failed with <Type>}; a blocked task as
   * {@code <time> : <task> appears to be blocked for N ms on <thread>} and the thread's stack.
   */
  static Reporter gevent(PrintStream out) {
    return new GeventFormatReporter(Objects.requireNonNull(out, "out"));
  }

  /**
   * Through {@code java.util.logging}'s logger {@code "io.gevent4j"}: failures at
   * {@code SEVERE} with their exception, ordinary disconnects at {@code INFO} in one line, blocked
   * tasks at {@code WARNING}. On JDK 9+ this is also where {@code System.Logger} ends up by default,
   * and bridges such as SLF4J's {@code jul-to-slf4j} route it to any logging library.
   */
  static Reporter logging() {
    return logging(Logger.getLogger("io.gevent4j"));
  }

  /** {@link #logging()} through {@code logger}. */
  static Reporter logging(Logger logger) {
    return new LoggingReporter(Objects.requireNonNull(logger, "logger"));
  }

  /**
   * Through JDK 9+'s {@code System.Logger} {@code "io.gevent4j"}, so that a {@code LoggerFinder}
   * (Log4j's, SLF4J's bridge) routes reports to the application's logging: failures at
   * {@code ERROR} with their exception, ordinary disconnects at {@code INFO} in one line, blocked
   * tasks at {@code WARNING}. On JDK 8 this is {@link #logging()}.
   */
  static Reporter systemLogger() {
    return SystemLoggerReporter.create("io.gevent4j");
  }

  /** Reports nothing. */
  static Reporter none() {
    return Reporters.NONE;
  }
}
