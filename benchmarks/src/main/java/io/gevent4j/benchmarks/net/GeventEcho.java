package io.gevent4j.benchmarks.net;

import io.gevent4j.annotations.Coroutine;
import io.gevent4j.server.StreamServer;
import io.gevent4j.socket.Socket;
import io.gevent4j.socket.Tls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** A byte echo server on one hub: {@code GeventEcho port [keystore.p12]} (TLS with a keystore). */
public final class GeventEcho {
  private GeventEcho() {}

  @Coroutine
  static void handle(Socket socket) {
    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    try {
      while (socket.read(buffer) >= 0) {
        buffer.flip();
        socket.write(buffer);
        buffer.clear();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  public static void main(String[] args) throws Exception {
    StreamServer server = new StreamServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), GeventEchoCoroutines::handle);
    if (args.length > 1) {
      server.tls(Tls.server(BenchTls.context(args[1])));
    }
    server.start();
    System.out.println("gevent4j echo on " + server.port() + (args.length > 1 ? " (TLS)" : ""));
    server.serveForever();
  }
}
