package io.gevent4j.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Greenlet;
import io.gevent4j.testing.Frames;
import io.gevent4j.testing.VirtualHubTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingMonitor} (gevent's monitor thread and {@code max_blocking_time}), and
 * {@code Hub.setBlockingMonitor}; public API only, through {@link io.gevent4j.testing}. The
 * blocking task waits for the monitor's report itself (a latch released when the report is
 * flushed, at most 10 s), so no test sleeps for a fixed time.
 */
class BlockingMonitorTest extends VirtualHubTestSupport {
  /** Collects the reports; {@link #reported} opens when the first one is flushed. */
  private static final class Reports extends OutputStream {
    final CountDownLatch reported = new CountDownLatch(1);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    @Override
    public void flush() {
      reported.countDown();
    }

    boolean await() {
      try {
        return reported.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    synchronized String text() {
      try {
        return bytes.toString("UTF-8");
      } catch (UnsupportedEncodingException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** A greenlet that keeps the hub busy (no suspension) until {@code reports} has a report. */
  private static Greenlet<Boolean> blocker(Reports reports) {
    return Frames.steps(() -> { }, () -> null, ignored -> reports.await());
  }

  @Test
  void startRefusesANonPositiveLimit() {
    assertThrows(IllegalArgumentException.class, () -> BlockingMonitor.start(hub, 0, System.err));
    assertThrows(IllegalArgumentException.class, () -> BlockingMonitor.start(hub, -5, System.err));
  }

  @Test
  void aGreenletKeepingTheHubBusyIsReportedWithTheHubsStack() {
    Reports reports = new Reports();
    try (BlockingMonitor monitor = BlockingMonitor.start(hub, 20, new PrintStream(reports))) {
      Greenlet<Boolean> busy = blocker(reports).start();
      assertTrue(busy.get(), "the monitor reported within 10 s");
      String text = reports.text();
      assertTrue(text.contains(busy + " appears to be blocked for "), text);
      assertTrue(text.contains(" ms on " + Thread.currentThread().getName() + "\n"), text);
      assertTrue(text.contains("    at "), "the hub thread's stack: " + text);
    }
  }

  @Test
  void withoutAStreamTheMonitorReportsToTheHubsReporter() {
    CountDownLatch reported = new CountDownLatch(1);
    java.util.List<String> blocked = new java.util.concurrent.CopyOnWriteArrayList<>();
    hub.setReporter(new io.gevent4j.Reporter() {
      @Override
      public void greenletFailed(Greenlet<?> greenlet, Throwable failure) {
      }

      @Override
      public void linkFailed(Object link, Greenlet<?> greenlet, Throwable failure) {
      }

      @Override
      public void callbackFailed(Object task, Throwable failure) {
      }

      @Override
      public void blocked(Object task, long blockedMillis, Thread hubThread, StackTraceElement[] stack) {
        blocked.add(task + " " + hubThread.getName() + " " + (stack.length > 0));
        reported.countDown();
      }
    });
    try (BlockingMonitor monitor = BlockingMonitor.start(hub, 20)) {
      Greenlet<Boolean> busy = Frames.steps(() -> { }, () -> null, ignored -> {
        try {
          return reported.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }).start();
      assertTrue(busy.get(), "the monitor reported within 10 s");
      assertEquals(busy + " " + Thread.currentThread().getName() + " true", blocked.get(0));
    }
  }

  @Test
  void enteringAndLeftMarkTheTaskBeingWatched() {
    Reports reports = new Reports();
    try (BlockingMonitor monitor = BlockingMonitor.start(hub, 20, new PrintStream(reports))) {
      monitor.entering("<a task named x>");
      assertTrue(reports.await(), "the monitor reported within 10 s");
      monitor.left();
      assertTrue(reports.text().contains("<a task named x> appears to be blocked for "), reports.text());
    }
  }

  @Test
  void setBlockingMonitorInstallsAMonitorOnTheHub() {
    Reports reports = new Reports();
    try (BlockingMonitor monitor = BlockingMonitor.start(hub, 20, new PrintStream(reports))) {
      hub.setBlockingMonitor(null);
      Frames.returning("unwatched").start().join();
      hub.setBlockingMonitor(monitor);
      Greenlet<Boolean> busy = blocker(reports).start();
      assertTrue(busy.get(), "the re-installed monitor reported within 10 s");
      assertTrue(reports.text().contains(busy + " appears to be blocked for "), reports.text());
    }
  }

  @Test
  void closeStopsTheSamplerThread() throws InterruptedException {
    String name = "gevent4j-monitor-" + Thread.currentThread().getName();
    java.util.List<Thread> before = java.util.Arrays.asList(allThreads());
    BlockingMonitor monitor = BlockingMonitor.start(hub, 1000, new PrintStream(new Reports()));
    Thread sampler = null;
    for (Thread thread : allThreads()) {
      if (thread.getName().equals(name) && !before.contains(thread)) {
        sampler = thread;
      }
    }
    assertTrue(sampler != null && sampler.isDaemon(), "a daemon sampler thread named " + name);
    monitor.close();
    sampler.join(10_000);
    assertEquals(false, sampler.isAlive(), "the sampler ended");
  }

  private static Thread[] allThreads() {
    Thread[] threads = new Thread[Thread.activeCount() + 16];
    int n = Thread.enumerate(threads);
    Thread[] found = new Thread[n];
    System.arraycopy(threads, 0, found, 0, n);
    return found;
  }
}
