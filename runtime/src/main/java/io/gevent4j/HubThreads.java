package io.gevent4j;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The thread registry: which hub each thread has ({@link Hub#current()}), replacing it
 * ({@link Hub#install}) and starting a thread that runs one ({@link Hub#startThread}). The public
 * entry points are {@link Hub}'s static methods, which delegate here.
 */
final class HubThreads {
  private static final ThreadLocal<Hub> HUBS = new ThreadLocal<>();
  /**
   * Racy single-entry cache in front of {@link #HUBS}; safe because {@link Hub#thread} is final.
   * Plain threads only: a {@link HubThread} keeps its hub in a field, so that hubs running on
   * several cores never write this shared field (it would bounce between their caches).
   */
  private static Hub lastUsed;

  /** A thread of {@link #startThread}: its hub is a field, found without shared state. */
  private static final class HubThread extends Thread {
    private Hub hub;

    HubThread(Runnable body, String name) {
      super(body, name);
    }
  }

  private HubThreads() {
  }

  /** The hub of the calling thread, created on first use with {@link Clock#system()}. */
  static Hub current() {
    Thread thread = Thread.currentThread();
    if (thread instanceof HubThread && ((HubThread) thread).hub != null) {
      return ((HubThread) thread).hub;
    }
    Hub hub = lastUsed;
    if (hub != null && hub.thread == thread) {
      return hub;
    }
    hub = HUBS.get();
    if (hub == null) {
      hub = new Hub(thread, Clock.system());
      HUBS.set(hub);
    }
    remember(hub);
    return hub;
  }

  /** Caches {@code hub}, the calling thread's, for {@link #current()}. */
  private static void remember(Hub hub) {
    if (hub.thread instanceof HubThread) {
      ((HubThread) hub.thread).hub = hub;
    } else {
      lastUsed = hub;
    }
  }

  /** Replaces the calling thread's hub with a new one on {@code clock}; the old one must be idle. */
  static Hub install(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Hub old = HUBS.get();
    if (old != null && !old.isEmpty()) {
      throw new IllegalStateException("cannot replace " + old + ": it still has work");
    }
    Hub hub = new Hub(Thread.currentThread(), clock);
    HUBS.set(hub);
    remember(hub);
    return hub;
  }

  /** Releases the descriptors a stopped hub's poller still holds. */
  private static void closeIo(Hub hub) {
    try {
      hub.io().close();
    } catch (java.io.IOException e) {
      hub.failures.callbackFailed("closing " + hub + "'s selector", e);
    }
  }

  /** Starts a daemon thread that serves its own hub until {@link Hub#stop()}; returns that hub. */
  static Hub startThread(String name) {
    CompletableFuture<Hub> started = new CompletableFuture<>();
    Thread thread = new HubThread(() -> {
      Hub hub = current();
      started.complete(hub);
      try {
        hub.serveUntilStopped();
      } finally {
        closeIo(hub);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return started.join();
  }
}
