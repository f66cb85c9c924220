package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.event.AsyncResult;
import io.gevent4j.event.Event;
import io.gevent4j.local.GreenletLocal;
import io.gevent4j.lock.BoundedSemaphore;
import io.gevent4j.lock.Lock;
import io.gevent4j.lock.RLock;
import io.gevent4j.lock.Semaphore;
import io.gevent4j.pool.Group;
import io.gevent4j.pool.Pool;
import io.gevent4j.queue.Channel;
import io.gevent4j.queue.Empty;
import io.gevent4j.queue.Full;
import io.gevent4j.queue.JoinableQueue;
import io.gevent4j.queue.LifoQueue;
import io.gevent4j.queue.PriorityQueue;
import io.gevent4j.queue.Queue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gevent's toolkit, the Java way: Timeout, Event, AsyncResult, queues, locks, pools and
 * greenlet-locals, from plain code and from greenlets (hand-written frames following the
 * generated protocol). Virtual time; the hub is empty after each test.
 */
class ToolkitTest extends HubTestSupport {
  /**
   * A greenlet that runs {@code before}, makes one {@code @Yielding} call through the generated
   * protocol, then returns {@code after} of its result.
   */
  private static <T, R> Greenlet<R> steps(Runnable before, java.util.function.Supplier<T> yieldingCall,
      java.util.function.Function<T, R> after) {
    return Greenlet.of(new Steps<>(before, yieldingCall, after));
  }

  /** The frame of {@link #steps}. */
  private static final class Steps<T, R> extends CoroutineFrame<R> {
    private final Runnable before;
    private final java.util.function.Supplier<T> call;
    private final java.util.function.Function<T, R> after;
    private T value;

    Steps(Runnable before, java.util.function.Supplier<T> call, java.util.function.Function<T, R> after) {
      this.before = before;
      this.call = call;
      this.after = after;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object resume$() throws Throwable {
      switch (state$) {
        case 0:
          before.run();
          prepare$();
          value = call.get();
          if (parked$(1)) {
            return SUSPEND;
          }
          // fall through
        case 1:
          if (resumed$()) {
            value = (T) result$();
          }
          return after.apply(value);
        default:
          throw new IllegalStateException();
      }
    }

    @Override
    protected String name$() {
      return "steps";
    }

    @Override
    protected Object[] arguments$() {
      return new Object[0];
    }
  }

  private Greenlet<Object> step(String label, Runnable yieldingCall) {
    return steps(() -> { }, () -> {
      yieldingCall.run();
      return null;
    }, ignored -> log.add(label));
  }

  // ---------------------------------------------------------------- Timeout

  @Test
  void timeoutRaisesAtTheSuspensionPointOfAGreenlet() {
    Greenlet<Object> sleeper = steps(() -> Timeout.startNew(50), () -> {
      Gevent.sleep(1000);
      return null;
    }, ignored -> "never");
    sleeper.start().join();
    assertInstanceOf(Timeout.class, sleeper.exception());
    assertEquals(50, nowMillis());
  }

  @Test
  void timeoutInPlainCodeAsTryWithResources() {
    Timeout thrown = assertThrows(Timeout.class, () -> {
      try (Timeout ignored = Timeout.startNew(30)) {
        new Event().await();
      }
    });
    assertEquals("30 milliseconds", thrown.getMessage());
    assertTrue(thrown.toString().matches("<Timeout at 0x[0-9a-f]+ millis=30>"));
  }

  @Test
  void closedTimeoutNeverFires() {
    try (Timeout timeout = Timeout.startNew(30)) {
      assertTrue(timeout.pending());
      Gevent.sleep(10);
    }
    Gevent.sleep(50);
    assertEquals(60, nowMillis());
  }

