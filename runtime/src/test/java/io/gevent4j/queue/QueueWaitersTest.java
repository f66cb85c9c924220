package io.gevent4j.queue;

import static io.gevent4j.testing.Frames.calling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gevent4j.CoroutineFrame;
import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.UntransformedCallException;
import io.gevent4j.testing.VirtualHubTestSupport;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The waiting puts and gets of {@link Queue} and {@link Channel}: an untimed wait of a greenlet is
 * the parked greenlet itself, a timed one or one of plain code a {@code Waiter}; all are served in
 * arrival order, and a killed or timed-out waiter leaves the line without disturbing the others.
 */
class QueueWaitersTest extends VirtualHubTestSupport {
  @Test
  void aKilledGetterOfAChannelLeavesTheLine() {
    Channel<String> channel = new Channel<>();
    Greenlet<String> first = calling(channel::get).start();
    Greenlet<String> killed = calling(channel::get).start();
    Greenlet<String> third = calling(channel::get).start();
    Gevent.sleep(0);
    assertTrue(hub.dump().contains(killed + " waiting"), hub.dump());
    killed.kill();
    assertTrue(killed.isSuccessful());
    assertNull(killed.value());
    channel.put("a");
    channel.put("b");
    assertEquals("a", first.get());
    assertEquals("b", third.get());
    assertThrows(Full.class, () -> channel.putNowait("c"), "no getter is left");
  }

  @Test
  void aKilledPutterOfAChannelTakesItsItemAway() {
    Channel<String> channel = new Channel<>();
    Greenlet<Object> first = step("put x", () -> channel.put("x")).start();
    Greenlet<Object> killed = step("put y", () -> channel.put("y")).start();
    Greenlet<Object> third = step("put z", () -> channel.put("z")).start();
    Gevent.sleep(0);
    killed.kill();
    assertEquals("x", channel.get());
    assertEquals("z", channel.get());
    Gevent.joinAll(first, third);
    assertEquals(Arrays.asList("put x", "put z"), log);
    assertThrows(Empty.class, channel::getNowait);
  }

  @Test
  void aKilledPutterOfABoundedQueueLeavesTheLine() {
    Queue<String> queue = new Queue<>(1);
    queue.put("0");
    Greenlet<Object> first = step("put a", () -> queue.put("a")).start();
    Greenlet<Object> killed = step("put b", () -> queue.put("b")).start();
    Greenlet<Object> third = step("put c", () -> queue.put("c")).start();
    Gevent.sleep(0);
    killed.kill();
    assertEquals(Arrays.asList("0", "a", "c"), Arrays.asList(queue.get(), queue.get(), queue.get()));
    Gevent.joinAll(first, third);
    assertEquals(Arrays.asList("put a", "put c"), log);
    assertTrue(queue.isEmpty());
  }

  @Test
  void aKilledGetterOfABoundedQueueLeavesTheLine() {
    Queue<String> queue = new Queue<>(2);
    Greenlet<String> first = calling(queue::get).start();
    Greenlet<String> killed = calling(queue::get).start();
    Greenlet<String> third = calling(queue::get).start();
    Gevent.sleep(0);
    killed.kill();
    queue.put("a");
    queue.put("b");
    assertEquals("a", first.get());
    assertEquals("b", third.get());
    assertTrue(queue.isEmpty());
  }

  @Test
  void timedAndUntimedGettersAreServedInArrivalOrder() {
    Channel<String> channel = new Channel<>();
    Greenlet<String> untimed = calling(channel::get).start();
    Greenlet<String> timed = calling(() -> channel.get(1000)).start();
    Greenlet<String> last = calling(channel::get).start();
    Gevent.sleep(0);
    channel.put("a");
    channel.put("b");
    channel.put("c");
    assertEquals(Arrays.asList("a", "b", "c"), Arrays.asList(untimed.get(), timed.get(), last.get()));
    assertEquals(0, hub.timerCount(), "the served timed getter's timer is cancelled");
  }

  @Test
  void aTimedOutGetterBetweenUntimedOnesKeepsTheirOrder() {
    Channel<String> channel = new Channel<>();
    Greenlet<String> first = calling(channel::get).start();
    Greenlet<String> timed = calling(() -> channel.get(10)).start();
    Greenlet<String> last = calling(channel::get).start();
    timed.join();
    assertInstanceOf(Empty.class, timed.exception());
    channel.put("a");
    channel.put("b");
    assertEquals("a", first.get());
    assertEquals("b", last.get());
  }

  @Test
  void timedAndUntimedPuttersAreServedInArrivalOrder() {
    Queue<String> queue = new Queue<>(1);
    queue.put("0");
    Greenlet<Object> untimed = step("put x", () -> queue.put("x")).start();
    Greenlet<Object> timed = step("put y", () -> queue.put("y", 1000)).start();
    Greenlet<Object> last = step("put z", () -> queue.put("z")).start();
    Gevent.sleep(0);
    assertEquals(Arrays.asList("0", "x", "y", "z"), Arrays.asList(queue.get(), queue.get(), queue.get(), queue.get()));
    Gevent.joinAll(untimed, timed, last);
    assertEquals(Arrays.asList("put x", "put y", "put z"), log);
  }

