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
