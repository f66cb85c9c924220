package io.gevent4j.socket;

import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable. How a socket is set up: its {@link SocketOption}s ({@code TCP_NODELAY} on by
 * default, as Netty does, so that small writes are not held back by delayed ACKs), its read and
 * write timeouts, and, for {@link Socket#connect(String, int, SocketOptions)} only, the connect
 * timeout and the {@link Resolver}. Every {@code with...} method returns a changed copy:
 *
 * <pre>{@code
 * SocketOptions options = SocketOptions.defaults()
 *     .connectTimeout(5_000).readTimeout(30_000)
 *     .with(StandardSocketOptions.SO_KEEPALIVE, true);
 * }</pre>
 *
 * <p>Options a channel does not support (say {@code TCP_NODELAY} on a listening or UDP socket) are
 * skipped for that channel. Timeouts are in milliseconds; 0 waits without limit.
 */
public final class SocketOptions {
  private static final SocketOptions DEFAULTS =
      new SocketOptions(Collections.<SocketOption<?>, Object>singletonMap(StandardSocketOptions.TCP_NODELAY, true), 0, 0, 0, null);

  private final Map<SocketOption<?>, Object> options;
  private final long connectTimeoutMillis;
  private final long readTimeoutMillis;
  private final long writeTimeoutMillis;
  private final Resolver resolver;

  private SocketOptions(Map<SocketOption<?>, Object> options, long connectTimeoutMillis, long readTimeoutMillis, long writeTimeoutMillis, Resolver resolver) {
    this.options = options;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.readTimeoutMillis = readTimeoutMillis;
    this.writeTimeoutMillis = writeTimeoutMillis;
    this.resolver = resolver;
  }

  /** {@code TCP_NODELAY} on, no timeouts, the default resolver. */
  public static SocketOptions defaults() {
    return DEFAULTS;
  }

  /** A copy that also sets {@code option} to {@code value} (for example {@code SO_RCVBUF}, {@code SO_LINGER}). */
  public <T> SocketOptions with(SocketOption<T> option, T value) {
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(value, "value");
    Map<SocketOption<?>, Object> changed = new LinkedHashMap<>(options);
    changed.put(option, value);
    return new SocketOptions(Collections.unmodifiableMap(changed), connectTimeoutMillis, readTimeoutMillis, writeTimeoutMillis, resolver);
  }

  /** A copy with {@code TCP_NODELAY} set to {@code on}. */
  public SocketOptions noDelay(boolean on) {
    return with(StandardSocketOptions.TCP_NODELAY, on);
  }

  /** A copy whose connect waits at most {@code millis} for each address it tries (and for resolving). */
  public SocketOptions connectTimeout(long millis) {
    return new SocketOptions(options, checked(millis), readTimeoutMillis, writeTimeoutMillis, resolver);
  }

  /** A copy whose sockets wait at most {@code millis} for each read (and accept). */
  public SocketOptions readTimeout(long millis) {
    return new SocketOptions(options, connectTimeoutMillis, checked(millis), writeTimeoutMillis, resolver);
  }

  /** A copy whose sockets wait at most {@code millis} for each write. */
  public SocketOptions writeTimeout(long millis) {
    return new SocketOptions(options, connectTimeoutMillis, readTimeoutMillis, checked(millis), resolver);
  }

  /** A copy whose connect resolves host names with {@code resolver} instead of {@link Resolver#getDefault()}. */
  public SocketOptions resolver(Resolver resolver) {
    return new SocketOptions(options, connectTimeoutMillis, readTimeoutMillis, writeTimeoutMillis, Objects.requireNonNull(resolver, "resolver"));
  }

  /** The socket options, in the order they are applied. */
  public Map<SocketOption<?>, Object> options() {
    return options;
  }

  /** The connect timeout (0: none). */
  public long connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  /** The read timeout (0: none). */
  public long readTimeoutMillis() {
    return readTimeoutMillis;
  }

  /** The write timeout (0: none). */
  public long writeTimeoutMillis() {
    return writeTimeoutMillis;
  }

  /** The resolver connect uses: the one given, else {@link Resolver#getDefault()}. */
  public Resolver resolverOrDefault() {
    return resolver != null ? resolver : Resolver.getDefault();
  }

  /** Sets the options {@code channel} supports on it. */
  void applyTo(NetworkChannel channel) throws IOException {
    for (Map.Entry<SocketOption<?>, Object> entry : options.entrySet()) {
      if (channel.supportedOptions().contains(entry.getKey())) {
        set(channel, entry.getKey(), entry.getValue());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void set(NetworkChannel channel, SocketOption<T> option, Object value) throws IOException {
    channel.setOption(option, (T) value);
  }

  private static long checked(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("negative timeout: " + millis);
    }
    return millis;
  }

  @Override
  public String toString() {
    return "SocketOptions" + options + " connectTimeout=" + connectTimeoutMillis + " readTimeout=" + readTimeoutMillis
        + " writeTimeout=" + writeTimeoutMillis + (resolver != null ? " resolver=" + resolver : "");
  }
}
