package io.gevent4j.samples.toolkit;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Timeout;
import io.gevent4j.annotations.Coroutine;
import io.gevent4j.pool.Pool;
import io.gevent4j.queue.Queue;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Three classic gevent patterns written as coroutines: a producer and two consumers over a
 * bounded queue, a {@link Pool#map} with at most two workers at once, and a {@link Timeout}
 * around a slow operation.
 */
public final class Toolkit {
  /** Where the sample prints; tests point it elsewhere. */
  static PrintStream out = System.out;

  private Toolkit() {}

  /** Puts {@code count} items, waiting whenever the queue is full; then one "stop" per consumer. */
  @Coroutine
  static void producer(Queue<String> queue, int count, int consumers) {
    for (int i = 0; i < count; i++) {
      queue.put("item " + i);
      out.println("produced item " + i);
    }
    for (int i = 0; i < consumers; i++) {
      queue.put("stop");
    }
  }

  /** Takes items until "stop", taking its time over each. */
  @Coroutine
  static int consumer(String name, Queue<String> queue) {
    int handled = 0;
    for (String item = queue.get(); !item.equals("stop"); item = queue.get()) {
      out.println(name + " got " + item);
      Gevent.sleep(10);
      handled++;
    }
    return handled;
  }

  /** A slow square. */
  @Coroutine
  static int square(int n) {
    Gevent.sleep(10 * n);
    return n * n;
  }

  /** Waits {@code millis} for a reply that never comes, under a shorter timeout. */
  @Coroutine
  static String slowReply(long millis, long timeoutMillis) {
    try (Timeout timeout = Timeout.startNew(timeoutMillis)) {
      Gevent.sleep(millis);
      return "reply";
    } catch (Timeout t) {
      return "timed out after " + t.millis() + " ms";
    }
  }

  /** Runs the three patterns. */
  public static void run(PrintStream out) {
    Toolkit.out = out;
    Queue<String> queue = new Queue<>(2);
    Greenlet<Void> producer = ToolkitCoroutines.producer(queue, 6, 2);
    Greenlet<Integer> alice = ToolkitCoroutines.consumer("alice", queue);
    Greenlet<Integer> bob = ToolkitCoroutines.consumer("bob", queue);
    Gevent.joinAll(producer, alice, bob);
    out.println("alice handled " + alice.get() + ", bob handled " + bob.get());

    List<Integer> squares = new Pool(2).map(Arrays.asList(1, 2, 3, 4, 5), ToolkitCoroutines::square);
    out.println("squares " + squares);

    out.println(Gevent.spawn(ToolkitCoroutines.slowReply(1000, 50)).get());
  }

  public static void main(String[] args) {
    run(System.out);
  }
}
