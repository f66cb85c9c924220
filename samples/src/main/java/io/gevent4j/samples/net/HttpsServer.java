package io.gevent4j.samples.net;

import io.gevent4j.server.StreamServer;
import io.gevent4j.socket.Tls;
import java.io.IOException;

/**
 * The {@link HttpServer} over TLS: the same handler, a server with {@link Tls#server}. Try it with
 * {@code curl --cacert demo.pem https://127.0.0.1:8443/} (or {@code curl -k}).
 */
public final class HttpsServer {
  private HttpsServer() {}

  /** {@code HttpsServer [port]}: serves on 127.0.0.1, port 8443 by default. */
  public static void main(String[] args) throws IOException {
    StreamServer server = new StreamServer(Ports.loopback(args, 8443), HttpServerCoroutines::handle)
        .tls(Tls.server(DemoTls.context()))
        .start();
    System.out.println("https server on 127.0.0.1:" + server.port());
    server.serveForever();
  }
}
