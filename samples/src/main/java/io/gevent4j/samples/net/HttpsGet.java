package io.gevent4j.samples.net;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import io.gevent4j.socket.Socket;
import io.gevent4j.socket.SocketOptions;
import io.gevent4j.socket.Tls;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A TLS client: fetches {@code /} over HTTPS (HTTP/1.0, read until the server closes) and prints
 * the status line and the size of the response. It trusts the demo certificate only and checks
 * that it names the host, so it works against the sample servers and against
 * {@code openssl s_server -www} with the demo certificate.
 */
public final class HttpsGet {
  private HttpsGet() {}

  /** Fetches {@code https://host:port/}; returns the status line and the response's byte count. */
  @Coroutine
  static String fetch(String host, int port, Tls tls) throws IOException {
    SocketOptions options = SocketOptions.defaults().connectTimeout(10_000).readTimeout(10_000).writeTimeout(10_000);
    Socket socket = Socket.connectTls(host, port, tls, options);
    try {
      socket.write("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n");
      String status = socket.readLine(HttpServer.MAX_LINE);
      long bytes = status == null ? 0 : status.length() + 2;
      ByteBuffer chunk = ByteBuffer.allocate(16384);
      for (int n = socket.read(chunk); n >= 0; n = socket.read(chunk)) {
        bytes += n;
        chunk.clear();
      }
      return status + " (" + bytes + " bytes)";
    } finally {
      socket.close();
    }
  }

  /** {@code HttpsGet [host] [port]}: fetches https://127.0.0.1:8443/ by default. */
  public static void main(String[] args) throws IOException {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 8443;
    System.out.println(Gevent.spawn(HttpsGetCoroutines.fetch(host, port, Tls.client(DemoTls.context()))).get());
  }
}
