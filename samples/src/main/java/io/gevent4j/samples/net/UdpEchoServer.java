package io.gevent4j.samples.net;

import io.gevent4j.annotations.Coroutine;
import io.gevent4j.socket.DatagramSocket;
import io.gevent4j.socket.LimitExceededException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * A UDP echo server: sends every datagram back to its sender. Try it with
 * {@code nc -u 127.0.0.1 7001}. A datagram larger than {@link #MAX_DATAGRAM} bytes is dropped with
 * a line on stderr; the server goes on.
 */
public final class UdpEchoServer {
  /** The largest datagram echoed. */
  static final int MAX_DATAGRAM = 8192;

  private UdpEchoServer() {}

  /** Echoes datagrams until the socket closes; returns how many it echoed. */
  @Coroutine
  static long serve(DatagramSocket socket) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    long echoed = 0;
    while (socket.isOpen()) {
      buffer.clear();
      SocketAddress sender;
      try {
        sender = socket.receive(buffer);
      } catch (LimitExceededException e) {
        System.err.println("dropped: " + e.getMessage());
        continue;
      }
      buffer.flip();
      socket.send(buffer, sender);
      echoed++;
    }
    return echoed;
  }

  /** {@code UdpEchoServer [port]}: serves on 127.0.0.1, port 7001 by default. */
  public static void main(String[] args) throws IOException {
    DatagramSocket socket = DatagramSocket.bind(Ports.loopback(args, 7001));
    System.out.println("udp echo server on 127.0.0.1:" + socket.port());
    UdpEchoServerCoroutines.serve(socket).start().get();
  }
}
