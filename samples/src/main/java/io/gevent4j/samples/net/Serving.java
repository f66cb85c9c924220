package io.gevent4j.samples.net;

import io.gevent4j.hubs.Hubs;
import io.gevent4j.server.StreamServer;
import java.io.IOException;
import java.util.Arrays;

/**
 * How the network servers serve: on a group of hubs, as many as the second argument says (all
 * cores by default), printing how many connections each hub served when the process is stopped
 * ({@code served per hub: [n0, n1, ...]}, which {@code samples/scripts/real-clients.sh} checks).
 */
final class Serving {
  private Serving() {}

  static void serveForever(String name, StreamServer server, String[] args) throws IOException {
    int count = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Hubs hubs = Hubs.start(count);
    server.hubs(hubs).start();
    System.out.println(name + " on 127.0.0.1:" + server.port() + ", " + count + " hubs, "
        + (server.listensOnEveryHub() ? "one SO_REUSEPORT listener each" : "one acceptor"));
    Runtime.getRuntime().addShutdownHook(new Thread(() ->
        System.out.println("served per hub: " + Arrays.toString(server.servedPerHub()))));
    server.serveForever();
  }
}
