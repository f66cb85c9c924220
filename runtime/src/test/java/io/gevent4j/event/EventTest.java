package io.gevent4j.event;

import static io.gevent4j.testing.Frames.calling;
import static io.gevent4j.testing.Frames.returning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.Timeout;
import io.gevent4j.testing.Frames;
import io.gevent4j.testing.VirtualHubTestSupport;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link Event} and {@link AsyncResult} (gevent's test__event.py), from plain code and from
 * greenlets; public API only, through {@link io.gevent4j.testing} (the io.gevent4j test helpers
 * are package-private). Virtual time; the hub is empty after each test.
 */
class EventTest extends VirtualHubTestSupport {
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
  void isSetFollowsSetAndClear() {
    Event event = new Event();
    assertFalse(event.isSet());
    event.set();
    assertTrue(event.isSet());
    event.set();
    assertTrue(event.isSet(), "setting twice");
    event.clear();
    assertFalse(event.isSet());
  }

  @Test
  void asyncResultDeliversValueOrException() {
    AsyncResult<String> result = new AsyncResult<>();
    Greenlet<String> waiting = calling(result::get).start();
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
    Greenlet<String> greenlet = returning("done");
    greenlet.link(result);
    greenlet.start();
    assertEquals("done", result.get());
  }

  @Test
  void asyncResultFlagsValueAndException() {
    AsyncResult<String> result = new AsyncResult<>();
    assertFalse(result.isReady());
    assertFalse(result.isSuccessful());
    assertNull(result.value());
    assertNull(result.exception());
    result.set("v");
    assertTrue(result.isReady());
    assertTrue(result.isSuccessful());
    assertEquals("v", result.value());
    assertNull(result.exception());
    result.set("later");
    result.setException(new IllegalStateException("later"));
    assertEquals("v", result.value(), "later sets are ignored");
    assertNull(result.exception());

    AsyncResult<String> failed = new AsyncResult<>();
    IllegalStateException failure = new IllegalStateException("x");
    failed.setException(failure);
    failed.set("later");
    assertTrue(failed.isReady());
    assertFalse(failed.isSuccessful());
    assertNull(failed.value());
    assertSame(failure, failed.exception());
    assertSame(failure, assertThrows(IllegalStateException.class, failed::getNowait));
  }

  @Test
  void acceptSetsTheResultFromADeadGreenlet() {
    Greenlet<String> succeeded = returning("value").start();
    IllegalStateException failure = new IllegalStateException("failed on purpose");
    Greenlet<String> failedGreenlet = Frames.steps(() -> {
      throw failure;
    }, () -> null, ignored -> "never");
    failedGreenlet.start();
    Gevent.joinAll(succeeded, failedGreenlet);

    AsyncResult<String> fromValue = new AsyncResult<>();
    fromValue.accept(succeeded);
    assertTrue(fromValue.isSuccessful());
    assertEquals("value", fromValue.getNowait());

    AsyncResult<String> fromFailure = new AsyncResult<>();
    fromFailure.accept(failedGreenlet);
    assertTrue(fromFailure.isReady());
    assertFalse(fromFailure.isSuccessful());
    assertSame(failure, fromFailure.exception());
    assertSame(failure, assertThrows(IllegalStateException.class, fromFailure::get));
    assertTrue(errors().contains("failed on purpose"), "the greenlet's failure was reported");
  }
}
