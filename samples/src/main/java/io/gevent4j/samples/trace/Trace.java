package io.gevent4j.samples.trace;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;

/** Issue 14's program: the leaf throws three coroutine calls deep ({@code TraceTest} reads the traces). */
public final class Trace {
  @Coroutine
  static int leaf(int n) {
    Gevent.sleep(10);
    throw new IllegalStateException("leaf failed for " + n);
  }

  @Coroutine
  static int middle(int n) {
    Gevent.sleep(10);
    int doubled = 2 * n;
    return leaf(doubled) + 1;
  }

  @Coroutine
  static int top(int n) {
    Gevent.sleep(10);
    int next = n + 1;
    return middle(next) + 1;
  }

  /** Fails in its {@code finally} block, after {@code middle} failed. */
  @Coroutine
  static int failsInFinally(int n) {
    try {
      return middle(n);
    } finally {
      Gevent.sleep(10);
      throw new IllegalArgumentException("finally failed");
    }
  }

  /** Catches {@code middle}'s failure, then re-throws it. */
  @Coroutine
  static int rethrows(int n) {
    try {
      return middle(n);
    } catch (IllegalStateException e) {
      Gevent.sleep(10);
      throw e;
    }
  }

  /** Wraps {@code middle}'s failure as the cause of its own, after a wait. */
  @Coroutine
  static int wraps(int n) {
    try {
      return middle(n);
    } catch (IllegalStateException e) {
      Gevent.sleep(10);
      throw new RuntimeException("wrapped", e);
    }
  }

  /** Waits long enough to be killed. */
  @Coroutine
  static void waits() {
    Gevent.sleep(60_000);
  }

  /** Calls {@link #waits}: the killed greenlet's trace shows both frames. */
  @Coroutine
  static void waitsDeep() {
    waits();
  }

  /** Gets the result of {@code top(n)} run by another greenlet. */
  @Coroutine
  static int getsTop(int n) {
    return Gevent.spawn(TraceCoroutines.top(n)).get();
  }

  /** Runs {@code top(1)} and prints the trace of its failure, caught; then lets one fail uncaught. */
  public static void main(String[] args) {
    try {
      Gevent.spawn(TraceCoroutines.top(1)).get();
    } catch (IllegalStateException e) {
      e.printStackTrace();
    }
    Gevent.spawn(TraceCoroutines.top(2)).join();
  }

  /** Keeps the hub busy until {@code released} opens, at most 10 s: what {@code BlockingMonitor} reports. */
  @Coroutine
  static boolean spins(java.util.concurrent.CountDownLatch released) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (released.getCount() > 0 && System.nanoTime() < deadline) {
      java.util.Objects.requireNonNull(released);
    }
    return released.getCount() == 0;
  }

  /** Calls {@link #spins}: the monitor's report shows both frames. */
  @Coroutine
  static boolean callsSpins(java.util.concurrent.CountDownLatch released) {
    return spins(released);
  }

  /** Wraps {@code middle}'s failure without a wait: the catch block is copied as written, line for line. */
  @Coroutine
  static int wrapsAtOnce(int n) {
    try {
      return middle(n);
    } catch (IllegalStateException e) {
      throw new RuntimeException("wrapped at once", e);
    }
  }
}
