package io.gevent4j.samples.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.server.StreamServer;
import io.gevent4j.socket.DatagramSocket;
import io.gevent4j.socket.Tls;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TLS and UDP samples, in process over loopback; openssl, curl and nc drive them in samples/scripts. */
class TlsAndUdpSamplesTest {
  private Hub hub;

  @BeforeEach
  void systemClock() {
    hub = Hub.install(Clock.system());
  }

  @AfterEach
  void hubIsEmpty() {
    Gevent.sleep(0);
    assertTrue(hub.isEmpty(), "no greenlet, timer or selector interest left");
  }

  @Test
  void theTlsEchoServerServesManyClientsAtOnce() throws IOException {
    StreamServer server = new StreamServer(Clients.loopback(0), EchoServerCoroutines::handle).tls(Tls.server(DemoTls.context())).start();
    try {
      List<Greenlet<String>> clients = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        clients.add(ClientsCoroutines.exchangeTls(server.port(), "secret " + i));
      }
      Gevent.joinAll(clients);
      for (int i = 0; i < 10; i++) {
        assertEquals("secret " + i, clients.get(i).get());
      }
    } finally {
      Clients.stop(server);
    }
  }

  @Test
  void theHttpsServerAnswersTheTlsClient() throws IOException {
    StreamServer server = new StreamServer(Clients.loopback(0), HttpServerCoroutines::handle).tls(Tls.server(DemoTls.context())).start();
    try {
      String reply = Gevent.spawn(HttpsGetCoroutines.fetch("127.0.0.1", server.port(), Tls.client(DemoTls.context()))).get();
      assertTrue(reply.startsWith("HTTP/1.1 200 OK ("), reply);
    } finally {
      Clients.stop(server);
    }
  }

  @Test
  void theUdpEchoServerEchoesDatagrams() throws IOException {
    DatagramSocket socket = DatagramSocket.bind(Clients.loopback(0));
    Greenlet<Long> serving = Gevent.spawn(UdpEchoServerCoroutines.serve(socket));
    try {
      assertEquals("ping", Gevent.spawn(ClientsCoroutines.datagram(socket.port(), "ping")).get());
      assertEquals("pong", Gevent.spawn(ClientsCoroutines.datagram(socket.port(), "pong")).get());
    } finally {
      serving.kill();
      socket.close();
    }
  }

  @Test
  void anUnknownHostIsACheckedExceptionNamingItWhileOthersRun() {
    Greenlet<Integer> fetch = Gevent.spawn(DownloaderCoroutines.fetch("nosuch.invalid", 80, "/"));
    List<String> ticks = new ArrayList<>();
    Greenlet<Object> ticker = Gevent.spawn(io.gevent4j.samples.net.TickerCoroutines.tick(ticks, 3));
    Gevent.joinAll(fetch, ticker);
    UnknownHostException e = assertInstanceOf(UnknownHostException.class, fetch.exception());
    assertTrue(e.getMessage().contains("nosuch.invalid"), e.getMessage());
    assertEquals(3, ticks.size(), "the ticker ran while the name was being resolved");
  }
}
