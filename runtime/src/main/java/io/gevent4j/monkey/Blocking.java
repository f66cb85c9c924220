package io.gevent4j.monkey;

import io.gevent4j.Waiter;
import io.gevent4j.annotations.Yielding;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the replacements wait for something another thread completes, suspending only the calling
 * greenlet and keeping its hub alive meanwhile ({@link Waiter#expectOtherThread()}).
 *
 * <p>A blocking wait runs on a thread of its own pool: cached, of daemon threads named
 * {@code gevent4j-monkey-n}, unbounded so that waits never queue behind one another (a wait
 * queued behind a wait for it would never end) nor take {@code ThreadPool.defaultPool()}'s
 * threads. If the waiting greenlet is killed, the pool thread is interrupted.
 */
final class Blocking {
  private static final ExecutorService THREADS = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "gevent4j-monkey-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  });

  private Blocking() {}

  /** Runs {@code wait} on a pool thread; returns its result or throws its exception, as it is. */
  @Yielding
  static <T> T onPoolThread(Callable<T> wait) {
    Waiter<T> waiter = new Waiter<>();
    start(waiter, wait);
    return waiter.await();
  }

  /** {@link #onPoolThread} for a wait returning {@code boolean}. */
  @Yielding
  static boolean onPoolThreadBoolean(Callable<Boolean> wait) {
    Waiter<Boolean> waiter = new Waiter<>();
    start(waiter, wait);
    return waiter.awaitBoolean();
  }

  /**
   * Waits, without a thread, for {@code future} to complete, then returns what {@code report}
   * (the original, non-blocking now) returns or throws. With {@code timeoutNanos >= 0}, throws
   * {@link TimeoutException} if it has not completed by then.
   */
  @Yielding
  static <T> T afterCompletion(CompletableFuture<?> future, Callable<T> report, long timeoutNanos) {
    Waiter<T> waiter = new Waiter<>();
    if (future.isDone()) {
      deliver(waiter, report, false);
    } else if (timeoutNanos == 0) {
      waiter.fail(new TimeoutException());
    } else {
      waiter.expectOtherThread();
      future.whenComplete((value, failure) -> deliver(waiter, report, true));
      if (timeoutNanos > 0) {
        waiter.failAfter(ceilMillis(timeoutNanos), new TimeoutException());
      }
    }
    return waiter.await();
  }

  /** {@code nanos} in milliseconds, rounded up, as a cooperative wait must not end early. */
  static long ceilMillis(long nanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
    return millis < Long.MAX_VALUE && TimeUnit.MILLISECONDS.toNanos(millis) < nanos ? millis + 1 : millis;
  }

  private static <T> void start(Waiter<T> waiter, Callable<? extends T> wait) {
    waiter.expectOtherThread();
    Worker worker = new Worker();
    waiter.onCancel(worker::cancel);
    try {
      THREADS.execute(() -> {
        if (!worker.enter()) {
          return; // the greenlet was killed before the wait began
        }
        T value;
        try {
          value = wait.call();
        } catch (Throwable failure) {
          if (worker.exit()) {
            waiter.failFromAnyThread(failure);
          }
          return;
        }
        if (worker.exit()) {
          waiter.resumeFromAnyThread(value);
        }
      });
    } catch (RejectedExecutionException impossible) {
      waiter.fail(impossible); // no other thread will complete it: the hub must not stay held open
    }
  }

  private static <T> void deliver(Waiter<T> waiter, Callable<T> report, boolean fromAnyThread) {
    T value;
    try {
      value = report.call();
    } catch (Throwable failure) {
      if (fromAnyThread) {
        waiter.failFromAnyThread(failure);
      } else {
        waiter.fail(failure);
      }
      return;
    }
    if (fromAnyThread) {
      waiter.resumeFromAnyThread(value);
    } else {
      waiter.resume(value);
    }
  }

  /** The pool thread running one wait, interrupted if the wait is abandoned while it runs. */
  private static final class Worker {
    private Thread thread;
    private boolean cancelled;

    synchronized boolean enter() {
      if (cancelled) {
        return false;
      }
      thread = Thread.currentThread();
      return true;
    }

    /** Ends the wait on this thread; returns whether its result is still wanted. */
    boolean exit() {
      boolean wanted;
      synchronized (this) {
        thread = null;
        wanted = !cancelled;
      }
      Thread.interrupted(); // an interrupt meant for this wait must not reach the pool's next task
      return wanted;
    }

    synchronized void cancel() {
      cancelled = true;
      if (thread != null) {
        thread.interrupt();
      }
    }
  }
}
