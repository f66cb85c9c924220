package io.gevent4j.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.testing.Frames;
import io.gevent4j.testing.VirtualHubTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Cooperative UDP on a virtual clock (loopback datagrams arrive as they are sent, so no deadline
 * races them): send and receive, a receive that waits for a greenlet's send, connected mode,
 * receive timeouts, and a datagram larger than the buffer.
 */
class DatagramSocketTest extends VirtualHubTestSupport {
  private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private static ByteBuffer text(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(ByteBuffer received) {
    received.flip();
    return StandardCharsets.UTF_8.decode(received).toString();
  }

  @Test
  void sendAndReceive() throws IOException {
    try (DatagramSocket a = DatagramSocket.bind(ANY_LOOPBACK_PORT); DatagramSocket b = DatagramSocket.bind(ANY_LOOPBACK_PORT)) {
      a.send(text("ping"), b.localAddress());
      ByteBuffer buffer = ByteBuffer.allocate(100);
      SocketAddress sender = b.receive(buffer);
      assertEquals(a.localAddress(), sender);
      assertEquals("ping", text(buffer));
      assertTrue(a.port() > 0);
      assertTrue(a.toString().startsWith("<DatagramSocket /127.0.0.1:"), a.toString());
    }
  }

  @Test
  void aReceiveWaitsForAnotherGreenletsSend() throws IOException {
    try (DatagramSocket a = DatagramSocket.bind(ANY_LOOPBACK_PORT); DatagramSocket b = DatagramSocket.bind(ANY_LOOPBACK_PORT)) {
      ByteBuffer buffer = ByteBuffer.allocate(100);
      Greenlet<SocketAddress> receiver = Frames.calling(() -> {
        try {
          return b.receive(buffer);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).start();
      Gevent.sleep(0);
      assertFalse(receiver.isDead(), "waits for a datagram");
      Greenlet<Object> sender = Frames.calling(() -> {
        try {
          a.send(text("later"), b.localAddress());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return null;
      });
      Gevent.spawnLater(100, sender);
      assertEquals(a.localAddress(), receiver.get());
      assertEquals("later", text(buffer));
      assertEquals(100, nowMillis());
    }
  }

  @Test
  void connectedModeTalksToItsPeerOnly() throws IOException {
    try (DatagramSocket a = DatagramSocket.bind(ANY_LOOPBACK_PORT);
        DatagramSocket b = DatagramSocket.bind(ANY_LOOPBACK_PORT);
        DatagramSocket stranger = DatagramSocket.bind(ANY_LOOPBACK_PORT)) {
      a.connect(b.localAddress());
      assertEquals(b.localAddress(), a.remoteAddress());
      assertTrue(a.toString().contains(" -> "), a.toString());
      stranger.send(text("ignored"), a.localAddress()); // filtered out: a is connected to b
      b.send(text("from b"), a.localAddress());
      ByteBuffer buffer = ByteBuffer.allocate(100);
      assertEquals(b.localAddress(), a.receive(buffer));
      assertEquals("from b", text(buffer));
      a.send(text("to b"));
      buffer.clear();
      assertEquals(a.localAddress(), b.receive(buffer));
      assertEquals("to b", text(buffer));
      assertThrows(IllegalStateException.class, () -> b.send(text("x")), "b is not connected");
      assertThrows(IllegalArgumentException.class, () -> b.connect(InetSocketAddress.createUnresolved("peer.example", 9)));
    }
  }

  @Test
  void aReceiveTimesOutAndAnOversizedDatagramIsAnErrorNotACut() throws IOException {
    SocketOptions options = SocketOptions.defaults().readTimeout(40).with(StandardSocketOptions.SO_RCVBUF, 1 << 16);
    try (DatagramSocket a = DatagramSocket.bind(ANY_LOOPBACK_PORT); DatagramSocket b = DatagramSocket.bind(ANY_LOOPBACK_PORT, options)) {
      assertEquals(40, b.readTimeout());
      SocketTimeoutException timedOut = assertThrows(SocketTimeoutException.class, () -> b.receive(ByteBuffer.allocate(10)));
      assertEquals("read timed out after 40 ms", timedOut.getMessage());
      assertEquals(40, nowMillis());
      a.send(ByteBuffer.allocate(1000), b.localAddress());
      a.send(text("small"), b.localAddress());
      LimitExceededException tooBig = assertThrows(LimitExceededException.class, () -> b.receive(ByteBuffer.allocate(10)));
      assertTrue(tooBig.getMessage().startsWith("datagram of 1000 bytes from " + a.localAddress() + " does not fit the buffer's 10 bytes"), tooBig.getMessage());
      ByteBuffer buffer = ByteBuffer.allocate(10);
      b.receive(buffer);
      assertEquals("small", text(buffer), "the socket goes on with the next datagram");
    }
  }

  @Test
  void closedSocketsRefuseWork() throws IOException {
    DatagramSocket a = DatagramSocket.bind(ANY_LOOPBACK_PORT);
    a.close();
    assertFalse(a.isOpen());
    IOException e = assertThrows(IOException.class, () -> a.receive(ByteBuffer.allocate(1)));
    assertEquals("socket closed", e.getMessage());
  }
}