  @Test
  void plainCodePutsAndGetsBetweenGreenlets() {
    Channel<String> channel = new Channel<>();
    Greenlet<String> getter = calling(channel::get).start();
    channel.put("from plain code"); // waits until the getter comes
    assertEquals("from plain code", getter.get());

    Greenlet<Object> greenletPutter = step("put 1", () -> channel.put("1")).start();
    Gevent.sleep(0);
    Greenlet<Object> plainFirst = step("put 2", () -> channel.put("2"));
    Greenlet<String> laterGetter = calling(channel::get).start();
    assertEquals("1", channel.get(), "plain code takes the first waiting put");
    plainFirst.start();
    assertEquals("2", laterGetter.get());
    Gevent.joinAll(greenletPutter, plainFirst);
    assertEquals(Arrays.asList("put 1", "put 2"), log);
  }

  @Test
  void plainCodeWaitsInLineWithGreenlets() {
    Queue<String> queue = new Queue<>(1);
    queue.put("0");
    Greenlet<Object> before = step("greenlet put", () -> queue.put("g")).start();
    Gevent.sleep(0);
    Greenlet<String> firstGetter = calling(queue::get).start();
    Greenlet<String> secondGetter = calling(queue::get).start();
    queue.put("plain"); // behind the greenlet's put: it waits until both getters made room
    assertEquals("0", firstGetter.get());
    assertEquals("g", secondGetter.get());
    assertEquals("plain", queue.get());
    before.join();
  }

  @Test
  void anUntransformedGetOrPutFailsAndLeavesNoWaiterBehind() {
    Channel<String> channel = new Channel<>();
    Greenlet<Void> getter = Greenlet.of(new Untransformed(() -> channel.get())).start();
    Greenlet<Void> putter = Greenlet.of(new Untransformed(() -> channel.put("x"))).start();
    Gevent.joinAll(getter, putter);
    assertInstanceOf(UntransformedCallException.class, getter.exception());
    assertInstanceOf(UntransformedCallException.class, putter.exception());
    assertThrows(Full.class, () -> channel.putNowait("y"), "no getter waits");
    assertThrows(Empty.class, channel::getNowait, "no putter waits");
  }

  @Test
  void aHandOffAllocatesNothing() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
    assumeTrue(allocations.isThreadAllocatedMemorySupported() && allocations.isThreadAllocatedMemoryEnabled());
    int rounds = 5_000; // two hand-offs a round
    for (int warmUp = 0; warmUp < 5; warmUp++) {
      pingPong(rounds);
    }
    long id = Thread.currentThread().getId();
    long before = allocations.getThreadAllocatedBytes(id);
    pingPong(rounds);
    long allocated = allocations.getThreadAllocatedBytes(id) - before;
    // a Waiter per wait took about 100 bytes a hand-off; what is left is the run's fixed cost
    System.out.println("QueueWaitersTest: " + allocated + " bytes for " + 2 * rounds + " hand-offs");
    assertTrue(allocated < 20_000, allocated + " bytes allocated for " + 2 * rounds + " hand-offs");
  }

  /** Two greenlets passing a ball {@code rounds} times each way through two channels. */
  private static void pingPong(int rounds) {
    Channel<Integer> ping = new Channel<>();
    Channel<Integer> pong = new Channel<>();
    Gevent.joinAll(Greenlet.of(new PingPong(ping, pong, true, rounds)), Greenlet.of(new PingPong(pong, ping, false, rounds)));
  }

  /** A loop of two {@code @Yielding} calls, as generated: put on {@code out} then get from {@code in}, or the reverse. */
  private static final class PingPong extends CoroutineFrame<Void> {
    private static final Integer BALL = 1;
    private final Channel<Integer> out;
    private final Channel<Integer> in;
    private final boolean putFirst;
    private final int rounds;
    private int i;

    PingPong(Channel<Integer> out, Channel<Integer> in, boolean putFirst, int rounds) {
      this.out = out;
      this.in = in;
      this.putFirst = putFirst;
      this.rounds = rounds;
    }

    private void pass(boolean put) {
      if (put) {
        out.put(BALL);
      } else {
        in.get();
      }
    }

    @Override
    protected Object resume$() throws Throwable {
      while (true) {
        switch (state$) {
          case 0:
            if (i == rounds) {
              return null;
            }
            prepare$();
            pass(putFirst);
            if (parked$(1)) {
              return SUSPEND;
            }
            // fall through
          case 1:
            if (resumed$()) {
              result$();
            }
            prepare$();
            pass(!putFirst);
            if (parked$(2)) {
              return SUSPEND;
            }
            // fall through
          case 2:
            if (resumed$()) {
              result$();
            }
            i++;
            state$ = 0;
            break;
          default:
            throw new IllegalStateException();
        }
      }
    }

    @Override
    protected String name$() {
      return "pingPong";
    }

    @Override
    protected Object[] arguments$() {
      return new Object[0];
    }
  }

  /** Makes a {@code @Yielding} call without the generated protocol (no {@code prepare$}). */
  private static final class Untransformed extends CoroutineFrame<Void> {
    private final Runnable call;

    Untransformed(Runnable call) {
      this.call = call;
    }

    @Override
    protected Object resume$() {
      call.run();
      return null;
    }

    @Override
    protected String name$() {
      return "untransformed";
    }

    @Override
    protected Object[] arguments$() {
      return new Object[0];
    }
  }
}
