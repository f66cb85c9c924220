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
import java.util.function.Consumer;

/**
 * How the replacements wait for something another thread completes, suspending only the calling
 * greenlet and keeping its hub alive meanwhile ({@link Waiter#expectOtherThread()}).
 *
 * <p>A blocking wait runs on a thread of its own pool: cached, of daemon threads named
 * {@code gevent4j-monkey-n}, unbounded so that waits never queue behind one another (a wait
 * queued behind a wait for it would never end) nor take {@code ThreadPool.defaultPool()}'s
 * threads. If the waiting greenlet is killed, the pool thread is interrupted. A wait that takes
 * something (a permit, an element) gives an {@code undo}: if the wait succeeds but its greenlet
 * no longer wants the result (killed, or timed out by a {@code Timeout}, at any moment before the
 * result reaches it), the undo gives it back, so that a call that did not return took nothing.
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
    return onPoolThread(wait, null);
  }

  /**
   * {@link #onPoolThread(Callable)}, with {@code undo} called with the wait's result if it
   * succeeded but its greenlet no longer wants it (on the pool thread or the hub's).
   */
  @Yielding
  static <T> T onPoolThread(Callable<T> wait, Consumer<? super T> undo) {
    Waiter<T> waiter = new Waiter<>();
    start(waiter, wait, undo);
    return waiter.await();
  }

  /** {@link #onPoolThread} for a wait returning {@code boolean}. */
  @Yielding
  static boolean onPoolThreadBoolean(Callable<Boolean> wait) {
    return onPoolThreadBoolean(wait, null);
  }

  /** {@link #onPoolThread(Callable, Consumer)} for a wait returning {@code boolean}. */
  @Yielding
  static boolean onPoolThreadBoolean(Callable<Boolean> wait, Consumer<? super Boolean> undo) {
    Waiter<Boolean> waiter = new Waiter<>();
    start(waiter, wait, undo);
    return waiter.awaitBoolean();
  }

  /**
   * Throws {@link InterruptedException} (clearing the flag) if the calling thread is interrupted,
   * as the originals do before they wait: a wait moved to a pool thread would not see it.
   */
  static void checkInterrupt() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  /** Runs {@code task} on a thread of the patching's pool, without waiting for it. */
  static void inBackground(Runnable task) {
    THREADS.execute(task);
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

  private static <T> void start(Waiter<T> waiter, Callable<? extends T> wait, Consumer<? super T> undo) {
    waiter.expectOtherThread();
    Worker<T> worker = new Worker<>(undo);
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
          if (worker.exitFailed()) {
            waiter.failFromAnyThread(failure);
          }
          return;
        }
        if (worker.exit(value)) {
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

  /**
   * The pool thread running one wait, interrupted if the wait is abandoned while it runs. Once
   * the wait has succeeded and its result is on its way to the hub, abandoning it (which happens
   * on the hub's thread, so the result will not be delivered) undoes the result instead.
   */
  private static final class Worker<T> {
    private final Consumer<? super T> undo;
    private Thread thread;
    private boolean cancelled;
    private boolean delivering;
    private T result;

    Worker(Consumer<? super T> undo) {
      this.undo = undo;
    }

    synchronized boolean enter() {
      if (cancelled) {
        return false;
      }
      thread = Thread.currentThread();
      return true;
    }

    /** Ends a wait that succeeded with {@code value}; returns whether it is still wanted (if not, undoes it). */
    boolean exit(T value) {
      boolean wanted;
      synchronized (this) {
        thread = null;
        wanted = !cancelled;
        if (wanted) {
          delivering = true;
          result = value;
        }
      }
      Thread.interrupted(); // an interrupt meant for this wait must not reach the pool's next task
      if (!wanted && undo != null) {
        undo.accept(value);
      }
      return wanted;
    }

    /** Ends a wait that failed; returns whether its failure is still wanted. */
    boolean exitFailed() {
      boolean wanted;
      synchronized (this) {
        thread = null;
        wanted = !cancelled;
      }
      Thread.interrupted();
      return wanted;
    }

    void cancel() {
      boolean undoResult;
      T value;
      synchronized (this) {
        cancelled = true;
        undoResult = delivering;
        value = result;
        result = null;
        delivering = false;
        if (thread != null) {
          thread.interrupt();
        }
      }
      if (undoResult && undo != null) {
        undo.accept(value);
      }
    }
  }
}
