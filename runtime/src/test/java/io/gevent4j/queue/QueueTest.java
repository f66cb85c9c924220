package io.gevent4j.queue;

import static io.gevent4j.testing.Frames.calling;
import static io.gevent4j.testing.Frames.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.testing.VirtualHubTestSupport;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * The queues (gevent's test__queue.py): {@link Queue}, {@link PriorityQueue}, {@link LifoQueue},
 * {@link JoinableQueue} and {@link Channel}; public API only, through {@link io.gevent4j.testing}
 * (the io.gevent4j test helpers are package-private). Virtual time; the hub is empty after each
 * test.
 */
class QueueTest extends VirtualHubTestSupport {
  @Test
  void queueHandsItemsToWaitingGettersInOrder() {
    Queue<String> queue = new Queue<>();
    Greenlet<String> first = calling(queue::get).start();
    Greenlet<String> second = calling(queue::get).start();
    Gevent.sleep(0);
    queue.put("x");
    queue.put("y");
    assertEquals("x", first.get());
    assertEquals("y", second.get());
  }

  @Test
  void boundedQueueBlocksPuttersUntilRoom() {
    Queue<Integer> queue = new Queue<>(1);
    queue.put(1);
    Greenlet<Object> putter = step("put 2 returned", () -> queue.put(2)).start();
    Gevent.sleep(0);
    assertTrue(log.isEmpty(), "the putter waits");
    assertEquals(1, (int) queue.get());
    assertEquals(2, (int) queue.get());
    putter.join();
    assertEquals(Arrays.asList("put 2 returned"), log);
    assertThrows(Full.class, () -> {
      queue.put(3);
      queue.putNowait(4);
    });
    assertThrows(Full.class, () -> queue.put(5, 10));
    assertEquals(3, (int) queue.getNowait());
    assertThrows(Empty.class, queue::getNowait);
    assertThrows(Empty.class, () -> queue.get(10));
  }

  @Test
  void timedOutGettersDoNotEatItems() {
    Queue<String> queue = new Queue<>();
    assertThrows(Empty.class, () -> queue.get(5));
    queue.put("kept");
    assertEquals("kept", queue.get());
  }

  @Test
  void priorityAndLifoOrders() {
    PriorityQueue<Integer> priority = new PriorityQueue<>();
    LifoQueue<Integer> lifo = new LifoQueue<>();
    for (int i : new int[] {3, 1, 2}) {
      priority.put(i);
      lifo.put(i);
    }
    assertEquals(Arrays.asList(1, 2, 3), Arrays.asList(priority.get(), priority.get(), priority.get()));
    assertEquals(Arrays.asList(2, 1, 3), Arrays.asList(lifo.get(), lifo.get(), lifo.get()));
  }

  @Test
  void channelIsARendezvous() {
    Channel<String> channel = new Channel<>();
    Greenlet<Boolean> putter = steps(() -> log.add("put-start"), () -> {
      channel.put("x");
      return null;
    }, ignored -> log.add("put-returned"));
    Greenlet<Boolean> getter = steps(() -> log.add("get-start"), channel::get, got -> log.add("got " + got));
    putter.start();
    getter.start();
    Gevent.joinAll(putter, getter);
    assertEquals(Arrays.asList("put-start", "get-start", "got x", "put-returned"), log);
  }

  @Test
  void joinableQueueWaitsForEveryTask() {
    JoinableQueue<String> queue = new JoinableQueue<>();
    queue.put("a");
    queue.put("b");
    assertEquals(2, queue.unfinishedTasks());
    Greenlet<Object> worker = steps(() -> { }, queue::get, item -> {
      queue.taskDone();
      return null;
    });
    Greenlet<Object> worker2 = steps(() -> { }, queue::get, item -> {
      queue.taskDone();
      return null;
    });
    worker.start();
    worker2.start();
    queue.join();
    assertEquals(0, queue.unfinishedTasks());
    assertThrows(IllegalStateException.class, queue::taskDone);
  }

  // ---------------------------------------------------------------- peek, isEmpty, isFull

  @Test
  void peekShowsTheNextItemWithoutTakingIt() {
    Queue<String> queue = new Queue<>();
    assertThrows(Empty.class, queue::peek);
    queue.put("a");
    queue.put("b");
    assertEquals("a", queue.peek());
    assertEquals("a", queue.peek());
    assertEquals(2, queue.size());
    assertEquals("a", queue.get());
    assertEquals("b", queue.peek());
    PriorityQueue<Integer> priority = new PriorityQueue<>();
    priority.put(5);
    priority.put(2);
    assertEquals(2, (int) priority.peek(), "in storage order");
  }

  @Test
  void isEmptyAndIsFullFollowTheItems() {
    Queue<String> bounded = new Queue<>(2);
    assertTrue(bounded.isEmpty());
    assertFalse(bounded.isFull());
    bounded.put("a");
    assertFalse(bounded.isEmpty());
    assertFalse(bounded.isFull());
    bounded.put("b");
    assertTrue(bounded.isFull());
    bounded.getNowait();
    assertFalse(bounded.isFull());
    bounded.getNowait();
    assertTrue(bounded.isEmpty());

    Queue<String> unbounded = new Queue<>(0);
    for (int i = 0; i < 1000; i++) {
      unbounded.putNowait("x" + i);
    }
    assertFalse(unbounded.isFull(), "0 means unbounded");

    Channel<String> channel = new Channel<>();
    assertTrue(channel.isEmpty(), "a channel stores nothing");
    assertTrue(channel.isFull(), "a put on a channel waits for a getter");
  }

  // ---------------------------------------------------------------- bounded constructors of the subclasses

  @Test
  void boundedJoinableQueue() {
    JoinableQueue<String> queue = new JoinableQueue<>(1);
    queue.put("a");
    assertTrue(queue.isFull());
    assertThrows(Full.class, () -> queue.putNowait("b"));
    assertEquals(1, queue.unfinishedTasks(), "a refused put is no task");
    assertEquals("a", queue.get());
    queue.taskDone();
    queue.join();
    assertEquals(0, queue.unfinishedTasks());
    assertFalse(new JoinableQueue<String>(0).isFull());
  }

  @Test
  void boundedLifoQueue() {
    LifoQueue<Integer> queue = new LifoQueue<>(2);
    queue.put(1);
    queue.put(2);
    assertTrue(queue.isFull());
    assertThrows(Full.class, () -> queue.putNowait(3));
    assertThrows(Full.class, () -> queue.put(3, 10));
    assertEquals(10, nowMillis());
    assertEquals(2, (int) queue.get());
    assertEquals(1, (int) queue.get());
    LifoQueue<Integer> unbounded = new LifoQueue<>(0);
    unbounded.put(1);
    assertFalse(unbounded.isFull());
  }

  @Test
  void boundedPriorityQueueWithAComparator() {
    PriorityQueue<String> queue = new PriorityQueue<>(3, Comparator.reverseOrder());
    queue.put("b");
    queue.put("c");
    queue.put("a");
    assertTrue(queue.isFull());
    assertThrows(Full.class, () -> queue.putNowait("d"));
    assertEquals(Arrays.asList("c", "b", "a"), Arrays.asList(queue.get(), queue.get(), queue.get()));
    PriorityQueue<Integer> natural = new PriorityQueue<>(0, null);
    natural.put(2);
    natural.put(1);
    assertFalse(natural.isFull());
    assertEquals(1, (int) natural.get());
    assertEquals(2, (int) natural.get());
  }
}
