package io.gevent4j;

import io.gevent4j.internal.Timer;

/**
 * Hub thread only. Raises an exception in the greenlet that started it (or in plain code) if it
 * is still running after a delay, at its next suspension point (gevent's {@code Timeout}):
 *
 * <pre>{@code
 * try (Timeout timeout = Timeout.startNew(50)) {
 *   String reply = socket.readLine(100);     // raises the Timeout if no line within 50 ms
 * } catch (Timeout t) { ... }
 * }</pre>
 *
 * <p>It extends {@link Error}, like gevent's {@code BaseException}, so that
 * {@code catch (Exception e)} does not swallow it. It is not pre-emptive: a greenlet that never
 * suspends is never interrupted. Closing (or {@link #cancel()}) disarms it. When timeouts nest,
 * whichever fires first is raised; the other stays pending until closed.
 *
 * <p><b>Silent timeouts</b> (gevent's {@code with Timeout(s, False):}) leave their block at the
 * suspension point and let the code go on after it. Java's try-with-resources cannot swallow the
 * exception that leaves its body ({@code close()} runs while it propagates), so a silent timeout
 * is swallowed by a catch clause of its own {@code try}, which runs after {@code close()}:
 *
 * <pre>{@code
 * try (Timeout timeout = Timeout.silent(50)) {
 *   reply = socket.readLine(100);        // leaves the block after 50 ms
 * } catch (Timeout expired) {
 *   expired.rethrowUnlessSilent();       // swallows this block's silent timeout, rethrows any other
 * }
 * // goes on here, after 50 ms at most
 * }</pre>
 *
 * <p>{@link #rethrowUnlessSilent()} returns only for a silent timeout whose block was closed, so
 * in nested blocks a catch swallows its own silent timeout and passes on an enclosing one (not
 * closed yet) and every ordinary timeout.
 */
public class Timeout extends Error implements AutoCloseable {
  private static final long serialVersionUID = 1L;

  private final long millis;
  private final transient Throwable exception;
  private final boolean silent;
  private transient Timer timer;
  /** Whether {@link #close()} ran: the try-with-resources block of this timeout was left. */
  private transient boolean closed;

  /** An unstarted timeout of {@code millis} milliseconds that raises itself. */
  public Timeout(long millis) {
    this(millis, null);
  }

  /** An unstarted timeout that raises {@code exception} instead of itself. */
  public Timeout(long millis, Throwable exception) {
    this(millis, exception, false);
  }

  private Timeout(long millis, Throwable exception, boolean silent) {
    super(millis + " milliseconds", null, false, false);
    if (millis < 0) {
      throw new IllegalArgumentException("negative timeout: " + millis);
    }
    this.millis = millis;
    this.exception = exception;
    this.silent = silent;
  }

  /**
   * Starts a new silent timeout (gevent's {@code Timeout(s, False)}): it raises itself, and the
   * catch clause of its own block swallows it with {@link #rethrowUnlessSilent()} (see the class
   * documentation).
   */
  public static Timeout silent(long millis) {
    return new Timeout(millis, null, true).start();
  }

  /** Whether this timeout was made by {@link #silent}. */
  public boolean isSilent() {
    return silent;
  }

  /**
   * For the catch clause of a silent timeout's own {@code try}: returns if this is a silent timeout
   * whose try-with-resources block was closed, otherwise throws this timeout on.
   */
  public void rethrowUnlessSilent() {
    if (!(silent && closed)) {
      throw this;
    }
  }

  /** Starts a new timeout for the calling greenlet (gevent's {@code Timeout.start_new}). */
  public static Timeout startNew(long millis) {
    return new Timeout(millis).start();
  }

  /** Starts a new timeout that raises {@code exception}. */
  public static Timeout startNew(long millis, Throwable exception) {
    return new Timeout(millis, exception).start();
  }

  /** Arms the timer for the calling greenlet (or plain code); restarting re-arms it. Returns this. */
  public Timeout start() {
    cancel();
    closed = false;
    Hub hub = Hub.current();
    Greenlet<?> target = hub.running;
    Throwable raised = exception != null ? exception : this;
    timer = hub.schedule(millis, () -> {
      timer = null;
      if (target == null) {
        hub.main.raise(raised);
      } else {
        target.throwInto(raised);
      }
    });
    return this;
  }

  /** Whether the timer is armed and has not fired. */
  public boolean pending() {
    return timer != null && timer.isPending();
  }

  /** The delay in milliseconds. */
  public long millis() {
    return millis;
  }

  /** Disarms the timer; does nothing if it fired or was never started. */
  public void cancel() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  /** {@link #cancel()}, for try-with-resources; marks the block as left (see {@link #rethrowUnlessSilent()}). */
  @Override
  public void close() {
    cancel();
    closed = true;
  }

  /** Like gevent's: {@code <Timeout at 0x1b6d3586 millis=50>}. */
  @Override
  public String toString() {
    return "<Timeout at 0x" + Integer.toHexString(System.identityHashCode(this)) + " millis=" + millis + ">";
  }
}
