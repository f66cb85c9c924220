package io.gevent4j.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Hub;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket options: defaults on connected and accepted sockets, options set by the user, and the connect timeout kept to connecting. */
class SocketOptionsTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private Hub hub;

  @BeforeEach
  void systemClock() {
    hub = Hub.install(Clock.system());
  }

  @AfterEach
  void hubIsEmpty() {
    assertTrue(hub.isEmpty(), "no selector interest or timer left");
  }

  @Test
  void noDelayIsOnForConnectedAndAcceptedSockets() throws IOException {
    try (ServerSocket server = ServerSocket.listen(new InetSocketAddress(LOOPBACK, 0), 10);
        Socket client = Socket.connect(LOOPBACK.getHostAddress(), server.port());
        Socket accepted = server.accept()) {
      assertTrue(client.getOption(StandardSocketOptions.TCP_NODELAY), "connected");
      assertTrue(accepted.getOption(StandardSocketOptions.TCP_NODELAY), "accepted");
      assertEquals(0, client.readTimeout());
      assertEquals(0, client.writeTimeout());
    }
  }

  @Test
  void optionsAndTimeoutsGivenAreApplied() throws IOException {
    SocketOptions options = SocketOptions.defaults().noDelay(false)
        .with(StandardSocketOptions.SO_KEEPALIVE, true)
        .with(StandardSocketOptions.SO_REUSEADDR, true)
        .with(StandardSocketOptions.SO_LINGER, 1)
        .readTimeout(1_000).writeTimeout(2_000).connectTimeout(3_000);
    assertEquals(3_000, options.connectTimeoutMillis());
    assertTrue(options.toString().contains("SO_KEEPALIVE"), options.toString());
    try (ServerSocket server = ServerSocket.listen(new InetSocketAddress(LOOPBACK, 0), 10, options);
        Socket client = Socket.connect(LOOPBACK.getHostAddress(), server.port(), options);
        Socket accepted = server.accept()) {
      assertTrue(server.getOption(StandardSocketOptions.SO_REUSEADDR), "the listener takes what it supports");
      for (Socket socket : new Socket[] {client, accepted}) {
        assertFalse(socket.getOption(StandardSocketOptions.TCP_NODELAY));
        assertTrue(socket.getOption(StandardSocketOptions.SO_KEEPALIVE));
        assertEquals(1, (int) socket.getOption(StandardSocketOptions.SO_LINGER));
        assertEquals(1_000, socket.readTimeout());
        assertEquals(2_000, socket.writeTimeout(), "the connect timeout is not a read or write timeout");
      }
      client.setOption(StandardSocketOptions.TCP_NODELAY, true);
      assertTrue(client.getOption(StandardSocketOptions.TCP_NODELAY));
      client.setTimeout(5);
      assertEquals(5, client.readTimeout());
      assertEquals(5, client.writeTimeout());
    }
    assertThrows(IllegalArgumentException.class, () -> SocketOptions.defaults().readTimeout(-1));
  }

  /** The old bug: a connect timeout became the timeout of every later read, dropping idle connections. */
  @Test
  void aConnectTimeoutDoesNotLimitLaterReads() throws IOException {
    try (ServerSocket server = ServerSocket.listen(new InetSocketAddress(LOOPBACK, 0), 10);
        Socket client = Socket.connect(new InetSocketAddress(LOOPBACK, server.port()), 20);
        Socket accepted = server.accept()) {
      hub.schedule(150, () -> {
        try {
          accepted.write("late\n"); // completes at once: a callback may write a few bytes
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      assertEquals("late", client.readLine(10), "a read waits longer than the connect timeout");
    }
  }
}
