package io.gevent4j.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.server.StreamServer;
import io.gevent4j.testing.Frames;
import io.gevent4j.threadpool.Futures;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS over SSLEngine against the JDK's own blocking TLS sockets on real threads (an independent
 * implementation), and our client against our server; then bad peers: garbage, a stalled or
 * broken-off handshake, a disconnect without close_notify, a certificate for another host. Each
 * failure stays in its own greenlet, and nothing is left behind: no greenlet, timer, selector
 * interest or socket. Bounded: every peer ends by itself, every wait has a timeout.
 */
class TlsTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private Hub hub;
  private SSLContext context;
  private final List<Thread> peers = new ArrayList<>();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private int socketsBefore;

  @BeforeEach
  void setUp() throws Exception {
    hub = Hub.install(Clock.system());
    hub.setErrorStream(new PrintStream(new ByteArrayOutputStream(), true)); // failing handlers are expected here
    context = TestTls.context();
    socketsBefore = TestTls.openSockets();
  }

  @AfterEach
  void nothingLeftBehind() throws InterruptedException {
    for (Thread peer : peers) {
      peer.join(10_000);
      assertFalse(peer.isAlive(), "peer ended");
    }
    for (int i = 0; i < 10 && !hub.isEmpty(); i++) {
      Gevent.sleep(0);
    }
    assertTrue(hub.isEmpty(), () -> "no greenlet, timer or selector interest left: " + hub.dump());
    hub.io().poll(); // a closed channel's descriptor is released when the selector next deregisters it
    // At most as many as before: a garbage collection meanwhile may close sockets that earlier
    // tests dropped unclosed (java.net.Socket has a cleaner), so fewer is no leak.
    int socketsAfter = TestTls.openSockets();
    assertTrue(socketsAfter <= socketsBefore, () -> "no socket left open: " + socketsBefore + " before, " + socketsAfter + " after");
  }

  private void peer(String name, PeerBody body) {
    Thread thread = new Thread(() -> {
      try {
        body.run();
      } catch (Exception e) {
        log.add(name + " failed: " + e);
      }
    }, name);
    thread.setDaemon(true);
    peers.add(thread);
    thread.start();
  }

  private interface PeerBody {
    void run() throws Exception;
  }

  /** A JDK TLS server on a thread that echoes one connection's lines; returns its port. */
  private int jdkEchoServer() throws IOException {
    SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10, LOOPBACK);
    listener.setSoTimeout(10_000);
    peer("jdk-server", () -> {
      try (SSLServerSocket closing = listener; SSLSocket client = (SSLSocket) closing.accept()) {
        client.setSoTimeout(10_000);
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        byte[] chunk = new byte[16384];
        for (int n; (n = in.read(chunk)) > 0; ) {
          out.write(chunk, 0, n);
          out.flush();
        }
      }
    });
    return listener.getLocalPort();
  }

  private static SocketOptions bounded() {
    return SocketOptions.defaults().connectTimeout(10_000).readTimeout(10_000).writeTimeout(10_000);
  }

  @Test
  void ourClientTalksToTheJdkServerByNameAndByAddress() throws IOException {
    int port = jdkEchoServer();
    try (Socket socket = Socket.connectTls("localhost", port, Tls.client(context), bounded())) {
      assertTrue(socket.isTls());
      assertTrue(socket.toString().endsWith(" tls>"), socket.toString());
      socket.handshake();
      socket.handshake(); // done: nothing more to do
      socket.write("hello\n");
      assertEquals("hello", socket.readLine(100));
      // full duplex: a greenlet writes 512 KiB while plain code reads the echo
      byte[] big = new byte[512 * 1024];
      Arrays.fill(big, (byte) 'z');
      Greenlet<Object> writer = Frames.calling(() -> {
        try {
          socket.write(ByteBuffer.wrap(big));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return null;
      }).start();
      assertArrayEquals(big, socket.readExactly(big.length));
      writer.get();
    }
    int second = jdkEchoServer();
    try (Socket socket = Socket.connect("127.0.0.1", second, bounded())) {
      assertFalse(socket.isTls());
      socket.handshake(); // without TLS: nothing to do
      socket.startTls(Tls.client(context)); // STARTTLS: the certificate names 127.0.0.1 too
      assertThrows(IllegalStateException.class, () -> socket.startTls(Tls.client(context)));
      socket.write("by address\n");
      assertEquals("by address", socket.readLine(100));
    }
  }

  @Test
  void ourServerTalksToTheJdkClientAndSeesItsCloseNotify() throws Exception {
    try (ServerSocket server = ServerSocket.listen(new InetSocketAddress(LOOPBACK, 0), 10, bounded())) {
      CompletableFuture<String> reply = new CompletableFuture<>();
      peer("jdk-client", () -> {
        try (SSLSocket client = (SSLSocket) context.getSocketFactory().createSocket(LOOPBACK, server.port())) {
          client.setSoTimeout(10_000);
          client.getOutputStream().write("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
          BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
          reply.complete(in.readLine() + " " + in.readLine());
        }
      });
      try (Socket accepted = server.accept()) {
        accepted.startTls(Tls.server(context));
        Greenlet<Integer> echo = Greenlet.of(new EchoLines(accepted, "line", log)).start();
        assertEquals("one two", Futures.await(reply));
        assertEquals(2, (int) echo.get(), "the client's close_notify ended the stream cleanly");
      }
    }
  }

  /** A TLS echo server on our hub: each connection an {@link EchoLines} greenlet, kept in {@code handlers}. */
  private StreamServer ourEchoServer(List<Greenlet<Integer>> handlers, Tls tls) throws IOException {
    return new StreamServer(new InetSocketAddress(LOOPBACK, 0), socket -> {
      Greenlet<Integer> handler = Greenlet.of(new EchoLines(socket, "served", log));
      handlers.add(handler);
      return handler;
    }).socketOptions(bounded()).tls(tls).start();
  }

  private Greenlet<String> ourClientSends(int port, String line) {
    return Greenlet.of(new TlsExchange("localhost", port, Tls.client(context), bounded(), line));
  }

  @Test
  void ourClientTalksToOurServer() throws IOException {
    List<Greenlet<Integer>> handlers = new ArrayList<>();
    StreamServer server = ourEchoServer(handlers, Tls.server(context));
    try {
      List<Greenlet<String>> clients = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        clients.add(Gevent.spawn(ourClientSends(server.port(), "client " + i)));
      }
      Gevent.joinAll(clients);
      for (int i = 0; i < 20; i++) {
        assertEquals("client " + i, clients.get(i).get());
      }
      Gevent.joinAll(handlers);
    } finally {
      server.stopAndKill();
    }
    assertThrows(IllegalArgumentException.class, () -> server.tls(Tls.client(context)));
  }

  @Test
  void badClientsFailInTheirOwnGreenletsAndTheServerServesOthers() throws Exception {
    List<Greenlet<Integer>> handlers = new ArrayList<>();
    StreamServer server = ourEchoServer(handlers, Tls.server(context).handshakeTimeout(200));
    int port = server.port();
    CountDownLatch stalledMayLeave = new CountDownLatch(1);
    try {
      // 1. garbage: plain text where a TLS record should be
      peer("garbage", () -> {
        try (java.net.Socket raw = new java.net.Socket(LOOPBACK, port)) {
          raw.setSoTimeout(10_000);
          raw.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          while (raw.getInputStream().read() >= 0) {
            // until the server closes
          }
        }
      });
      // 2. a handshake broken off: a record header announcing 100 bytes, then the end
      peer("broken-off", () -> {
        try (java.net.Socket raw = new java.net.Socket(LOOPBACK, port)) {
          raw.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x64, 0x01});
        }
      });
      // 3. a stalled handshake: connects and says nothing until the server gives up
      peer("stalled", () -> {
        try (java.net.Socket raw = new java.net.Socket(LOOPBACK, port)) {
          raw.setSoTimeout(10_000);
          assertEquals(-1, raw.getInputStream().read(), "closed by the server's handshake timeout");
          stalledMayLeave.countDown();
        }
      });
      // 4. a disconnect without close_notify, after a good line
      peer("truncating", () -> {
        try (java.net.Socket raw = new java.net.Socket(LOOPBACK, port)) {
          raw.setSoTimeout(10_000);
          SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, "localhost", port, false);
          tls.getOutputStream().write("before the cut\n".getBytes(StandardCharsets.UTF_8));
          new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } // the raw socket closes under the TLS socket: no close_notify
      });
      Gevent.joinAll(handlers.size() < 4 ? waitForHandlers(handlers, 4) : handlers);
      assertEquals("served", Gevent.spawn(ourClientSends(port, "served")).get(), "a good client is still served");
    } finally {
      server.stopAndKill();
    }
    List<String> failures = new ArrayList<>();
    for (Greenlet<Integer> handler : handlers) {
      failures.add(handler.exception() == null ? "ok" : handler.exception().getClass().getSimpleName() + ": " + handler.exception().getMessage());
    }
    String all = String.join("\n", failures);
    assertTrue(all.contains("SSLHandshakeException: TLS handshake with"), all);
    assertTrue(all.contains("not finished within 200 ms"), all);
    assertTrue(all.contains("SSLHandshakeException: peer closed the connection during the TLS handshake"), all);
    assertTrue(all.contains("SSLException: peer closed the connection without a TLS close_notify (the data may be truncated)"), all);
    assertTrue(failures.stream().anyMatch(f -> f.startsWith("SSLException: ") && f.toLowerCase().contains("unrecognized")), all);
    assertEquals(0, server.connections());
    assertEquals(0, stalledMayLeave.getCount());
    assertTrue(log.stream().noneMatch(entry -> entry.contains("failed")), log.toString());
  }

  @Test
  void anUntrustedCertificateIsAnAlertOnBothSides() throws Exception {
    List<Greenlet<Integer>> handlers = new ArrayList<>();
    StreamServer server = ourEchoServer(handlers, Tls.server(context));
    try {
      SSLContext trustsNothing = SSLContext.getInstance("TLS");
      trustsNothing.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
          throw new java.security.cert.CertificateException("trusts nothing");
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
          throw new java.security.cert.CertificateException("trusts nothing");
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
          return new java.security.cert.X509Certificate[0];
        }
      }}, null);
      try (Socket socket = Socket.connectTls("localhost", server.port(), Tls.client(trustsNothing), bounded())) {
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, socket::handshake);
        assertTrue(e.getMessage().contains("trusts nothing"), e.getMessage());
      }
      Gevent.joinAll(waitForHandlers(handlers, 1));
      Throwable alert = handlers.get(0).exception();
      assertInstanceOf(SSLException.class, alert);
      assertTrue(alert.getMessage().contains("alert"), alert.getMessage());
      assertEquals("still served", Gevent.spawn(ourClientSends(server.port(), "still served")).get());
    } finally {
      server.stopAndKill();
    }
  }

  @Test
  void aTls12RenegotiationByTheClientIsCarriedThrough() throws Exception {
    try (ServerSocket server = ServerSocket.listen(new InetSocketAddress(LOOPBACK, 0), 10, bounded())) {
      CompletableFuture<String> replies = new CompletableFuture<>();
      peer("renegotiating-client", () -> {
        try (SSLSocket client = (SSLSocket) context.getSocketFactory().createSocket(LOOPBACK, server.port())) {
          client.setEnabledProtocols(new String[] {"TLSv1.2"});
          client.setSoTimeout(10_000);
          BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
          client.getOutputStream().write("before\n".getBytes(StandardCharsets.UTF_8));
          String before = in.readLine();
          client.startHandshake(); // renegotiates: TLS 1.2 only
          client.getOutputStream().write("after\n".getBytes(StandardCharsets.UTF_8));
          replies.complete(before + " " + in.readLine());
        } catch (Exception e) {
          replies.completeExceptionally(e);
          throw e;
        }
      });
      try (Socket accepted = server.accept()) {
        accepted.startTls(Tls.server(context));
        Greenlet<Integer> echo = Greenlet.of(new EchoLines(accepted, "line", log)).start();
        assertEquals("before after", Futures.await(replies));
        assertEquals(2, (int) echo.get());
      }
    }
  }

  /** Waits (cooperatively, a turn at a time) until {@code count} handlers were spawned; returns them. */
  private List<Greenlet<Integer>> waitForHandlers(List<Greenlet<Integer>> handlers, int count) {
    io.gevent4j.event.Event never = new io.gevent4j.event.Event();
    while (handlers.size() < count) {
      never.await(5);
    }
    return new ArrayList<>(handlers);
  }

  @Test
  void aCertificateForAnotherHostIsRefusedUnlessVerificationIsOff() throws Exception {
    Resolver wrong = host -> CompletableFuture.completedFuture(Collections.singletonList(LOOPBACK));
    int port = jdkEchoServer();
    SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> {
      try (Socket socket = Socket.connectTls("wrong.example", port, Tls.client(context), bounded().resolver(wrong))) {
        socket.handshake();
      }
    });
    assertTrue(e.getMessage().contains("wrong.example"), e.getMessage());
    int second = jdkEchoServer();
    try (Socket socket = Socket.connectTls("wrong.example", second, Tls.client(context).withoutHostNameVerification(), bounded().resolver(wrong))) {
      socket.write("trusted anyway\n");
      assertEquals("trusted anyway", socket.readLine(100));
    }
  }

  @Test
  void aServerThatNeverAnswersTheHandshakeTimesOut() throws Exception {
    try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 10, LOOPBACK)) {
      silent.setSoTimeout(10_000);
      CountDownLatch clientDone = new CountDownLatch(1);
      peer("silent-server", () -> {
        try (java.net.Socket accepted = silent.accept()) {
          clientDone.await();
        }
      });
      Tls tls = Tls.client(context).handshakeTimeout(100);
      assertEquals(100, tls.handshakeTimeoutMillis());
      assertTrue(tls.toString().startsWith("Tls.client(TLS)"), tls.toString());
      try (Socket socket = Socket.connectTls("localhost", silent.getLocalPort(), tls, SocketOptions.defaults())) {
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, socket::handshake);
        assertTrue(e.getMessage().endsWith("not finished within 100 ms"), e.getMessage());
        assertFalse(socket.isOpen(), "closed");
        assertThrows(SSLHandshakeException.class, () -> socket.read(ByteBuffer.allocate(1)), "later operations fail alike");
        assertNull(socket.remoteAddress());
      } finally {
        clientDone.countDown();
      }
    }
    Greenlet<Object> noHost = Frames.calling(() -> {
      throw new IllegalStateException("unused");
    });
    assertInstanceOf(IllegalStateException.class, assertThrows(RuntimeException.class, () -> Gevent.spawn(noHost).get()));
    assertThrows(SSLException.class, () -> {
      throw new SSLException("placeholder keeps the import honest");
    });
  }
}
