package io.gevent4j.socket;

import io.gevent4j.threadpool.ThreadPool;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Thread-safe. {@link Resolver#threadPool}: the JDK's resolver on a pool's threads. */
final class ThreadPoolResolver implements Resolver {
  private final ThreadPool pool;

  ThreadPoolResolver(ThreadPool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  @Override
  public CompletionStage<List<InetAddress>> resolve(String host) {
    return pool.submit(() -> Resolution.lookUp(host));
  }

  @Override
  public String toString() {
    return "Resolver.threadPool(" + pool + ")";
  }
}
