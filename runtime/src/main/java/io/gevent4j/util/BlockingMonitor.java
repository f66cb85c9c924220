package io.gevent4j.util;

import io.gevent4j.Hub;
import io.gevent4j.HubObserver;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Thread-safe. Reports a greenlet or callback that keeps its hub busy longer than a limit
 * (gevent's monitor thread and {@code max_blocking_time}): a daemon thread samples the hub and,
 * once per offending task, prints {@code <time> : <Greenlet ...> appears to be blocked for N ms}
 * with the hub thread's stack. Cooperative code cannot be interrupted; this finds who to fix.
 */
public final class BlockingMonitor implements AutoCloseable, HubObserver {
  private final Hub hub;
  private final long maxBlockingNanos;
  private final PrintStream out;
  private final AtomicReference<Object> task = new AtomicReference<>();
  private final AtomicLong startedNanos = new AtomicLong();
  private final Thread sampler;
  private volatile boolean closed;
  private Object reported;

  private BlockingMonitor(Hub hub, long maxBlockingMillis, PrintStream out) {
    this.hub = hub;
    this.maxBlockingNanos = TimeUnit.MILLISECONDS.toNanos(maxBlockingMillis);
    this.out = out;
    this.sampler = new Thread(this::sample, "gevent4j-monitor-" + hub.thread().getName());
    sampler.setDaemon(true);
  }

  /** Starts monitoring {@code hub}; any thread (the hub picks the monitor up from its next task). */
  public static BlockingMonitor start(Hub hub, long maxBlockingMillis, PrintStream out) {
    if (maxBlockingMillis <= 0) {
      throw new IllegalArgumentException("maxBlockingMillis must be positive: " + maxBlockingMillis);
    }
    BlockingMonitor monitor = new BlockingMonitor(hub, maxBlockingMillis, out);
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
    StringBuilder text = new StringBuilder()
        .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" : ").append(current)
        .append(" appears to be blocked for ").append(TimeUnit.NANOSECONDS.toMillis(busyNanos)).append(" ms on ")
        .append(hub.thread().getName()).append('\n');
    for (StackTraceElement frame : hub.thread().getStackTrace()) {
      text.append("    at ").append(frame).append('\n');
    }
    out.print(text);
    out.flush();
  }

  /** Stops monitoring. */
  @Override
  public void close() {
    closed = true;
    hub.setBlockingMonitor(null);
    sampler.interrupt();
  }
}
