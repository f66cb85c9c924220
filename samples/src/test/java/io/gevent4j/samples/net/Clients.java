package io.gevent4j.samples.net;

import io.gevent4j.annotations.Coroutine;
import io.gevent4j.socket.Socket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Cooperative test clients: each runs as a greenlet beside the server, on the same hub. */
final class Clients {
  private Clients() {}

  /** Stops {@code server}, kills its handlers and lets the hub run their last callbacks. */
  static void stop(io.gevent4j.server.StreamServer server) {
    server.stopAndKill();
    io.gevent4j.Gevent.sleep(0);
  }

  static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** Connects with TLS (checking the demo certificate for localhost), sends {@code line}, returns the line answered, and closes. */
  @Coroutine
  static String exchangeTls(int port, String line) throws IOException {
    io.gevent4j.socket.SocketOptions options = io.gevent4j.socket.SocketOptions.defaults().connectTimeout(10_000).readTimeout(10_000);
    Socket socket = Socket.connectTls("localhost", port, io.gevent4j.socket.Tls.client(DemoTls.context()), options);
    try {
      socket.write(line + "\n");
      return socket.readLine(1 << 20);
    } finally {
      socket.close();
    }
  }

  /** Sends {@code text} as one datagram to {@code port} and returns the answer (within 10 s). */
  @Coroutine
  static String datagram(int port, String text) throws IOException {
    io.gevent4j.socket.DatagramSocket socket = io.gevent4j.socket.DatagramSocket.bind(loopback(0),
        io.gevent4j.socket.SocketOptions.defaults().readTimeout(10_000));
    try {
      socket.send(java.nio.ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), loopback(port));
      java.nio.ByteBuffer answer = java.nio.ByteBuffer.allocate(UdpEchoServer.MAX_DATAGRAM);
      socket.receive(answer);
      return new String(answer.array(), 0, answer.position(), java.nio.charset.StandardCharsets.UTF_8);
    } finally {
      socket.close();
    }
  }

  /** Connects, sends {@code request} as it is, returns the first {@code lines} lines answered joined by {@code \n}, and closes. */
  @Coroutine
  static String exchangeRaw(int port, String request, int lines) throws IOException {
    Socket socket = Socket.connect(loopback(port), 10_000);
    try {
      socket.setTimeout(10_000);
      socket.write(request);
      StringBuilder answer = new StringBuilder();
      for (int i = 0; i < lines; i++) {
        answer.append(i == 0 ? "" : "\n").append(socket.readLine(1 << 20));
      }
      return answer.toString();
    } finally {
      socket.close();
    }
  }

  /** Connects, sends {@code line}, returns the line answered, and closes. */
  @Coroutine
  static String exchange(int port, String line) throws IOException {
    Socket socket = Socket.connect(loopback(port), 10_000);
    try {
      socket.setTimeout(10_000);
      socket.write(line + "\n");
      return socket.readLine(1 << 20);
    } finally {
      socket.close();
    }
  }
}
