package io.gevent4j.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Hub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cooperative sockets from plain code (which runs the hub while it waits), against a peer on a
 * real thread over loopback. Bounded: every peer ends by itself, every wait has a timeout.
 */
class SocketTest {
  private Hub hub;
  private java.net.ServerSocket peerListener;
  private Thread peer;

  @BeforeEach
  void systemClock() throws IOException {
    hub = Hub.install(Clock.system());
    peerListener = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    peerListener.setSoTimeout(10_000);
  }

  @AfterEach
  void closeAndCheckHub() throws Exception {
    peerListener.close();
    if (peer != null) {
      peer.join(10_000);
    }
    assertTrue(hub.isEmpty(), "no selector interest or timer left");
  }

  /** A peer that echoes lines until end of stream. */
  private void startEchoPeer() {
    peer = new Thread(() -> {
      try (java.net.Socket client = peerListener.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        for (String line; (line = in.readLine()) != null; ) {
          out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      } catch (IOException ignored) {
        // the test fails on its side
      }
    });
    peer.start();
  }

  private Socket connect() throws IOException {
    Socket socket = Socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), peerListener.getLocalPort()), 10_000);
    socket.setTimeout(10_000);
    return socket;
  }

  @Test
  void writeAndReadLines() throws IOException {
    startEchoPeer();
    try (Socket socket = connect()) {
      socket.write("hello\r\nworld\n");
      assertEquals("hello", socket.readLine(100));
      assertEquals("world", socket.readLine(100));
      socket.shutdownOutput();
      assertNull(socket.readLine(100), "end of stream");
    }
  }

  @Test
  void readExactlyAndPlainReads() throws IOException {
    startEchoPeer();
    try (Socket socket = connect()) {
      socket.write("abcdef\n");
      assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), socket.readExactly(3));
      ByteBuffer rest = ByteBuffer.allocate(16);
      while (rest.position() < 4) {
        socket.read(rest);
      }
      assertEquals("def\n", new String(rest.array(), 0, rest.position(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aLineLongerThanTheLimitIsAnError() throws IOException {
    startEchoPeer();
    try (Socket socket = connect()) {
      socket.write("0123456789012345678901234567890123456789\n");
      IOException thrown = assertThrows(IOException.class, () -> socket.readLine(10));
      assertTrue(thrown.getMessage().contains("longer than 10 bytes"), thrown.getMessage());
    }
  }

  @Test
  void readTimesOut() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    peer = new Thread(() -> {
      try (java.net.Socket client = peerListener.accept()) {
        done.await();
      } catch (IOException | InterruptedException ignored) {
        // ends with the test
      }
    });
    peer.start();
    try (Socket socket = connect()) {
      socket.setTimeout(50);
      assertThrows(SocketTimeoutException.class, () -> socket.read(ByteBuffer.allocate(4)));
    } finally {
      done.countDown();
    }
  }

  @Test
  void acceptFromPlainCode() throws Exception {
    try (ServerSocket server = ServerSocket.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10)) {
      server.setTimeout(10_000);
      peer = new Thread(() -> {
        try (java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port())) {
          client.getOutputStream().write("ping\n".getBytes(StandardCharsets.UTF_8));
          client.getInputStream().read();
        } catch (IOException ignored) {
          // the test fails on its side
        }
      });
      peer.start();
      try (Socket accepted = server.accept()) {
        accepted.setTimeout(10_000);
        assertEquals("ping", accepted.readLine(10));
        accepted.write("!");
      }
    }
  }

  // ---------------------------------------------------------------- connect(host, port), write(ByteBuffer), remoteAddress, isOpen, toString

  @Test
  void connectByHostAndPortAndWriteAByteBuffer() throws IOException {
    startEchoPeer();
    InetSocketAddress peerAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), peerListener.getLocalPort());
    Socket socket = Socket.connect(InetAddress.getLoopbackAddress().getHostAddress(), peerListener.getLocalPort());
    try {
      socket.setTimeout(10_000);
      assertTrue(socket.isOpen());
      assertEquals(peerAddress, socket.remoteAddress());
      assertEquals("<Socket " + socket.remoteAddress() + ">", socket.toString());
      ByteBuffer source = ByteBuffer.wrap("buffer\n".getBytes(StandardCharsets.UTF_8));
      socket.write(source);
      assertFalse(source.hasRemaining(), "the whole buffer was written");
      assertEquals("buffer", socket.readLine(100));
    } finally {
      socket.close();
    }
    assertFalse(socket.isOpen());
    assertNull(socket.remoteAddress(), "closed");
    assertEquals("<Socket null>", socket.toString());
    socket.close(); // a second close does nothing
  }

  @Test
  void aListeningSocketIsOpenUntilClosed() throws IOException {
    ServerSocket server = ServerSocket.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
    assertTrue(server.isOpen());
    assertTrue(server.port() > 0);
    server.close();
    assertFalse(server.isOpen());
    server.close();
  }
}
