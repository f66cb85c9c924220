package io.gevent4j;

import static io.gevent4j.TestFrames.stepper;
import static java.util.Arrays.asList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sleeping greenlet is its own timer entry: order, cancelling, sleeping again, startLater. */
class SleepAsTimerTest extends HubTestSupport {

  /** Sleeps 1 s; killed meanwhile, it catches the exit, sleeps {@code millis} more and logs. */
  static final class SleepsAgainWhenKilled extends TestFrames.Frame<Void> {
    private final List<String> log;
    private final long millis;

    SleepsAgainWhenKilled(List<String> log, long millis) {
      super("sleepsAgain", millis);
      this.log = log;
      this.millis = millis;
    }

    @Override
    protected Object resume$() throws Throwable {
      for (;;) {
        switch (state$) {
          case 0:
            prepare$();
            Gevent.sleep(1000);
            if (parked$(1)) {
              return SUSPEND;
            }
            // fall through
          case 1:
            try {
              if (resumed$()) {
                result$();
              }
              log.add("woke");
              return null;
            } catch (GreenletExit e) {
              log.add("caught");
            }
            prepare$();
            Gevent.sleep(millis);
            if (parked$(2)) {
              return SUSPEND;
            }
            // fall through
          case 2:
            if (resumed$()) {
              result$();
            }
            log.add("slept again at " + Hub.current().clock().nanoTime() / 1_000_000);
            return null;
          default:
            throw new IllegalStateException("state " + state$);
        }
      }
    }
  }

  @Test
  void sleepersWithEqualDeadlinesWakeInTheOrderTheySlept() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      stepper(log, "g" + i + "-", 3, 2).start();
    }
    for (char step = 'A'; step <= 'B'; step++) {
      for (int i = 0; i < 200; i++) {
        expected.add("g" + i + "-" + step);
      }
    }
    Gevent.waitIdle();
    assertEquals(expected, log);
    assertEquals(6, nowMillis());
  }

  @Test
  void aGreenletWhoseSleepWasCancelledSleepsAgainAsTheSameEntry() {
    Greenlet<Void> g = Greenlet.of(new SleepsAgainWhenKilled(log, 5)).start();
    Gevent.sleep(0);
    assertEquals(1, hub.timerCount(), "the sleeping greenlet is the one pending timer");
    g.kill(); // waits for it: it sleeps 5 ms more
    assertEquals(asList("caught", "slept again at 5"), log);
    assertTrue(g.isDead());
    assertEquals(0, hub.timerCount(), "the first sleep's entry was removed, not left to fire");
    Gevent.sleep(2000);
    assertEquals(2, log.size(), "nothing fires at the first sleep's deadline");
  }

  @Test
  void startLaterAndSleepsShareTheGreenletsEntryOneAfterTheOther() {
    Greenlet<String> g = stepper(log, "s", 4, 2).startLater(10);
    assertEquals(1, hub.timerCount());
    assertEquals("s", g.get());
    assertEquals(asList("sA", "sB"), log);
    assertEquals(18, nowMillis());
    assertEquals(0, hub.timerCount());
  }
}
