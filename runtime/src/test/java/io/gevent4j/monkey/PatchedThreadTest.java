package io.gevent4j.monkey;

import static io.gevent4j.testing.Frames.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.testing.VirtualHubTestSupport;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link PatchedThread}, the cooperative {@code Thread.sleep} of monkey patching (gevent's
 * test__monkey.py, the part that concerns the runtime); public API only, through
 * {@link io.gevent4j.testing}. Virtual time; the hub is empty after each test.
 */
class PatchedThreadTest extends VirtualHubTestSupport {
  private Greenlet<Boolean> patchedSleeper(String label, long millis) {
    return steps(() -> { }, () -> {
      try {
        PatchedThread.sleep(millis);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return null;
    }, ignored -> log.add(label));
  }

  @Test
  void sleepFromPlainCodeRunsTheHubForTheDelay() throws InterruptedException {
    Greenlet<Boolean> meanwhile = patchedSleeper("meanwhile", 10).start();
    PatchedThread.sleep(25);
    assertEquals(25, nowMillis());
    assertEquals(Arrays.asList("meanwhile"), log);
    assertEquals(true, meanwhile.get());
    PatchedThread.sleep(0);
    assertEquals(25, nowMillis(), "sleep(0) only yields");
  }

  @Test
  void sleepInsideGreenletsSuspendsOnlyThem() {
    Greenlet<Boolean> slow = patchedSleeper("slow", 30).start();
    Greenlet<Boolean> fast = patchedSleeper("fast", 10).start();
    Gevent.joinAll(slow, fast);
    assertEquals(Arrays.asList("fast", "slow"), log);
    assertEquals(30, nowMillis(), "the sleeps overlapped");
  }

  @Test
  void aNegativeDelayIsRefusedAsThreadSleepDoes() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> PatchedThread.sleep(-1));
    assertEquals("timeout value is negative", thrown.getMessage());
    assertEquals(0, nowMillis());
  }
}
