package io.gevent4j.benchmarks;

import java.lang.reflect.Method;

/**
 * Starts the peers of the greenlet benchmarks: virtual threads (JDK 21+, reached reflectively so
 * that this module compiles for Java 8) and platform threads.
 */
final class Peers {
  private Peers() {}

  /** Starts {@code task} on a new virtual thread; fails clearly before JDK 21. */
  static Thread virtualThread(Runnable task) {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
      return (Thread) start.invoke(builder, task);
    } catch (ReflectiveOperationException e) {
      throw new UnsupportedOperationException("virtual threads need JDK 21+; this is " + System.getProperty("java.version"), e);
    }
  }

  /** Starts {@code task} on a new platform thread. */
  static Thread platformThread(Runnable task) {
    Thread thread = new Thread(task);
    thread.start();
    return thread;
  }

  /** Joins all threads. */
  static void joinAll(Thread... threads) throws InterruptedException {
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
