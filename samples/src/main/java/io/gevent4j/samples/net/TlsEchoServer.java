package io.gevent4j.samples.net;

import io.gevent4j.server.StreamServer;
import io.gevent4j.socket.SocketOptions;
import io.gevent4j.socket.Tls;
import java.io.IOException;

/**
 * The {@link EchoServer} over TLS: the same handler, a server with {@link Tls#server}. Try it with
 * {@code openssl s_client -connect 127.0.0.1:7443 -quiet} (add {@code -CAfile} with the demo
 * certificate to check it). A client that sends garbage, stalls in the handshake (10 s) or goes
 * away without close_notify ends only its own greenlet.
 */
public final class TlsEchoServer {
  private TlsEchoServer() {}

  /** {@code TlsEchoServer [port]}: serves on 127.0.0.1, port 7443 by default. */
  public static void main(String[] args) throws IOException {
    StreamServer server = new StreamServer(Ports.loopback(args, 7443), EchoServerCoroutines::handle)
        .tls(Tls.server(DemoTls.context()))
        .socketOptions(SocketOptions.defaults().readTimeout(60_000))
        .start();
    System.out.println("tls echo server on 127.0.0.1:" + server.port());
    server.serveForever();
  }
}
