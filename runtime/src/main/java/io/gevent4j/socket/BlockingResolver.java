package io.gevent4j.socket;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Thread-safe. {@link Resolver#blocking}: the JDK's resolver on the calling thread. */
final class BlockingResolver implements Resolver {
  static final BlockingResolver INSTANCE = new BlockingResolver();

  private BlockingResolver() {}

  @Override
  public CompletionStage<List<InetAddress>> resolve(String host) {
    CompletableFuture<List<InetAddress>> result = new CompletableFuture<>();
    try {
      result.complete(Resolution.lookUp(host));
    } catch (UnknownHostException | RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  @Override
  public String toString() {
    return "Resolver.blocking()";
  }
}
