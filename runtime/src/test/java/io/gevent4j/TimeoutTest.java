package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.event.Event;
import io.gevent4j.testing.Frames;
import org.junit.jupiter.api.Test;

/**
 * gevent's {@code Timeout} (test__timeout.py), from plain code and from greenlets. Kept in
 * {@code io.gevent4j}, the package of {@link Timeout}, on {@link HubTestSupport}. Virtual time;
 * the hub is empty after each test.
 */
class TimeoutTest extends HubTestSupport {
  @Test
  void timeoutRaisesAtTheSuspensionPointOfAGreenlet() {
    Greenlet<Object> sleeper = Frames.steps(() -> Timeout.startNew(50), () -> {
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

  // ---------------------------------------------------------------- constructors, start, millis, cancel

  @Test
  void aConstructedTimeoutIsArmedOnlyByStart() {
    Timeout timeout = new Timeout(40);
    assertEquals(40, timeout.millis());
    assertFalse(timeout.pending(), "not started");
    assertEquals(0, hub.timerCount());
    assertSame(timeout, timeout.start());
    assertTrue(timeout.pending());
    assertSame(timeout, assertThrows(Timeout.class, () -> Gevent.sleep(100)), "it raises itself");
    assertEquals(40, nowMillis());
    assertFalse(timeout.pending(), "fired");
    assertThrows(IllegalArgumentException.class, () -> new Timeout(-1));
  }

  @Test
  void aConstructedTimeoutWithAnExceptionRaisesThatException() {
    IllegalStateException custom = new IllegalStateException("custom");
    Timeout timeout = new Timeout(10, custom);
    assertEquals(10, timeout.millis());
    assertEquals("10 milliseconds", timeout.getMessage());
    timeout.start();
    assertSame(custom, assertThrows(IllegalStateException.class, () -> new Event().await()));
    assertEquals(10, nowMillis());
  }

  @Test
  void cancelDisarmsAndStartRearmsFromNow() {
    new Timeout(5).cancel(); // never started: nothing to do
    Timeout timeout = new Timeout(30).start();
    Gevent.sleep(20);
    timeout.cancel();
    assertFalse(timeout.pending());
    assertEquals(0, hub.timerCount());
    Gevent.sleep(20); // past the first deadline: nothing fires
    timeout.cancel(); // a second cancel does nothing
    timeout.start(); // re-armed for 30 ms from 40
    assertSame(timeout, assertThrows(Timeout.class, () -> Gevent.sleep(100)));
    assertEquals(70, nowMillis());
  }

  @Test
  void restartingAPendingTimeoutMovesItsDeadline() {
    Timeout timeout = new Timeout(30).start();
    Gevent.sleep(20);
    timeout.start();
    assertEquals(1, hub.timerCount(), "the first timer is cancelled");
    assertSame(timeout, assertThrows(Timeout.class, () -> Gevent.sleep(100)));
    assertEquals(50, nowMillis());
  }
}
