package io.gevent4j.monkey;

import io.gevent4j.annotations.Yielding;
import io.gevent4j.threadpool.ThreadPool;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The cooperative {@link InetAddress#getByName} and {@link InetAddress#getAllByName}: with monkey
 * patching on, the processor rewrites those calls inside {@code @Coroutine} bodies into the
 * methods of the same name here. The lookup (the JDK's own, with its cache and its
 * {@code networkaddress.cache.*} settings) runs on {@link ThreadPool#defaultPool()}, the hub's
 * pool for blocking calls; only the calling greenlet is suspended and the hub stays alive
 * meanwhile. Results and exceptions ({@link UnknownHostException}, {@link SecurityException}) are
 * the original's.
 */
public final class PatchedInetAddress {
  private PatchedInetAddress() {}

  /** {@code InetAddress.getByName(host)}, resolved off the hub's thread. */
  @Yielding
  public static InetAddress getByName(String host) throws UnknownHostException {
    return ThreadPool.defaultPool().call(() -> InetAddress.getByName(host));
  }

  /** {@code InetAddress.getAllByName(host)}, resolved off the hub's thread. */
  @Yielding
  public static InetAddress[] getAllByName(String host) throws UnknownHostException {
    return ThreadPool.defaultPool().call(() -> InetAddress.getAllByName(host));
  }
}
