package io.gevent4j.util;

import io.gevent4j.Hub;
import io.gevent4j.HubObserver;
import io.gevent4j.Reporter;
import io.gevent4j.StackTraceRecovery;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Thread-safe. Reports a greenlet or callback that keeps its hub busy longer than a limit
 * (gevent's monitor thread and {@code max_blocking_time}): a daemon thread samples the hub and,
 * once per offending task, reports it with the hub thread's stack ({@link Reporter#blocked}; in
 * gevent's format {@code <time> : <Greenlet ...> appears to be blocked for N ms}), in the user's
 * source lines and with the greenlet's waiting coroutine frames ({@link StackTraceRecovery#toSource}).
 * Cooperative code cannot be interrupted; this finds who to fix.
 */
public final class BlockingMonitor implements AutoCloseable, HubObserver {
  private final Hub hub;
  private final long maxBlockingNanos;
  /** The reporter, or null for the hub's own ({@link Hub#reporter()}, read at each report). */
  private final Reporter reporter;
  private final AtomicReference<Object> task = new AtomicReference<>();
  private final AtomicLong startedNanos = new AtomicLong();
  private final Thread sampler;
  private volatile boolean closed;
  private Object reported;

  private BlockingMonitor(Hub hub, long maxBlockingMillis, Reporter reporter) {
    this.hub = hub;
    this.maxBlockingNanos = TimeUnit.MILLISECONDS.toNanos(maxBlockingMillis);
    this.reporter = reporter;
    this.sampler = new Thread(this::sample, "gevent4j-monitor-" + hub.thread().getName());
    sampler.setDaemon(true);
  }

  /**
   * Starts monitoring {@code hub}, printing reports to {@code out} in gevent's format; any thread
   * (the hub picks the monitor up from its next task).
   */
  public static BlockingMonitor start(Hub hub, long maxBlockingMillis, PrintStream out) {
    return start(hub, maxBlockingMillis, Reporter.gevent(out));
  }

  /** Starts monitoring {@code hub}, reporting to the hub's own {@link Hub#reporter()}; any thread. */
  public static BlockingMonitor start(Hub hub, long maxBlockingMillis) {
    return start(hub, maxBlockingMillis, (Reporter) null);
  }

  /** Starts monitoring {@code hub}, reporting to {@code reporter} (null: the hub's); any thread. */
  public static BlockingMonitor start(Hub hub, long maxBlockingMillis, Reporter reporter) {
    Objects.requireNonNull(hub, "hub");
    if (maxBlockingMillis <= 0) {
      throw new IllegalArgumentException("maxBlockingMillis must be positive: " + maxBlockingMillis);
    }
    BlockingMonitor monitor = new BlockingMonitor(hub, maxBlockingMillis, reporter);
    hub.setBlockingMonitor(monitor);
    monitor.sampler.start();
    return monitor;
  }

  /** Called by the hub before each task ({@link HubObserver}); not for other callers. */
  @Override
  public void entering(Object current) {
    startedNanos.lazySet(System.nanoTime());
    task.lazySet(current);
  }

  /** Called by the hub after each task ({@link HubObserver}); not for other callers. */
  @Override
  public void left() {
    task.lazySet(null);
  }

  private void sample() {
    long period = Math.max(1, TimeUnit.NANOSECONDS.toMillis(maxBlockingNanos) / 4);
    while (!closed) {
      try {
        Thread.sleep(period);
      } catch (InterruptedException e) {
        return;
      }
      Object current = task.get();
      long busy = System.nanoTime() - startedNanos.get();
      if (current != null && current != reported && busy > maxBlockingNanos) {
        reported = current;
        report(current, busy);
      }
    }
  }

  private void report(Object current, long busyNanos) {
    Reporter to = reporter != null ? reporter : hub.reporter();
    try {
      StackTraceElement[] stack = StackTraceRecovery.toSource(hub.thread().getStackTrace(), current);
      to.blocked(current, TimeUnit.NANOSECONDS.toMillis(busyNanos), hub.thread(), stack);
    } catch (RuntimeException broken) {
      broken.printStackTrace(); // a broken reporter must not end the sampling thread
    }
  }

  /** Stops monitoring. */
  @Override
  public void close() {
    closed = true;
    hub.setBlockingMonitor(null);
    sampler.interrupt();
  }
}
