package io.gevent4j.server;

import io.gevent4j.Greenlet;
import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import io.gevent4j.hubs.Hubs;
import io.gevent4j.socket.ServerSocket;
import io.gevent4j.socket.Socket;
import io.gevent4j.socket.SocketOptions;
import io.gevent4j.socket.Tls;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hub thread only. A TCP server that runs one handler greenlet per connection (gevent's
 * {@code StreamServer}). The handler is a greenlet factory, typically a generated one:
 * {@code new StreamServer(address, EchoCoroutines::handle)} for
 * {@code @Coroutine static void handle(Socket socket)}. The handler owns the socket; the server
 * closes it when the handler ends.
 *
 * <p>An optional connection limit (gevent's {@code spawn=Pool(n)}) pauses accepting while that
 * many handlers run. When accepting fails (for example when the process runs out of file
 * descriptors), the server reports it to stderr, waits {@link #ACCEPT_BACKOFF_MILLIS} and tries
 * again: it neither spins nor dies, and serves again once descriptors free up.
 *
 * <p>Accepted sockets get the server's {@link #socketOptions} ({@code TCP_NODELAY} on by default,
 * and the read and write timeouts). With {@link #tls}, each connection runs TLS before its handler
 * sees it: the handshake runs with the handler's first read or write, and a client that sends
 * garbage, stalls or breaks off the handshake fails that handler's operation with an
 * {@link javax.net.ssl.SSLException}, while the server serves the others.
 *
 * <p>All cores: {@link #hubs(Hubs)} spreads the server over a group of hubs, each with its own
 * handlers and its own connection limit. On Linux with JDK 9+ every hub listens on the port with
 * {@code SO_REUSEPORT} and the kernel spreads the connections; elsewhere, or with
 * {@link #oneAcceptor()}, hub 0 accepts and hands each connection to the next hub, round-robin.
 * Over a group, {@link #start()}, {@link #stop()}, {@link #port()}, {@link #connections()} and
 * {@link #servedPerHub()} may be called from any thread but a hub of the group.
 */
public final class StreamServer {
  /** The pause after a failed accept. */
  public static final long ACCEPT_BACKOFF_MILLIS = 100;

  private final InetSocketAddress address;
  private final Function<Socket, ? extends Greenlet<?>> handler;
  private final Set<Greenlet<?>> handlers = new LinkedHashSet<>();
  private int maxConnections;
  private int backlog = 1024;
  private SocketOptions options = SocketOptions.defaults();
  private Tls tls;
  private ServerSocket listener;
  private Greenlet<Void> acceptLoop;
  private Waiter<Void> slotFreed;
  private Waiter<Void> stopped;
  private long served;
  private Hubs hubs;
  private boolean oneAcceptor;
  private HubsServer spread;
  /** Set on the acceptor of a group without {@code SO_REUSEPORT}: takes each accepted socket. */
  private Consumer<Socket> handOff;
  /** Sockets handed over by the acceptor of a group while this hub was full. */
  private final ArrayDeque<Socket> handedOver = new ArrayDeque<>();
  /** Run once no handler is left, after {@link #killHandlers}. */
  private Runnable whenNoHandlers;

  /** A server for {@code address} (port 0 picks a free port) running {@code handler} per connection. */
  public StreamServer(InetSocketAddress address, Function<Socket, ? extends Greenlet<?>> handler) {
    this.address = Objects.requireNonNull(address, "address");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /** At most {@code limit} connections handled at once (0: no limit). Returns this. */
  public StreamServer maxConnections(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("negative limit: " + limit);
    }
    this.maxConnections = limit;
    return this;
  }

  /** The listen backlog (default 1024). Returns this. */
  public StreamServer backlog(int backlog) {
    this.backlog = backlog;
    return this;
  }

  /**
   * The options of the listener and its accepted sockets (default {@link SocketOptions#defaults()}:
   * {@code TCP_NODELAY} on, no timeouts). Returns this.
   */
  public StreamServer socketOptions(SocketOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    return this;
  }

  /** Serves TLS ({@link Tls#server}) on every connection. Returns this. */
  public StreamServer tls(Tls tls) {
    if (tls.isClient()) {
      throw new IllegalArgumentException("a server needs Tls.server(...), not " + tls);
    }
    this.tls = tls;
    return this;
  }

  /**
   * Serves on every hub of {@code group} (see the class documentation); {@link #maxConnections}
   * then limits each hub. Returns this.
   */
  public StreamServer hubs(Hubs group) {
    this.hubs = Objects.requireNonNull(group, "group");
    return this;
  }

  /**
   * Over a group: one listener on hub 0 hands connections to the hubs, even where
   * {@code SO_REUSEPORT} would let every hub listen. Returns this.
   */
  public StreamServer oneAcceptor() {
    this.oneAcceptor = true;
    return this;
  }

  /** Whether this server listens on every hub of its group with {@code SO_REUSEPORT}; false before it starts. */
  public boolean listensOnEveryHub() {
    return spread != null && spread.listensOnEveryHub();
  }

  /**
   * Binds and starts accepting in a greenlet of the calling thread's hub; over a group, on its
   * hubs, returning once every hub listens. Returns this.
   */
  public StreamServer start() throws IOException {
    if (hubs != null) {
      if (spread == null) {
        HubsServer starting = new HubsServer(hubs);
        starting.start(this, address, options, oneAcceptor);
        spread = starting;
      }
    } else if (listener == null) {
      listener = ServerSocket.listen(address, backlog, options);
      acceptLoop = Greenlet.of(new AcceptLoop(this)).start();
    }
    return this;
  }

  /** Starts if needed, then waits until {@link #stop()} (gevent's {@code serve_forever}). */
  @Yielding
  public void serveForever() throws IOException {
    start();
    if (spread != null) {
      spread.awaitStopped();
      return;
    }
    Waiter<Void> waiter = new Waiter<>();
    stopped = waiter;
    waiter.await();
  }

  /** The port the server listens on. */
  public int port() {
    if (spread != null) {
      return spread.port();
    }
    if (listener == null) {
      throw new IllegalStateException("not started");
    }
    return listener.port();
  }

  /** The handlers running now (over a group: on all its hubs). */
  public int connections() {
    return spread != null ? spread.connections() : handlers.size();
  }

  /** The connections handed to a handler so far, per hub of the group (one entry without a group). */
  public long[] servedPerHub() {
    return spread != null ? spread.servedPerHub() : new long[] {served};
  }

  long served() {
    return served;
  }

  /**
   * Stops accepting and closes the listener; running handlers go on. {@link #serveForever()}
   * returns. Stopping twice does nothing.
   */
  public void stop() {
    if (spread != null) {
      spread.stop();
      return;
    }
    if (listener == null || !listener.isOpen()) {
      return;
    }
    try {
      listener.close();
    } catch (IOException e) {
      report(e);
    }
    acceptLoop.killAsync();
    if (stopped != null) {
      stopped.resume(null);
      stopped = null;
    }
  }

  /** Stops accepting, then kills the running handlers and waits until they are dead. */
  @Yielding
  public void stopAndKill() {
    if (spread != null) {
      spread.stopAndKill();
      return;
    }
    stop();
    List<Greenlet<?>> running = new ArrayList<>(handlers);
    io.gevent4j.Gevent.killAll(running.toArray(new Greenlet<?>[0]));
  }

  /** A server like this one, of no group, for one hub of a group. */
  StreamServer copy(InetSocketAddress at, SocketOptions with) {
    StreamServer copy = new StreamServer(at, handler).maxConnections(maxConnections).backlog(backlog).socketOptions(with);
    copy.tls = tls;
    return copy;
  }

  /** Makes this server pass each accepted socket to {@code target} instead of handling it. */
  StreamServer handingOff(Consumer<Socket> target) {
    this.handOff = target;
    return this;
  }

  /** This hub's thread. Handles a connection handed over from the acceptor's hub. */
  void adopt(SocketChannel channel) {
    Socket socket;
    try {
      socket = Socket.adopt(channel, options);
    } catch (IOException | RuntimeException e) {
      report(e);
      try {
        channel.close();
      } catch (IOException ignored) {
        // not served: nothing left to tell
      }
      return;
    }
    if (isFull()) {
      handedOver.add(socket);
    } else {
      spawnHandler(socket);
    }
  }

  /** Stops, closes the sockets waiting for a slot, kills the handlers; runs {@code done} once none is left. */
  void killHandlers(Runnable done) {
    stop();
    for (Socket socket; (socket = handedOver.poll()) != null; ) {
      closeQuietly(socket);
    }
    if (handlers.isEmpty()) {
      done.run();
      return;
    }
    whenNoHandlers = done;
    for (Greenlet<?> running : new ArrayList<>(handlers)) {
      running.killAsync();
    }
  }

  boolean isStopped() {
    return !listener.isOpen();
  }

  ServerSocket listener() {
    return listener;
  }

  boolean isFull() {
    return maxConnections > 0 && handlers.size() >= maxConnections;
  }

  /** Parks the accept loop until a handler ends. */
  @Yielding
  void awaitSlot() {
    Waiter<Void> waiter = new Waiter<>();
    slotFreed = waiter;
    waiter.await();
  }

  void spawnHandler(Socket socket) {
    if (handOff != null) {
      handOff.accept(socket);
      return;
    }
    Greenlet<?> greenlet;
    try {
      if (tls != null) {
        socket.startTls(tls);
      }
      greenlet = handler.apply(socket);
    } catch (IOException | RuntimeException e) {
      report(e);
      closeQuietly(socket);
      return;
    }
    handlers.add(greenlet);
    served++;
    greenlet.link(dead -> {
      handlers.remove(dead);
      closeQuietly(socket);
      if (!handedOver.isEmpty() && !isFull()) {
        spawnHandler(handedOver.poll());
      }
      Runnable done = whenNoHandlers;
      if (done != null && handlers.isEmpty()) {
        whenNoHandlers = null;
        done.run();
      }
      Waiter<Void> waiting = slotFreed;
      if (waiting != null) {
        slotFreed = null;
        waiting.resume(null);
      }
    });
    greenlet.start();
  }

  void report(Throwable failure) {
    PrintStream out = System.err;
    out.println(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " " + this + ": " + failure);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing after the handler: nothing left to tell
    }
  }

  @Override
  public String toString() {
    return "<StreamServer " + address + (listener != null && listener.isOpen() ? " port=" + listener.port() : "") + ">";
  }
}
