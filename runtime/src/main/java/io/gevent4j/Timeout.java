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
 */
public class Timeout extends Error implements AutoCloseable {
  private static final long serialVersionUID = 1L;

  private final long millis;
  private final transient Throwable exception;
  private transient Timer timer;

  /** An unstarted timeout of {@code millis} milliseconds that raises itself. */
  public Timeout(long millis) {
    this(millis, null);
  }

  /** An unstarted timeout that raises {@code exception} instead of itself. */
  public Timeout(long millis, Throwable exception) {
    super(millis + " milliseconds", null, false, false);
    if (millis < 0) {
      throw new IllegalArgumentException("negative timeout: " + millis);
    }
    this.millis = millis;
    this.exception = exception;
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
    Hub hub = Hub.current();
    Greenlet<?> target = hub.running;
    Throwable raised = exception != null ? exception : this;
    timer = hub.schedule(millis, () -> {
      timer = null;
      if (target == null) {
        hub.throwIntoMain(raised);
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

  /** {@link #cancel()}, for try-with-resources. */
  @Override
  public void close() {
    cancel();
  }

  /** Like gevent's: {@code <Timeout at 0x1b6d3586 millis=50>}. */
  @Override
  public String toString() {
    return "<Timeout at 0x" + Integer.toHexString(System.identityHashCode(this)) + " millis=" + millis + ">";
  }
}
