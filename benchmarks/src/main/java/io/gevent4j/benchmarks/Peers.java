package io.gevent4j.benchmarks;

import java.util.concurrent.ThreadFactory;

/**
 * Starts the peers of the greenlet benchmarks: virtual threads (JDK 21+, reached reflectively so
 * that this module compiles for Java 8) and platform threads.
 */
final class Peers {
  private Peers() {}

  /**
   * {@code Thread.ofVirtual().factory()}, looked up once: reflection stays out of the measured
   * path, so a virtual thread costs what {@code Thread.startVirtualThread} costs (the factory is
   * safe for concurrent use). A holder class, so that loading {@link Peers} never fails before
   * JDK 21.
   */
  private static final class Virtual {
    static final ThreadFactory FACTORY;
    static final ReflectiveOperationException MISSING;

    static {
      ThreadFactory factory = null;
      ReflectiveOperationException missing = null;
      try {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        factory = (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
      } catch (ReflectiveOperationException e) {
        missing = e;
      }
      FACTORY = factory;
      MISSING = missing;
    }
  }

  /** Starts {@code task} on a new virtual thread; fails clearly before JDK 21. */
  static Thread virtualThread(Runnable task) {
    ThreadFactory factory = Virtual.FACTORY;
    if (factory == null) {
      throw new UnsupportedOperationException("virtual threads need JDK 21+; this is "
          + System.getProperty("java.version") + " (run the benchmarks with a JDK 21+ java)", Virtual.MISSING);
    }
    Thread thread = factory.newThread(task);
    thread.start();
    return thread;
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
