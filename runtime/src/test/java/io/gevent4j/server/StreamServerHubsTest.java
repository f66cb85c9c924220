package io.gevent4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.CoroutineFrame;
import io.gevent4j.Greenlet;
import io.gevent4j.hubs.Hubs;
import io.gevent4j.socket.Socket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamServer} over a group of hubs: both ways of spreading connections, per-hub limits,
 * stopping every hub. Clients are blocking sockets of the test thread over loopback, each read
 * bounded by a 10 s timeout; the test waits only by reading replies.
 */
class StreamServerHubsTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int CLIENTS = 40;

  /** Reads a line and answers it with the name of the thread (the hub) that served it. */
  private static Greenlet<?> nameTheHub(Socket socket) {
    return Greenlet.of(new NameTheHub(socket));
  }

  /** {@code nameTheHub(socket)}, written in the generated-code style. */
  private static final class NameTheHub extends CoroutineFrame<Void> {
    private final Socket socket;

    NameTheHub(Socket socket) {
      this.socket = socket;
    }

    @Override
    protected Object resume$() throws Throwable {
      switch (state$) {
        case 0:
          socket.setTimeout(10_000);
          prepare$();
          String line = socket.readLine(100);
          if (parked$(1)) {
            return SUSPEND;
          }
          return answer(line);
        case 1:
          return resumed$() ? answer((String) result$()) : null;
        case 2:
          if (resumed$()) {
            result$();
          }
          return null;
        default:
          throw new IllegalStateException("state " + state$);
      }
    }

    private Object answer(String line) throws IOException {
      if (line == null) {
        return null;
      }
      prepare$();
      socket.write(line + " " + Thread.currentThread().getName() + "\n");
      return parked$(2) ? SUSPEND : null;
    }

    @Override
    protected String name$() {
      return "nameTheHub";
    }

    @Override
    protected Object[] arguments$() {
      return new Object[] {socket};
    }
  }

  /** One request per connection, one after another: the hub names, counted. */
  private static Map<String, Integer> askInTurn(int port) throws IOException {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < CLIENTS; i++) {
      try (java.net.Socket client = connect(port)) {
        seen.merge(ask(client, "hi"), 1, Integer::sum);
      }
    }
    return seen;
  }

  private static java.net.Socket connect(int port) throws IOException {
    java.net.Socket client = new java.net.Socket(LOOPBACK, port);
    client.setSoTimeout(10_000);
    return client;
  }

  private static String ask(java.net.Socket client, String line) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    String reply = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertTrue(reply.startsWith(line + " gevent4j-hub-"), reply);
    return reply.substring(line.length() + 1);
  }

  @Test
  void everyHubListensWithReusePortWhereSupported() throws Exception {
    try (Hubs hubs = Hubs.start(2)) {
      StreamServer server = new StreamServer(new InetSocketAddress(LOOPBACK, 0), StreamServerHubsTest::nameTheHub).hubs(hubs).start();
      assertEquals(HubsServer.reusePort() != null, server.listensOnEveryHub());
      Map<String, Integer> seen = askInTurn(server.port());
      long[] served = server.servedPerHub();
      assertEquals(CLIENTS, served[0] + served[1]);
      if (server.listensOnEveryHub()) {
        assertEquals(2, seen.size(), "the kernel spread " + CLIENTS + " connections over both hubs: " + seen);
      }
      server.stop();
    }
  }

  @Test
  void oneAcceptorHandsConnectionsToTheHubsRoundRobin() throws Exception {
    try (Hubs hubs = Hubs.start(2)) {
      StreamServer server = new StreamServer(new InetSocketAddress(LOOPBACK, 0), StreamServerHubsTest::nameTheHub).hubs(hubs).oneAcceptor().start();
      assertEquals(false, server.listensOnEveryHub());
      Map<String, Integer> seen = askInTurn(server.port());
      assertEquals(CLIENTS / 2, (int) seen.get("gevent4j-hub-0"), seen.toString());
      assertEquals(CLIENTS / 2, (int) seen.get("gevent4j-hub-1"), seen.toString());
      assertEquals(CLIENTS / 2, server.servedPerHub()[1]);
      server.stop();
    }
  }

  @Test
  void eachHubHasItsOwnLimitAndConnectionsOverItWaitForASlot() throws Exception {
    try (Hubs hubs = Hubs.start(2)) {
      StreamServer server = new StreamServer(new InetSocketAddress(LOOPBACK, 0), StreamServerHubsTest::nameTheHub)
          .hubs(hubs).oneAcceptor().maxConnections(1).start();
      List<java.net.Socket> clients = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        clients.add(connect(server.port()));
      }
      for (int i = 0; i < 4; i++) { // clients 2 and 3 wait on hubs 0 and 1 until 0 and 1 are done
        try (java.net.Socket client = clients.get(i)) {
          ask(client, "c" + i);
        }
      }
      assertEquals(4, server.servedPerHub()[0] + server.servedPerHub()[1]);
      server.stop();
    }
  }

  @Test
  void stopAndKillEndsTheHandlersOfEveryHub() throws Exception {
    try (Hubs hubs = Hubs.start(2)) {
      StreamServer server = new StreamServer(new InetSocketAddress(LOOPBACK, 0), StreamServerHubsTest::nameTheHub).hubs(hubs).oneAcceptor().start();
      List<java.net.Socket> idle = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        idle.add(connect(server.port()));
      }
      try (java.net.Socket probe = connect(server.port())) {
        ask(probe, "after four"); // the four idle ones were accepted and handed over before it
      }
      server.stopAndKill();
      assertEquals(0, server.connections());
      for (java.net.Socket client : idle) {
        assertEquals(-1, client.getInputStream().read(), "closed by the server");
        client.close();
      }
    }
  }
}
