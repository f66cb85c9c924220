package io.gevent4j.benchmarks.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The peer of the gevent4j {@code TcpProxy} sample: a plain thread-per-connection proxy on
 * blocking {@code java.net} sockets, two threads per client (one per direction).
 * {@code ThreadProxy listenPort upstreamHost upstreamPort [nodelay|delay]}; {@code TCP_NODELAY}
 * on both sides unless {@code delay}.
 */
public final class ThreadProxy {
  private ThreadProxy() {}

  public static void main(String[] args) throws IOException {
    int listenPort = Integer.parseInt(args[0]);
    String upstreamHost = args[1];
    int upstreamPort = Integer.parseInt(args[2]);
    boolean noDelay = args.length < 4 || !args[3].equals("delay");
    try (ServerSocket listener = new ServerSocket(listenPort, 1024, InetAddress.getLoopbackAddress())) {
      System.out.println("thread proxy on 127.0.0.1:" + listener.getLocalPort() + " -> " + upstreamHost + ":" + upstreamPort);
      while (true) {
        Socket client = listener.accept();
        Socket upstream;
        try {
          upstream = new Socket(upstreamHost, upstreamPort);
        } catch (IOException e) {
          client.close();
          continue;
        }
        client.setTcpNoDelay(noDelay);
        upstream.setTcpNoDelay(noDelay);
        pump(client, upstream);
        pump(upstream, client);
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = from.getInputStream()) {
        OutputStream out = to.getOutputStream();
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
        }
        to.shutdownOutput();
      } catch (IOException e) {
        try {
          to.close();
        } catch (IOException ignored) {
          // closing a broken connection
        }
      }
    });
    thread.setDaemon(true);
    thread.start();
  }
}
