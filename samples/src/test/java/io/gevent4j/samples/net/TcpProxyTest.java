package io.gevent4j.samples.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.server.StreamServer;
import io.gevent4j.socket.SocketOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TCP proxy in front of the echo and Redis samples, all on one hub over loopback. */
class TcpProxyTest {
  private Hub hub;
  private final List<StreamServer> servers = new ArrayList<>();

  @BeforeEach
  void systemClock() {
    hub = Hub.install(Clock.system());
  }

  @AfterEach
  void stopAll() {
    for (StreamServer server : servers) {
      Clients.stop(server);
    }
    Gevent.sleep(0);
    assertTrue(hub.isEmpty(), "no greenlet, timer or selector interest left");
  }

  private StreamServer started(StreamServer server) throws IOException {
    servers.add(server);
    return server.start();
  }

  @Test
  void manyClientsThroughTheProxy() throws IOException {
    StreamServer echo = started(new StreamServer(Clients.loopback(0), EchoServerCoroutines::handle));
    StreamServer proxy = started(TcpProxy.server(0, "127.0.0.1", echo.port(), SocketOptions.defaults()));
    List<Greenlet<String>> clients = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      clients.add(ClientsCoroutines.exchange(proxy.port(), "via proxy " + i));
    }
    Gevent.joinAll(clients);
    for (int i = 0; i < 100; i++) {
      assertEquals("via proxy " + i, clients.get(i).get());
    }
  }

  @Test
  void largeRedisValuesThroughTheProxy() throws IOException {
    RedisServer.STORE.clear();
    StreamServer redis = started(new StreamServer(Clients.loopback(0), RedisServerCoroutines::handle));
    StreamServer proxy = started(TcpProxy.server(0, "localhost", redis.port(), SocketOptions.defaults()));
    char[] value = new char[16384];
    java.util.Arrays.fill(value, 'v');
    String big = new String(value);
    String set = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$16384\r\n" + big + "\r\n";
    assertEquals("+OK", Gevent.spawn(ClientsCoroutines.exchangeRaw(proxy.port(), set, 1)).get());
    assertEquals("$16384\n" + big, Gevent.spawn(ClientsCoroutines.exchangeRaw(proxy.port(), "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n", 2)).get());
  }

  @Test
  void anUnreachableUpstreamEndsTheClientConnection() throws IOException {
    StreamServer proxy = started(TcpProxy.server(0, "nosuch.invalid", 80, SocketOptions.defaults()));
    assertEquals(null, Gevent.spawn(ClientsCoroutines.exchange(proxy.port(), "anyone?")).get(), "closed without an answer");
  }
}
