package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** joinAll with timeout, count and raise-error; kill with a timeout; waitIdle. */
class LifecycleExtrasTest extends HubTestSupport {
  @Test
  void joinAllWithTimeoutReturnsTheFinishedSubset() {
    Greenlet<String> fast = TestFrames.sleeper(log, "fast", 10);
    Greenlet<String> slow = TestFrames.sleeper(log, "slow", 100);
    List<Greenlet<?>> done = Gevent.joinAll(50, fast, slow);
    assertEquals(Arrays.asList(fast), done);
    assertEquals(50, nowMillis());
    slow.join();
  }

  @Test
  void joinAllWithCountReturnsAfterThatMany() {
    Greenlet<String> a = TestFrames.sleeper(log, "a", 30);
    Greenlet<String> b = TestFrames.sleeper(log, "b", 10);
    Greenlet<String> c = TestFrames.sleeper(log, "c", 20);
    List<Greenlet<?>> done = Gevent.joinAll(Arrays.asList(a, b, c), -1, false, 2);
    assertEquals(Arrays.asList(b, c), done);
    a.join();
  }

  @Test
  void joinAllRaisesTheFirstFailureAtOnce() {
    IllegalStateException failure = new IllegalStateException("first");
    Greenlet<Object> failing = TestFrames.throwing(failure);
    Greenlet<String> slow = TestFrames.sleeper(log, "slow", 100);
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> Gevent.joinAll(Arrays.asList(failing, slow), -1, true, 0));
    assertSame(failure, thrown);
    assertFalse(slow.isDead(), "the others keep running");
    slow.join();
  }

  @Test
  void killWithTimeout() {
    Greenlet<String> sleeper = TestFrames.sleeper(log, "never", 1000).start();
    Gevent.sleep(0);
    assertTrue(sleeper.kill(10));
    assertTrue(sleeper.isDead());
  }

  @Test
  void waitIdleRunsEverythingThatIsLeft() {
    TestFrames.sleeper(log, "a", 30).start();
    TestFrames.sleeper(log, "b", 10).start();
    Gevent.waitIdle();
    assertEquals(Arrays.asList("a", "b").size(), log.size());
    assertTrue(hub.isEmpty());
    assertEquals(30, nowMillis());
  }

  @Test
  void getWithTimeoutRaisesTimeoutAndLeavesTheGreenletRunning() {
    Greenlet<String> slow = TestFrames.sleeper(log, "slow", 100).start();
    assertThrows(Timeout.class, () -> slow.get(10));
    assertFalse(slow.isDead());
    assertEquals("slow", slow.get(1000));
  }

  @Test
  void withTimeoutReturnsTheValueOrKillsAndRaises() {
    assertEquals("fast", Gevent.withTimeout(50, TestFrames.sleeper(log, "fast", 10)));
    Greenlet<String> slow = TestFrames.sleeper(log, "slow", 100);
    assertThrows(Timeout.class, () -> Gevent.withTimeout(20, slow));
    slow.join();
    assertTrue(slow.isSuccessful(), "killed on timeout");
    assertEquals(10 + 20, nowMillis());
  }

  @Test
  void theHubIsAnExecutor() {
    java.util.concurrent.Executor executor = hub;
    executor.execute(() -> log.add("ran"));
    Gevent.waitIdle();
    assertEquals(Arrays.asList("ran"), log);
  }
}
