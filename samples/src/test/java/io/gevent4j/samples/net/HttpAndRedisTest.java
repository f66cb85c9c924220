package io.gevent4j.samples.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.hubs.Hubs;
import io.gevent4j.server.StreamServer;
import io.gevent4j.socket.Socket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP and Redis samples, in process over loopback; the real clients run in samples/scripts. */
class HttpAndRedisTest {
  @BeforeEach
  void systemClock() {
    Hub.install(Clock.system());
  }

  @Test
  void redisOverTwoHubsCountsEveryIncrementAndBothHubsServe() throws IOException {
    try (Hubs hubs = Hubs.start(2)) {
      StreamServer server = new StreamServer(Clients.loopback(0), RedisServerCoroutines::handle).hubs(hubs).start();
      List<Greenlet<?>> clients = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        clients.add(Gevent.spawn(ClientsCoroutines.exchange(server.port(), "INCR two-hub-hits")));
      }
      Gevent.joinAll(clients);
      assertEquals(":101", ClientsCoroutines.exchange(server.port(), "INCR two-hub-hits").start().get());
      long[] served = server.servedPerHub();
      assertEquals(101, served[0] + served[1]);
      assertTrue(served[0] > 0 && served[1] > 0, Arrays.toString(served));
      server.stop();
    }
  }

  @Test
  void theDownloaderFetchesManyPagesAtOnce() throws IOException {
    StreamServer server = new StreamServer(Clients.loopback(0), HttpServerCoroutines::handle).start();
    try {
      assertEquals(55_000, Downloader.downloadAll("127.0.0.1", server.port(), 10));
    } finally {
      Clients.stop(server);
    }
  }

  @Test
  void anOversizedHeaderGets431() throws IOException {
    StreamServer server = new StreamServer(Clients.loopback(0), HttpServerCoroutines::handle).start();
    try (Socket socket = Socket.connect(Clients.loopback(server.port()), 10_000)) {
      socket.setTimeout(10_000);
      char[] huge = new char[HttpServer.MAX_LINE * 2];
      Arrays.fill(huge, 'a');
      socket.write("GET / HTTP/1.1\r\nX-Big: " + new String(huge) + "\r\n\r\n");
      assertEquals("HTTP/1.1 431 Request Header Fields Too Large", socket.readLine(200));
    } finally {
      Clients.stop(server);
    }
  }

  @Test
  void redisCommands() {
    RedisServer.STORE.clear();
    assertEquals("+PONG\r\n", run("PING"));
    assertEquals("+OK\r\n", run("SET", "k", "v"));
    assertEquals("$1\r\nv\r\n", run("GET", "k"));
    assertEquals("$-1\r\n", run("GET", "missing"));
    assertEquals(":1\r\n", run("INCR", "n"));
    assertEquals(":2\r\n", run("INCR", "n"));
    assertEquals(":2\r\n", run("EXISTS", "k", "n", "x"));
    assertEquals(":1\r\n", run("DEL", "k"));
    assertEquals("$2\r\nhi\r\n", run("ECHO", "hi"));
    assertTrue(run("INCR").startsWith("-ERR wrong number of arguments"));
    assertTrue(run("NOPE").startsWith("-ERR unknown command"));
  }

  @Test
  void redisOverTheWire() throws IOException {
    StreamServer server = new StreamServer(Clients.loopback(0), RedisServerCoroutines::handle).start();
    try (Socket socket = Socket.connect(Clients.loopback(server.port()), 10_000)) {
      socket.setTimeout(10_000);
      socket.write("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n*2\r\n$3\r\nGET\r\n$3\r\nkey\r\nPING\r\n");
      assertEquals("+OK", socket.readLine(100));
      assertEquals("$5", socket.readLine(100));
      assertEquals("value", socket.readLine(100));
      assertEquals("+PONG", socket.readLine(100));
    } finally {
      Clients.stop(server);
    }
  }

  private static String run(String... words) {
    List<byte[]> command = new ArrayList<>();
    for (String word : words) {
      command.add(word.getBytes(StandardCharsets.UTF_8));
    }
    return RedisServer.execute(command);
  }
}
