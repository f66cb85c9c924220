package io.gevent4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.CoroutineFrame;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.event.Event;
import io.gevent4j.socket.Socket;
import io.gevent4j.testing.Frames;
import io.gevent4j.threadpool.Futures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamServer} (gevent's test__server.py) on the system clock, as the socket tests, with
 * clients on real threads over loopback; public API only (its accept loop is package-private to
 * the server, the io.gevent4j test helpers to io.gevent4j). Bounded: every client ends by itself,
 * every socket wait has a 10 s timeout, and the test waits only by joining or awaiting futures.
 */
class StreamServerTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private Hub hub;
  private final List<Thread> clients = new ArrayList<>();
  private final List<Integer> connectionsSeen = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void systemClock() {
    hub = Hub.install(Clock.system());
  }

  @AfterEach
  void clientsEndAndTheHubIsEmpty() throws InterruptedException {
    for (Thread client : clients) {
      client.join(10_000);
      assertFalse(client.isAlive(), "client ended");
    }
    settle();
    assertTrue(hub.isEmpty(), "no selector interest, timer or greenlet left: " + hub.dump());
  }

  /** Lets greenlets that were killed or woken finish: a few hub turns, no real waiting. */
  private void settle() {
    for (int i = 0; i < 10 && !hub.isEmpty(); i++) {
      Gevent.sleep(0);
    }
  }

  /**
   * {@code handle(socket)}: runs {@code onStart}, reads a line and, unless at end of stream, writes
   * it back; returns the line. Written in the generated-code style.
   */
  private static final class EchoLine extends CoroutineFrame<String> {
    private final Socket socket;
    private final Runnable onStart;
    private String line;

    EchoLine(Socket socket, Runnable onStart) {
      this.socket = socket;
      this.onStart = onStart;
    }

    @Override
    protected Object resume$() throws Throwable {
      switch (state$) {
        case 0:
          onStart.run();
          socket.setTimeout(10_000);
          prepare$();
          line = socket.readLine(100);
          if (parked$(1)) {
            return SUSPEND;
          }
          // fall through
        case 1:
          if (resumed$()) {
            line = (String) result$();
          }
          if (line == null) {
            return null;
          }
          prepare$();
          socket.write(line + "\n");
          if (parked$(2)) {
            return SUSPEND;
          }
          // fall through
        case 2:
          if (resumed$()) {
            result$();
          }
          return line;
        default:
          throw new IllegalStateException("state " + state$);
      }
    }

    @Override
    protected String name$() {
      return "echoLine";
    }

    @Override
    protected Object[] arguments$() {
      return new Object[] {socket};
    }
  }

  /** A server on a free loopback port echoing one line per connection. */
  private StreamServer echoServer(List<Greenlet<?>> handlers, Runnable onStart) {
    StreamServer[] server = new StreamServer[1];
    server[0] = new StreamServer(new InetSocketAddress(LOOPBACK, 0), socket -> {
      Greenlet<String> handler = Greenlet.of(new EchoLine(socket, () -> {
        connectionsSeen.add(server[0].connections());
        onStart.run();
      }));
      handlers.add(handler);
      return handler;
    });
    return server[0];
  }

  /**
   * A client on a real thread: sends {@code line} (unless null), reads the reply line, then reads
   * until the server closes; completes with the reply, or {@code "<eof>"}.
   */
  private CompletableFuture<String> client(int port, String line) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread client = new Thread(() -> {
      try (java.net.Socket socket = new java.net.Socket(LOOPBACK, port)) {
        socket.setSoTimeout(10_000);
        if (line != null) {
          socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
          socket.getOutputStream().flush();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String reply = in.readLine();
        while (in.read() >= 0) {
          // until the server closes the connection
        }
        result.complete(reply == null ? "<eof>" : reply);
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    client.setDaemon(true);
    clients.add(client);
    client.start();
    return result;
  }

  @Test
  void startServesEachConnectionInAHandlerAndStopEndsIt() throws IOException {
    List<Greenlet<?>> handlers = new ArrayList<>();
    StreamServer server = echoServer(handlers, () -> { });
    assertThrows(IllegalStateException.class, server::port, "not started");
    assertEquals("<StreamServer " + new InetSocketAddress(LOOPBACK, 0) + ">", server.toString());
    assertSame(server, server.backlog(8));
    assertSame(server, server.start());
    int port = server.port();
    assertTrue(port > 0);
    assertSame(server, server.start(), "a second start does nothing");
    assertEquals(port, server.port());
    assertTrue(server.toString().endsWith(" port=" + port + ">"), server.toString());
    assertEquals(0, server.connections());

    assertEquals("hello", Futures.await(client(port, "hello")));
    assertEquals(1, handlers.size());
    handlers.get(0).join();
    assertEquals("hello", handlers.get(0).get());
    assertEquals(Arrays.asList(1), connectionsSeen, "the handler counted itself");
    assertEquals(0, server.connections(), "the handler left when it ended");

    server.stop();
    server.stop(); // a second stop does nothing
    assertFalse(server.toString().contains("port="), server.toString());
  }

  @Test
  void serveForeverReturnsOnceStopped() {
    StreamServer server = echoServer(new ArrayList<>(), () -> { });
    Greenlet<String> serving = Frames.steps(() -> { }, () -> {
      try {
        server.serveForever();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    }, ignored -> "served").start();
    Gevent.sleep(0); // the greenlet binds and waits
    assertFalse(serving.isDead());
    assertEquals("echo", Futures.await(client(server.port(), "echo")));
    server.stop();
    assertEquals("served", serving.get());
  }

  @Test
  void stopAndKillKillsTheRunningHandlers() throws IOException {
    List<Greenlet<?>> handlers = new ArrayList<>();
    Event started = new Event();
    StreamServer server = echoServer(handlers, started::set).start();
    CompletableFuture<String> silent = client(server.port(), null);
    started.await();
    assertEquals(1, server.connections(), "the handler waits for a line");
    server.stopAndKill();
    assertEquals(0, server.connections());
    assertTrue(handlers.get(0).isDead());
    assertTrue(handlers.get(0).isSuccessful(), "killed");
    assertEquals("<eof>", Futures.await(silent), "the server closed the connection");
    new StreamServer(new InetSocketAddress(LOOPBACK, 0), socket -> null).stopAndKill(); // never started
  }

  @Test
  void maxConnectionsPausesAcceptingAtTheLimit() throws IOException {
    StreamServer server = echoServer(new ArrayList<>(), () -> { });
    assertThrows(IllegalArgumentException.class, () -> server.maxConnections(-1));
    assertSame(server, server.maxConnections(1));
    server.start();
    CompletableFuture<String> a = client(server.port(), "a");
    CompletableFuture<String> b = client(server.port(), "b");
    assertEquals("a", Futures.await(a));
    assertEquals("b", Futures.await(b));
    assertEquals(Arrays.asList(1, 1), connectionsSeen, "one handler at a time");
    server.stop();
  }
}
