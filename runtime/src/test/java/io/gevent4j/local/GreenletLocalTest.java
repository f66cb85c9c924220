package io.gevent4j.local;

import static io.gevent4j.testing.Frames.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.testing.VirtualHubTestSupport;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link GreenletLocal} (gevent's test__local.py); public API only, through
 * {@link io.gevent4j.testing} (the io.gevent4j test helpers are package-private). Virtual time;
 * the hub is empty after each test.
 */
class GreenletLocalTest extends VirtualHubTestSupport {
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

  @Test
  void theInitialValueIsMadeOncePerGreenletUntilRemoved() {
    AtomicInteger made = new AtomicInteger();
    GreenletLocal<Integer> local = new GreenletLocal<>(made::incrementAndGet);
    assertEquals(1, (int) local.get());
    assertEquals(1, (int) local.get(), "made once");
    Greenlet<Integer> other = steps(() -> { }, () -> null, ignored -> local.get()).start();
    assertEquals(2, (int) other.get(), "another greenlet gets its own");
    local.remove();
    local.remove(); // nothing left to remove
    assertEquals(3, (int) local.get(), "made afresh after remove");
    GreenletLocal<String> nulls = new GreenletLocal<>();
    nulls.set("x");
    assertEquals("x", nulls.get());
    nulls.set(null);
    assertNull(nulls.get(), "null is a value");
  }
}
