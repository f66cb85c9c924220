package io.gevent4j.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.testing.VirtualHubTestSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Read and write timeouts, each on its own, on a virtual clock: the connection is set up without
 * timers (so that no deadline races the loopback), then each wait times out at its own virtual
 * deadline.
 */
class SocketTimeoutsTest extends VirtualHubTestSupport {
  @Test
  void readAndWriteTimeoutsAreSeparate() throws IOException {
    try (ServerSocket server = ServerSocket.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        Socket client = Socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 0);
        Socket accepted = server.accept()) {
      client.setReadTimeout(50);
      client.setWriteTimeout(70);
      SocketTimeoutException read = assertThrows(SocketTimeoutException.class, () -> client.read(ByteBuffer.allocate(4)));
      assertEquals("read timed out after 50 ms", read.getMessage());
      assertEquals(50, nowMillis());
      ByteBuffer huge = ByteBuffer.allocate(64 << 20); // more than the kernel buffers: the peer never reads
      SocketTimeoutException write = assertThrows(SocketTimeoutException.class, () -> client.write(huge));
      assertEquals("write timed out after 70 ms", write.getMessage());
      assertEquals(120, nowMillis());
      assertTrue(huge.position() > 0, "some was written before the wait");
      accepted.setReadTimeout(10);
      assertEquals(4, accepted.read(ByteBuffer.allocate(4)), "the connection still works");
    }
  }

  @Test
  void anAcceptWaitsAtMostTheReadTimeout() throws IOException {
    try (ServerSocket server = ServerSocket.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10)) {
      server.setReadTimeout(30);
      SocketTimeoutException e = assertThrows(SocketTimeoutException.class, server::accept);
      assertEquals("read timed out after 30 ms", e.getMessage());
    }
  }
}
