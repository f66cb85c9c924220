package io.gevent4j.samples.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.server.StreamServer;
import io.gevent4j.socket.Socket;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The echo server and its clients on one hub over loopback: many connections at once, oversized
 * lines, resets and slow readers. Bounded: every socket has a timeout.
 */
class EchoServerTest {
  private Hub hub;
  private StreamServer server;

  @BeforeEach
  void start() throws IOException {
    hub = Hub.install(Clock.system());
    server = new StreamServer(Clients.loopback(0), EchoServerCoroutines::handle).start();
  }

  @AfterEach
  void stop() {
    Clients.stop(server);
    assertEquals(0, server.connections());
    assertTrue(hub.isEmpty(), "no greenlet, timer or selector interest left");
  }

  @Test
  void echoesLines() throws IOException {
    assertEquals("hello", Gevent.spawn(ClientsCoroutines.exchange(server.port(), "hello")).get());
  }

  @Test
  void aThousandConcurrentConnectionsOnOneHub() {
    List<Greenlet<String>> clients = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      clients.add(ClientsCoroutines.exchange(server.port(), "client " + i));
    }
    Gevent.joinAll(clients);
    for (int i = 0; i < 1000; i++) {
      assertEquals("client " + i, clients.get(i).get());
    }
  }

  @Test
  void anOversizedLineGetsAnErrorAndTheConnectionCloses() throws IOException {
    try (Socket socket = Socket.connect(Clients.loopback(server.port()), 10_000)) {
      socket.setTimeout(10_000);
      char[] huge = new char[EchoServer.MAX_LINE + 10];
      java.util.Arrays.fill(huge, 'x');
      socket.write(new String(huge) + "\n");
      assertEquals("ERR line longer than " + EchoServer.MAX_LINE + " bytes", socket.readLine(200));
      assertNull(socket.readLine(200), "closed by the server");
    }
  }

  @Test
  void aResetConnectionEndsItsGreenletQuietly() throws Exception {
    try (java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port())) {
      client.getOutputStream().write("half a line".getBytes("UTF-8"));
      client.setSoLinger(true, 0);
    }
    assertEquals("after reset", Gevent.spawn(ClientsCoroutines.exchange(server.port(), "after reset")).get());
  }

  @Test
  void aSlowReaderBlocksOnlyItsOwnGreenlet() throws Exception {
    try (java.net.Socket slow = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port())) {
      StringBuilder line = new StringBuilder();
      while (line.length() < 4000) {
        line.append("0123456789");
      }
      byte[] bytes = (line + "\n").getBytes("UTF-8");
      Thread writer = new Thread(() -> {
        try {
          for (int i = 0; i < 2000; i++) {
            slow.getOutputStream().write(bytes);
          }
        } catch (IOException expected) {
          // the socket is closed under it at the end of the test
        }
      });
      writer.setDaemon(true);
      writer.start();
      Gevent.sleep(200);
      assertEquals("still served", Gevent.spawn(ClientsCoroutines.exchange(server.port(), "still served")).get());
    }
  }
}