  @Test
  void timeoutWithACustomException() {
    IllegalStateException custom = new IllegalStateException("custom");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
      try (Timeout ignored = Timeout.startNew(5, custom)) {
        Gevent.sleep(100);
      }
    });
    assertSame(custom, thrown);
  }

  @Test
  void timeoutIsNotAnException() {
    assertFalse(Exception.class.isAssignableFrom(Timeout.class));
  }

  // ---------------------------------------------------------------- Event, AsyncResult

  @Test
  void eventSetWakesEveryWaiterInOrder() {
    Event event = new Event();
    Greenlet<Object> a = step("a", event::await).start();
    Greenlet<Object> b = step("b", event::await).start();
    Gevent.sleep(0);
    assertTrue(log.isEmpty());
    event.set();
    Gevent.joinAll(a, b);
    assertEquals(Arrays.asList("a", "b"), log);
    assertTrue(event.await(10));
    event.clear();
    assertFalse(event.await(10));
  }

  @Test
  void asyncResultDeliversValueOrException() {
    AsyncResult<String> result = new AsyncResult<>();
    Greenlet<String> waiting = TestFrames.calling(result::get).start();
    Gevent.sleep(0);
    result.set("v");
    assertEquals("v", waiting.get());
    assertEquals("v", result.get());
    AsyncResult<String> failed = new AsyncResult<>();
    failed.setException(new IllegalArgumentException("x"));
    assertThrows(IllegalArgumentException.class, failed::get);
    assertThrows(Timeout.class, () -> new AsyncResult<String>().get(20));
    assertThrows(Timeout.class, () -> new AsyncResult<String>().getNowait());
  }

  @Test
  void asyncResultAsALinkTarget() {
    AsyncResult<String> result = new AsyncResult<>();
    Greenlet<String> greenlet = TestFrames.returning("f", "done");
    greenlet.link(result);
    greenlet.start();
    assertEquals("done", result.get());
  }

  // ---------------------------------------------------------------- queues

  @Test
  void queueHandsItemsToWaitingGettersInOrder() {
    Queue<String> queue = new Queue<>();
    Greenlet<String> first = TestFrames.calling(queue::get).start();
    Greenlet<String> second = TestFrames.calling(queue::get).start();
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

  // ---------------------------------------------------------------- locks

  @Test
  void semaphoreIsFair() {
    Semaphore semaphore = new Semaphore(2);
    List<Greenlet<Object>> users = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      users.add(step("in" + i, semaphore::acquire));
    }
    users.forEach(Greenlet::start);
    Gevent.sleep(0);
    assertEquals(Arrays.asList("in0", "in1"), log);
    semaphore.release();
    Gevent.joinAll(users);
    assertEquals(Arrays.asList("in0", "in1", "in2"), log);
    assertFalse(semaphore.acquire(10));
  }

  @Test
  void boundedSemaphoreAndLockRefuseOverRelease() {
    BoundedSemaphore bounded = new BoundedSemaphore(1);
    assertThrows(IllegalStateException.class, bounded::release);
    Lock lock = new Lock();
    lock.acquire();
    assertTrue(lock.locked());
    lock.release();
    assertFalse(lock.locked());
  }

  @Test
  void rlockIsReentrantAndOwned() {
    RLock lock = new RLock();
    lock.acquire();
    lock.acquire();
    Greenlet<Object> other = steps(() -> { }, () -> {
      lock.acquire();
      return null;
    }, ignored -> {
      log.add("other got it");
      lock.release();
      return null;
    }).start();
    Gevent.sleep(0);
    lock.release();
    assertTrue(log.isEmpty(), "still held once");
    lock.release();
    other.join();
    assertEquals(Arrays.asList("other got it"), log);
    assertFalse(lock.locked());
    assertThrows(IllegalStateException.class, lock::release);
  }

  // ---------------------------------------------------------------- pools

  @Test
  void poolMapKeepsOrderAndLimitsConcurrency() {
    Pool pool = new Pool(2);
    int[] running = {0};
    int[] peak = {0};
    List<Integer> squares = pool.map(Arrays.asList(0, 1, 2, 3, 4), n -> steps(() -> peak[0] = Math.max(peak[0], ++running[0]), () -> {
      Gevent.sleep(10 * (5 - n));
      return null;
    }, ignored -> {
      running[0]--;
      return n * n;
    }));
    assertEquals(Arrays.asList(0, 1, 4, 9, 16), squares);
    assertEquals(2, peak[0]);
  }

  @Test
  void imapUnorderedIsInCompletionOrder() {
    Pool pool = new Pool(5);
    List<Integer> done = pool.imapUnordered(Arrays.asList(3, 1, 2), n -> steps(() -> { }, () -> {
      Gevent.sleep(n * 10);
      return null;
    }, ignored -> n));
    assertEquals(Arrays.asList(1, 2, 3), done);
  }

  @Test
  void poolSpawnWaitsForAFreeSlot() {
    Pool pool = new Pool(1);
    pool.spawn(TestFrames.sleeper(log, "first", 20));
    pool.spawn(TestFrames.sleeper(log, "second", 20));
    assertEquals(20, nowMillis(), "the second spawn waited for the first to finish");
    pool.join();
    assertEquals(0, pool.size());
  }

  @Test
  void groupJoinAndKill() {
    Group group = new Group();
    group.spawn(TestFrames.sleeper(log, "short", 10));
    Greenlet<String> longer = group.spawn(TestFrames.sleeper(log, "long", 1000));
    assertFalse(group.join(50));
    assertTrue(group.contains(longer));
    group.kill();
    assertTrue(longer.isDead());
    assertEquals(0, group.size());
    assertTrue(group.join(0));
  }

  // ---------------------------------------------------------------- locals

  @Test
  void greenletLocalsAreSeparate() {
    GreenletLocal<String> local = new GreenletLocal<>(() -> "initial");
    local.set("main");
    Greenlet<String> other = steps(() -> { }, () -> {
      Gevent.sleep(0);
      return null;
    }, ignored -> {
      String first = local.get();
      local.set("other");
      return first + "," + local.get();
    }).start();
    assertEquals("initial,other", other.get());
    assertEquals("main", local.get());
    local.remove();
    assertEquals("initial", local.get());
    assertNull(new GreenletLocal<String>().get());
  }
}
