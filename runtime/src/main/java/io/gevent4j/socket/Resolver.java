package io.gevent4j.socket;

import io.gevent4j.annotations.Yielding;
import io.gevent4j.threadpool.Futures;
import io.gevent4j.threadpool.ThreadPool;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Thread-safe. Turns a host name into its addresses, pluggable as gevent's resolvers are. The
 * default, {@link #threadPool(ThreadPool)} on {@link ThreadPool#defaultPool()}, asks the JDK's
 * resolver on a pool thread, so the hub and its other greenlets keep running while a name
 * resolves (gevent's {@code resolver_thread}); {@link #blocking()} resolves on the calling thread
 * (gevent's {@code resolver_blocking}, for tests or {@code /etc/hosts}-only setups). A resolver of
 * your own (a cache, a fixed table, DNS over a cooperative {@link DatagramSocket}) implements
 * {@link #resolve}: a greenlet's result is a stage with {@link Futures#toFuture}.
 *
 * <p>{@link Socket#connect} skips the resolver for IP literals and tries each address in turn.
 */
public interface Resolver {
  /**
   * Any thread. Starts resolving {@code host}; the stage completes, on any thread, with its
   * addresses in the order to try them, or fails with an {@link UnknownHostException} naming it.
   */
  CompletionStage<List<InetAddress>> resolve(String host);

  /**
   * Hub thread only. Resolves {@code host}, suspending only the calling greenlet; an unknown host
   * is an {@link UnknownHostException} naming it.
   */
  @Yielding
  default List<InetAddress> lookup(String host) throws UnknownHostException {
    return Futures.await(Resolution.named(host, resolve(host)));
  }

  /** The JDK's resolver ({@link InetAddress#getAllByName}) run on {@code pool}'s threads. */
  static Resolver threadPool(ThreadPool pool) {
    return new ThreadPoolResolver(pool);
  }

  /** The JDK's resolver run on the calling thread: it blocks the hub while it resolves. */
  static Resolver blocking() {
    return BlockingResolver.INSTANCE;
  }

  /** Any thread. The resolver of connects that do not name one (at first {@code threadPool(ThreadPool.defaultPool())}). */
  static Resolver getDefault() {
    return Resolution.defaultResolver;
  }

  /** Any thread. Replaces the default resolver (gevent's {@code GEVENT_RESOLVER}). */
  static void setDefault(Resolver resolver) {
    Resolution.setDefault(resolver);
  }
}
