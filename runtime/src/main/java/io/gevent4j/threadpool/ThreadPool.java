package io.gevent4j.threadpool;

import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread-safe. A pool of real threads for blocking calls: {@link #call} runs the work on a pool
 * thread and suspends only the calling greenlet until it finishes (gevent's {@code ThreadPool}).
 * The shared {@link #defaultPool()} has 10 daemon threads, as gevent's hub pool.
 */
public final class ThreadPool implements AutoCloseable {
  private static final ThreadPool DEFAULT = new ThreadPool(10, "gevent4j-threadpool");

  private final ExecutorService executor;
  private final String name;

  /** A pool of {@code size} daemon threads named {@code name-n}. */
  public ThreadPool(int size, String name) {
    Objects.requireNonNull(name, "name");
    if (size < 1) {
      throw new IllegalArgumentException("size must be positive: " + size);
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads = task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    this.executor = Executors.newFixedThreadPool(size, threads);
    this.name = name;
  }

  /** The process-wide pool of 10 daemon threads. */
  public static ThreadPool defaultPool() {
    return DEFAULT;
  }

  /**
   * Runs {@code work} on a pool thread and returns its result, or throws its exception (as it is,
   * checked or not); meanwhile the calling greenlet is suspended and the others run.
   */
  @Yielding
  public <T> T call(Callable<T> work) {
    Objects.requireNonNull(work, "work");
    Waiter<T> waiter = new Waiter<>();
    waiter.expectOtherThread();
    try {
      executor.execute(() -> {
        try {
          waiter.resumeFromAnyThread(work.call());
        } catch (Throwable failure) {
          waiter.failFromAnyThread(failure);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      waiter.fail(closed); // no other thread will complete it: the hub must not stay held open
    }
    return waiter.await();
  }

  /**
   * Any thread. Runs {@code work} on a pool thread without waiting for it: the future completes,
   * on that thread, with its result or exception (a closed pool fails it at once).
   */
  public <T> java.util.concurrent.CompletableFuture<T> submit(Callable<T> work) {
    Objects.requireNonNull(work, "work");
    java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
    try {
      executor.execute(() -> {
        try {
          result.complete(work.call());
        } catch (Throwable failure) {
          result.completeExceptionally(failure);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      result.completeExceptionally(closed);
    }
    return result;
  }

  /** Stops accepting work; running work finishes. */
  @Override
  public void close() {
    executor.shutdown();
  }

  @Override
  public String toString() {
    return "<ThreadPool " + name + ">";
  }
}
