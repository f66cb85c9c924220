package io.gevent4j.lock;

import static io.gevent4j.testing.Frames.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.testing.VirtualHubTestSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The locks (gevent's test__semaphore.py and test__lock.py): {@link Semaphore},
 * {@link BoundedSemaphore}, {@link Lock} and {@link RLock}; public API only, through
 * {@link io.gevent4j.testing} (the io.gevent4j test helpers are package-private). Virtual time;
 * the hub is empty after each test.
 */
class LockTest extends VirtualHubTestSupport {
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

  // ---------------------------------------------------------------- tryAcquire, availablePermits

  @Test
  void tryAcquireTakesAFreePermitWithoutWaiting() {
    Semaphore semaphore = new Semaphore(2);
    assertEquals(2, semaphore.availablePermits());
    assertTrue(semaphore.tryAcquire());
    assertEquals(1, semaphore.availablePermits());
    assertTrue(semaphore.tryAcquire());
    assertEquals(0, semaphore.availablePermits());
    assertTrue(semaphore.locked());
    assertFalse(semaphore.tryAcquire(), "none free");
    assertEquals(0, semaphore.availablePermits());
    semaphore.release();
    assertEquals(1, semaphore.availablePermits());
    assertFalse(semaphore.locked());
    assertEquals(0, nowMillis(), "nothing waited");
    assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
  }

  @Test
  void aReleaseWithWaitersHandsThePermitOverInsteadOfFreeingIt() {
    Semaphore semaphore = new Semaphore(1);
    semaphore.acquire();
    Greenlet<Object> waiting = step("got it", semaphore::acquire).start();
    Gevent.sleep(0);
    semaphore.release();
    assertEquals(0, semaphore.availablePermits(), "the permit went to the waiter");
    assertFalse(semaphore.tryAcquire());
    waiting.join();
    assertEquals(Arrays.asList("got it"), log);
    semaphore.release();
    assertEquals(1, semaphore.availablePermits());
  }

  @Test
  void boundedSemaphorePermitsStayWithinTheBound() {
    BoundedSemaphore bounded = new BoundedSemaphore(2);
    assertEquals(2, bounded.availablePermits());
    assertTrue(bounded.tryAcquire());
    bounded.release();
    assertEquals(2, bounded.availablePermits());
    assertThrows(IllegalStateException.class, bounded::release);
    assertEquals(2, bounded.availablePermits());
  }
}
