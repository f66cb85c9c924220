package io.gevent4j.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.internal.IoBudget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fair I/O: a flooding client whose lines are all buffered (its greenlet's reads and writes
 * never wait) cannot delay another client's echo by more than the hub's I/O budget, and without
 * the budget it would: the whole flood would go first.
 */
class FairIoTest {
  private static final int FLOOD_LINES = 5_000;
  private Hub hub;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void systemClock() {
    hub = Hub.install(Clock.system());
  }

  @AfterEach
  void hubIsEmpty() {
    assertTrue(hub.isEmpty(), "no selector interest or timer left");
  }

  /** Runs a flood of lines and one quiet line through two echo greenlets; returns how many flood lines were echoed before the quiet one. */
  private int floodLinesBeforeTheQuietOne() throws IOException {
    log.clear();
    try (ServerSocket server = ServerSocket.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        java.net.Socket flooder = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port());
        Socket flood = server.accept();
        java.net.Socket quiet = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port());
        Socket calm = server.accept()) {
      quiet.setSoTimeout(10_000);
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < FLOOD_LINES; i++) {
        lines.append("a\n");
      }
      OutputStream out = flooder.getOutputStream();
      out.write(lines.toString().getBytes(StandardCharsets.US_ASCII)); // all buffered on our side at once (loopback)
      flooder.shutdownOutput();
      quiet.getOutputStream().write("b\n".getBytes(StandardCharsets.US_ASCII));
      quiet.shutdownOutput();
      Greenlet<Integer> floodEcho = Greenlet.of(new EchoLines(flood, "a", log)).start();
      Greenlet<Integer> quietEcho = Greenlet.of(new EchoLines(calm, "b", log)).start();
      Gevent.joinAll(floodEcho, quietEcho);
      assertEquals(FLOOD_LINES, (int) floodEcho.get());
      assertEquals(1, (int) quietEcho.get());
      assertEquals("b", new BufferedReader(new InputStreamReader(quiet.getInputStream(), StandardCharsets.US_ASCII)).readLine(), "echoed");
      return log.indexOf("b");
    }
  }

  @Test
  void aFloodingClientCannotDelayAnotherByMoreThanTheBudget() throws IOException {
    assertEquals(IoBudget.DEFAULT_LIMIT, hub.ioBudget().limit());
    int before = floodLinesBeforeTheQuietOne();
    // each flood line is two operations (a read and a write) that never wait
    assertTrue(before <= IoBudget.DEFAULT_LIMIT / 2, "the quiet client was echoed after " + before + " flood lines");
  }

  @Test
  void withoutABudgetTheFloodGoesFirst() throws IOException {
    hub.ioBudget().setLimit(Integer.MAX_VALUE);
    int before = floodLinesBeforeTheQuietOne();
    assertTrue(before > IoBudget.DEFAULT_LIMIT * 10, "unfair: " + before + " flood lines went first");
    assertThrows(IllegalArgumentException.class, () -> hub.ioBudget().setLimit(0));
  }
}
