package io.gevent4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the runtime tests: a fresh hub on a virtual clock per test, which must end empty. */
abstract class HubTestSupport {
  /** The hub of the test thread, installed before each test. */
  protected Hub hub;
  /** What the frames of a test logged, in order. */
  protected final List<String> log = new ArrayList<>();
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

  @BeforeEach
  final void installVirtualHub() {
    install(Clock.virtual());
  }

  @AfterEach
  final void hubIsLeftEmpty() {
    Hub current = Hub.current();
    String state = current.toString();
    boolean empty = current.isEmpty();
    if (!empty) {
      drain(current);
    }
    assertTrue(empty, () -> "test left work behind: " + state);
  }

  /** Runs a virtual-clock hub dry, so that one test's leftovers do not fail the next test's setup. */
  private static void drain(Hub hub) {
    if (hub.clock() instanceof Clock.VirtualClock) {
      try {
        new Waiter<Void>().await();
      } catch (LoopExit expected) {
        // the hub ran out of work
      }
    }
  }

  /** Replaces the test's hub with one on {@code clock}, reporting failures into {@link #errors()}. */
  protected final Hub install(Clock clock) {
    hub = Hub.install(clock);
    hub.setErrorStream(new PrintStream(errors, true));
    return hub;
  }

  /** Everything reported to the hub's error stream so far. */
  protected final String errors() {
    try {
      return errors.toString("UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  /** How often {@code text} occurs in {@link #errors()}. */
  protected final int errorCount(String text) {
    String all = errors();
    int count = 0;
    for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + text.length())) {
      count++;
    }
    return count;
  }

  /** The hub's clock reading, in milliseconds (virtual time in most tests). */
  protected final long nowMillis() {
    return TimeUnit.NANOSECONDS.toMillis(hub.clock().nanoTime());
  }
}
