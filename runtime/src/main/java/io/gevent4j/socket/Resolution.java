package io.gevent4j.socket;

import io.gevent4j.threadpool.ThreadPool;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/** Thread-safe. What every resolution shares: the default resolver, IP literals, failures that name the host. */
final class Resolution {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  static volatile Resolver defaultResolver = new ThreadPoolResolver(ThreadPool.defaultPool());

  private Resolution() {}

  static void setDefault(Resolver resolver) {
    defaultResolver = Objects.requireNonNull(resolver, "resolver");
  }

  /** The address of an IP literal ({@code 127.0.0.1}, {@code ::1}, {@code [::1]}), or null for a name to resolve. */
  static InetAddress literal(String host) {
    if (!IPV4.matcher(host).matches() && host.indexOf(':') < 0) {
      return null;
    }
    try {
      return InetAddress.getByName(host); // a literal: parsed, never looked up
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /**
   * {@code stage}, with every failure an {@link UnknownHostException} that names {@code host}
   * and an empty answer a failure too.
   */
  static CompletionStage<List<InetAddress>> named(String host, CompletionStage<List<InetAddress>> stage) {
    CompletableFuture<List<InetAddress>> result = new CompletableFuture<>();
    stage.whenComplete((addresses, failure) -> {
      if (failure != null) {
        result.completeExceptionally(unknown(host, failure));
      } else if (addresses == null || addresses.isEmpty()) {
        result.completeExceptionally(new UnknownHostException(host + ": no addresses"));
      } else {
        result.complete(addresses);
      }
    });
    return result;
  }

  static UnknownHostException unknown(String host, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof UnknownHostException && String.valueOf(cause.getMessage()).contains(host)) {
      return (UnknownHostException) cause;
    }
    UnknownHostException named = new UnknownHostException(host + ": " + cause);
    named.initCause(cause);
    return named;
  }

  static List<InetAddress> lookUp(String host) throws UnknownHostException {
    return Arrays.asList(InetAddress.getAllByName(host));
  }
}
