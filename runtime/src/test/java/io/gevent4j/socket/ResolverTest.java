package io.gevent4j.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.testing.Frames;
import io.gevent4j.threadpool.ThreadPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Name resolution: off the hub, pluggable, unknown hosts named in a checked exception, each
 * address tried in turn, timeouts and kills leaving nothing behind.
 */
class ResolverTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private Hub hub;
  private final ThreadPool pool = new ThreadPool(2, "resolver-test");

  @BeforeEach
  void systemClock() {
    hub = Hub.install(Clock.system());
  }

  @AfterEach
  void hubIsEmpty() {
    pool.close();
    assertTrue(hub.isEmpty(), () -> "no waiter, timer or selector interest left: " + hub + " io=" + hub.io().hasInterest() + " keys=" + hub.io().registrations());
  }

  private static Resolver table(String host, String... addresses) {
    return name -> {
      CompletableFuture<List<InetAddress>> result = new CompletableFuture<>();
      try {
        if (!name.equals(host)) {
          throw new UnknownHostException("not in the table");
        }
        InetAddress[] found = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
          found[i] = InetAddress.getByName(addresses[i]);
        }
        result.complete(Arrays.asList(found));
      } catch (UnknownHostException e) {
        result.completeExceptionally(e);
      }
      return result;
    };
  }

  private static Greenlet<Socket> connecting(String host, int port, SocketOptions options) {
    return Frames.calling(() -> {
      try {
        return Socket.connect(host, port, options);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void resolvingDoesNotBlockTheHubAndAnUnknownHostIsNamed() {
    CountDownLatch otherGreenletRan = new CountDownLatch(1);
    Resolver slow = host -> pool.submit(() -> {
      otherGreenletRan.await(10, TimeUnit.SECONDS); // resolves only once the hub has run another greenlet
      throw new UnknownHostException("no such host");
    });
    Greenlet<Socket> connect = connecting("nosuch.example", 80, SocketOptions.defaults().resolver(slow)).start();
    Greenlet<String> other = Frames.steps(otherGreenletRan::countDown, () -> null, ignored -> "ran").start();
    Gevent.joinAll(connect, other);
    assertEquals("ran", other.get());
    UnknownHostException e = assertInstanceOf(UnknownHostException.class, connect.exception());
    assertTrue(e.getMessage().startsWith("nosuch.example: "), e.getMessage());
    assertEquals(0, otherGreenletRan.getCount());
  }

  @Test
  void theJdkResolverOnTheThreadPoolNamesTheHost() throws Exception {
    Resolver resolver = Resolver.threadPool(pool);
    assertTrue(resolver.lookup("localhost").contains(InetAddress.getByName("localhost")));
    UnknownHostException e = assertThrows(UnknownHostException.class, () -> Socket.connect("nosuch.invalid", 80,
        SocketOptions.defaults().resolver(resolver)));
    assertTrue(e.getMessage().contains("nosuch.invalid"), e.getMessage());
    assertThrows(UnknownHostException.class, () -> Resolver.blocking().lookup("nosuch.invalid"));
    assertTrue(Resolver.getDefault().toString().startsWith("Resolver.threadPool("), Resolver.getDefault().toString());
  }

  @Test
  void eachAddressIsTriedInTurn() throws IOException {
    try (ServerSocket server = ServerSocket.listen(new InetSocketAddress(LOOPBACK, 0), 10)) {
      // nothing listens on 127.0.0.2 (the listener is bound to 127.0.0.1 only): refused, then the next
      SocketOptions options = SocketOptions.defaults().resolver(table("db.example", "127.0.0.2", "127.0.0.1")).connectTimeout(10_000);
      try (Socket socket = Socket.connect("db.example", server.port(), options); Socket accepted = server.accept()) {
        assertEquals(new InetSocketAddress("127.0.0.1", server.port()), socket.remoteAddress());
        assertEquals(0, socket.readTimeout(), "connect timeout only for connecting");
      }
      SocketOptions none = SocketOptions.defaults().resolver(table("db.example", "127.0.0.2", "127.0.0.3"));
      ConnectException e = assertThrows(ConnectException.class, () -> Socket.connect("db.example", server.port(), none));
      assertTrue(e.getMessage().startsWith("connect to db.example/127.0.0.3:" + server.port() + " failed: "), e.getMessage());
      assertEquals(1, e.getSuppressed().length, "the first address's failure");
      assertTrue(e.getSuppressed()[0].getMessage().contains("127.0.0.2"), e.getSuppressed()[0].getMessage());
      try (Socket unresolved = Socket.connect(InetSocketAddress.createUnresolved("db.example", server.port()),
          SocketOptions.defaults().resolver(table("db.example", "127.0.0.1"))); Socket accepted = server.accept()) {
        assertTrue(unresolved.isOpen(), "an unresolved address is resolved, not an UnresolvedAddressException");
      }
    }
  }

  @Test
  void aResolverThatNeverAnswersTimesOutOrIsKilledCleanly() {
    Resolver never = host -> new CompletableFuture<>();
    SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
        () -> Socket.connect("stuck.example", 80, SocketOptions.defaults().resolver(never).connectTimeout(30)));
    assertEquals("resolving stuck.example timed out after 30 ms", e.getMessage());
    Greenlet<Socket> killed = connecting("stuck.example", 80, SocketOptions.defaults().resolver(never)).start();
    Gevent.sleep(0);
    assertTrue(!killed.isDead(), "waits for the resolver");
    killed.kill();
    assertTrue(killed.isSuccessful(), "killed");
  }

  @Test
  void aResolverThatAnswersNothingOrThrowsIsAnUnknownHost() {
    Resolver empty = host -> CompletableFuture.completedFuture(java.util.Collections.<InetAddress>emptyList());
    UnknownHostException e = assertThrows(UnknownHostException.class, () -> empty.lookup("empty.example"));
    assertEquals("empty.example: no addresses", e.getMessage());
    Resolver broken = host -> {
      CompletableFuture<List<InetAddress>> failed = new CompletableFuture<>();
      failed.completeExceptionally(new IllegalStateException("resolver bug"));
      return failed;
    };
    UnknownHostException named = assertThrows(UnknownHostException.class, () -> Socket.connect("broken.example", 80,
        SocketOptions.defaults().resolver(broken)));
    assertEquals("broken.example: java.lang.IllegalStateException: resolver bug", named.getMessage());
  }
}
