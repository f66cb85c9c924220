package io.gevent4j.socket;

import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Immutable. How a socket runs TLS over {@link javax.net.ssl.SSLEngine} (gevent's
 * {@code gevent.ssl}): {@link #client} for {@link Socket#connectTls} and {@link Socket#startTls},
 * {@link #server} for {@link io.gevent4j.server.StreamServer#tls}. A client checks the server's
 * certificate against the host it connects to (endpoint identification "HTTPS") and sends that
 * host as SNI. A handshake that does not finish within {@link #handshakeTimeout} (10 s by
 * default) closes the socket with an {@link javax.net.ssl.SSLHandshakeException}, so a peer that
 * stalls cannot hold a connection forever.
 */
public final class Tls {
  /** The default handshake timeout. */
  public static final long DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final SSLContext context;
  private final boolean client;
  private final boolean verifyHostName;
  private final long handshakeTimeoutMillis;
  private final Consumer<SSLParameters> parameters;

  private Tls(SSLContext context, boolean client, boolean verifyHostName, long handshakeTimeoutMillis, Consumer<SSLParameters> parameters) {
    this.context = Objects.requireNonNull(context, "context");
    this.client = client;
    this.verifyHostName = verifyHostName;
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    this.parameters = parameters;
  }

  /** A TLS client on {@code context}, checking the server's host name. */
  public static Tls client(SSLContext context) {
    return new Tls(context, true, true, DEFAULT_HANDSHAKE_TIMEOUT_MILLIS, null);
  }

  /** A TLS server on {@code context} (its key managers hold the server's certificate). */
  public static Tls server(SSLContext context) {
    return new Tls(context, false, false, DEFAULT_HANDSHAKE_TIMEOUT_MILLIS, null);
  }

  /** A copy that fails a handshake not finished within {@code millis} (0: no limit). */
  public Tls handshakeTimeout(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("negative timeout: " + millis);
    }
    return new Tls(context, client, verifyHostName, millis, parameters);
  }

  /** A client copy that trusts any host name its trust managers accept (for tests against IPs without a matching certificate). */
  public Tls withoutHostNameVerification() {
    return new Tls(context, client, false, handshakeTimeoutMillis, parameters);
  }

  /**
   * A copy that also adjusts each engine's {@link SSLParameters} (protocols, cipher suites,
   * {@code setNeedClientAuth}, ALPN on JDK 9+), after the defaults here are set.
   */
  public Tls parameters(Consumer<SSLParameters> adjust) {
    Objects.requireNonNull(adjust, "adjust");
    Consumer<SSLParameters> combined = parameters == null ? adjust : parameters.andThen(adjust);
    return new Tls(context, client, verifyHostName, handshakeTimeoutMillis, combined);
  }

  /** The handshake timeout in milliseconds (0: none). */
  public long handshakeTimeoutMillis() {
    return handshakeTimeoutMillis;
  }

  /** Whether this is the client side. */
  public boolean isClient() {
    return client;
  }

  /** A new engine for a connection with {@code host:port} (host may be null on the server side). */
  SSLEngine newEngine(String host, int port) {
    if (client && host == null) {
      throw new IllegalArgumentException("a TLS client needs the server's host name");
    }
    SSLEngine engine = host == null ? context.createSSLEngine() : context.createSSLEngine(host, port);
    engine.setUseClientMode(client);
    SSLParameters params = engine.getSSLParameters();
    if (client && verifyHostName) {
      params.setEndpointIdentificationAlgorithm("HTTPS");
    }
    if (client && Resolution.literal(host) == null) {
      params.setServerNames(java.util.Collections.singletonList(new SNIHostName(host)));
    }
    if (parameters != null) {
      parameters.accept(params);
    }
    engine.setSSLParameters(params);
    return engine;
  }

  @Override
  public String toString() {
    return "Tls." + (client ? "client" : "server") + "(" + context.getProtocol() + ")"
        + (client && !verifyHostName ? " without host name verification" : "") + " handshakeTimeout=" + handshakeTimeoutMillis;
  }
}
