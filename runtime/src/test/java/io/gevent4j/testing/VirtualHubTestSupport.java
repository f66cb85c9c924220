package io.gevent4j.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gevent4j.Clock;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.LoopExit;
import io.gevent4j.Waiter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests of the runtime's packages other than {@code io.gevent4j}, on the public API
 * only (the package-private {@code io.gevent4j.HubTestSupport} is not visible there): a fresh hub
 * on a virtual clock per test, which must end empty.
 */
public abstract class VirtualHubTestSupport {
  /** The hub of the test thread, installed before each test. */
  protected Hub hub;
  /** What the greenlets of a test logged, in order. */
  protected final List<String> log = new ArrayList<>();
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

  @BeforeEach
  protected final void installVirtualHub() {
    hub = Hub.install(Clock.virtual());
    hub.setErrorStream(new PrintStream(errors, true));
  }

  @AfterEach
  protected final void hubIsLeftEmpty() {
    Hub current = Hub.current();
    String state = current.toString();
    boolean empty = current.isEmpty();
    if (!empty && current.clock() instanceof Clock.VirtualClock) {
      try {
        new Waiter<Void>().await(); // runs the hub dry so that the next test can install its own
      } catch (LoopExit expected) {
        // the hub ran out of work
      }
    }
    assertTrue(empty, () -> "test left work behind: " + state);
  }

  /** Everything reported to the hub's error stream so far. */
  protected final String errors() {
    try {
      return errors.toString("UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  /** The hub's clock reading, in milliseconds (virtual time). */
  protected final long nowMillis() {
    return TimeUnit.NANOSECONDS.toMillis(hub.clock().nanoTime());
  }

  /** {@link Frames#step} logging into {@link #log}. */
  protected final Greenlet<Object> step(String label, Runnable yieldingCall) {
    return Frames.step(log, label, yieldingCall);
  }
}
