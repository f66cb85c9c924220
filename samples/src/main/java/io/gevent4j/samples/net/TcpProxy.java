package io.gevent4j.samples.net;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.annotations.Coroutine;
import io.gevent4j.server.StreamServer;
import io.gevent4j.socket.Socket;
import io.gevent4j.socket.SocketOptions;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A TCP proxy (the Redis proxy of issue 12): each client connection gets an upstream connection
 * and two greenlets pumping bytes, one each way; when one side ends its stream, the other side's
 * output is shut down, and the connection ends when both have. Both sides use
 * {@link SocketOptions#defaults()}, so {@code TCP_NODELAY} is on and a request split over several
 * writes is not held back by delayed ACKs. Try it in front of the Redis sample:
 * {@code TcpProxy 6390 127.0.0.1 6380}, then {@code redis-benchmark -p 6390 -t set -d 16384}.
 */
public final class TcpProxy {
  private TcpProxy() {}

  /** Serves one client: connects upstream and pumps both ways until both streams end. */
  @Coroutine
  static void handle(Socket client, String upstreamHost, int upstreamPort, SocketOptions options) throws IOException {
    Socket upstream;
    try {
      upstream = Socket.connect(upstreamHost, upstreamPort, options);
    } catch (IOException e) {
      System.err.println("upstream " + upstreamHost + ":" + upstreamPort + ": " + e.getMessage());
      return;
    }
    try {
      Greenlet<Long> back = Gevent.spawn(TcpProxyCoroutines.pump(upstream, client));
      pump(client, upstream);
      back.join();
    } finally {
      upstream.close();
    }
  }

  /** Copies {@code from} to {@code to} until {@code from} ends, then ends {@code to}'s output; returns the bytes copied. */
  @Coroutine
  static long pump(Socket from, Socket to) {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    long copied = 0;
    try {
      for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
        buffer.flip();
        to.write(buffer);
        buffer.clear();
        copied += n;
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(to); // a reset on one side ends the other
    }
    return copied;
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a broken connection
    }
  }

  /** A proxy server on {@code listenPort} for {@code upstreamHost:upstreamPort} with {@code options} on both sides. */
  static StreamServer server(int listenPort, String upstreamHost, int upstreamPort, SocketOptions options) {
    return new StreamServer(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), listenPort),
        client -> TcpProxyCoroutines.handle(client, upstreamHost, upstreamPort, options)).socketOptions(options);
  }

  /**
   * {@code TcpProxy listenPort upstreamHost upstreamPort [nodelay|delay]}: listens on 127.0.0.1;
   * {@code delay} turns {@code TCP_NODELAY} off on both sides (to see what it costs).
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: TcpProxy listenPort upstreamHost upstreamPort [nodelay|delay]");
      System.exit(2);
    }
    boolean noDelay = args.length < 4 || !args[3].equals("delay");
    SocketOptions options = SocketOptions.defaults().noDelay(noDelay);
    StreamServer server = server(Integer.parseInt(args[0]), args[1], Integer.parseInt(args[2]), options).start();
    System.out.println("tcp proxy on 127.0.0.1:" + server.port() + " -> " + args[1] + ":" + args[2] + (noDelay ? "" : " (TCP_NODELAY off)"));
    server.serveForever();
  }
}
