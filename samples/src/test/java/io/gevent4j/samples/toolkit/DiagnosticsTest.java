package io.gevent4j.samples.toolkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.queue.Queue;
import io.gevent4j.test.GeventExtension;
import io.gevent4j.test.TestHub;
import io.gevent4j.util.BlockingMonitor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The greenlet dump names where each greenlet waits; the blocking monitor names a hog. */
class DiagnosticsTest {
  @Test
  @ExtendWith(GeventExtension.class)
  void dumpShowsEachGreenletAndTheLineItWaitsAt(TestHub test) {
    Queue<String> queue = new Queue<>(1);
    Greenlet<Integer> consumer = Gevent.spawn(ToolkitCoroutines.consumer("carol", queue));
    test.advanceTime(0);
    String dump = test.hub().dump();
    assertTrue(dump.contains(consumer + " waiting"), dump);
    assertTrue(dump.matches("(?s).*at io\\.gevent4j\\.samples\\.toolkit\\.Toolkit\\.consumer\\(Toolkit\\.java:\\d+\\).*"), dump);
    consumer.kill();
  }

  @Test
  void blockingMonitorReportsAGreenletThatHogsTheHub() throws Exception {
    Hub hub = Hub.install(Clock.system());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (BlockingMonitor monitor = BlockingMonitor.start(hub, 20, new PrintStream(bytes, true))) {
      Greenlet<Void> hog = Gevent.spawn(DiagnosticsTestCoroutines.hog(200));
      hog.join();
    }
    String report = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(report.contains("hog(200)> appears to be blocked for"), report);
    assertTrue(report.contains("DiagnosticsTest.busyWait"), report);
  }

  /** Keeps the hub busy without suspending. */
  @io.gevent4j.annotations.Coroutine
  static void hog(long millis) {
    busyWait(millis);
  }

  static void busyWait(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    long spins = 0;
    while (System.nanoTime() < end) {
      spins++;
    }
    if (spins < 0) {
      throw new AssertionError();
    }
  }
}
