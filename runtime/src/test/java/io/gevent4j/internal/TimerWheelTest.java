package io.gevent4j.internal;

import static java.util.Arrays.asList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The timer wheel: deadline order, FIFO ties, due polling, cancellation from a slot or the due
 * wheel, deadlines beyond a rotation and near the ends of time, and a next deadline that never lies.
 */
class TimerWheelTest {
  private static final long MS = 1_000_000;
  private TimerWheel wheel = new TimerWheel(0);
  private final List<String> fired = new ArrayList<>();

  private Timer add(long deadline, String label) {
    return wheel.add(deadline, () -> fired.add(label));
  }

  /** Fires every timer due at {@code now}, in order. */
  private void fireDue(long now) {
    Timer timer;
    while ((timer = (Timer) wheel.pollDue(now)) != null) {
      assertFalse(timer.isPending());
      timer.fire();
    }
  }

  @Test
  void emptyWheel() {
    assertEquals(0, wheel.size());
    assertEquals(Long.MAX_VALUE, wheel.nextDeadline());
    assertNull(wheel.pollDue(Long.MAX_VALUE));
  }

  @Test
  void firesInDeadlineOrder() {
    add(30, "c");
    add(10, "a");
    add(20, "b");
    assertEquals(10, wheel.nextDeadline(), "in the cursor's tick: exact");
    fireDue(100);
    assertEquals(asList("a", "b", "c"), fired);
    assertEquals(0, wheel.size());
  }

  @Test
  void equalDeadlinesFireInInsertionOrder() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      add(5, "t" + i);
      expected.add("t" + i);
    }
    fireDue(5);
    assertEquals(expected, fired);
  }

  @Test
  void pollDueReturnsOnlyTimersThatAreDue() {
    add(10, "a");
    add(20, "b");
    fireDue(9);
    assertEquals(Collections.<String>emptyList(), fired);
    fireDue(10);
    assertEquals(asList("a"), fired);
    assertEquals(1, wheel.size());
  }

  @Test
  void cancelRemovesOnlyOnce() {
    Timer a = add(10, "a");
    Timer b = add(20, "b");
    add(30, "c");
    assertTrue(b.isPending());
    assertTrue(b.cancel());
    assertFalse(b.isPending());
    assertFalse(b.cancel());
    assertFalse(wheel.remove(b));
    fireDue(100);
    assertEquals(asList("a", "c"), fired);
    assertFalse(a.cancel(), "a fired timer cannot be cancelled");
  }

  @Test
  void growsPastItsInitialCapacity() {
    for (int i = 1000; i > 0; i--) {
      add(i, Integer.toString(i));
    }
    assertEquals(1000, wheel.size());
    fireDue(1000);
    for (int i = 0; i < 1000; i++) {
      assertEquals(Integer.toString(i + 1), fired.get(i));
    }
  }

  @Test
  void randomAddsAndCancelsMatchASortedReference() {
    Random random = new Random(42);
    List<Timer> live = new ArrayList<>();
    for (int round = 0; round < 20_000; round++) {
      if (live.isEmpty() || random.nextInt(3) > 0) {
        long deadline = random.nextInt(500);
        live.add(add(deadline, "x"));
      } else {
        Timer victim = live.remove(random.nextInt(live.size()));
        assertTrue(victim.cancel());
      }
    }
    assertEquals(live.size(), wheel.size());
    live.sort(Comparator.comparingLong(Timer::deadlineNanos)); // stable: ties stay in scheduling order
    for (Timer expected : live) {
      assertSame(expected, wheel.pollDue(Long.MAX_VALUE));
    }
    assertEquals(0, wheel.size());
  }

  @Test
  void farDeadlinesBeyondOneRotationFireInOrder() {
    long[] deadlines = {3 * MS, 70 * MS, 5_000 * MS, 300_000 * MS, 86_400_000 * MS, Long.MAX_VALUE, 4 * MS};
    for (long deadline : deadlines) {
      add(deadline, Long.toString(deadline));
    }
    fireDue(86_400_000 * MS - 1);
    assertEquals(asList(Long.toString(3 * MS), Long.toString(4 * MS), Long.toString(70 * MS),
        Long.toString(5_000 * MS), Long.toString(300_000 * MS)), fired);
    assertEquals(2, wheel.size());
    fireDue(Long.MAX_VALUE);
    assertEquals(7, fired.size());
    assertEquals(Long.toString(Long.MAX_VALUE), fired.get(6));
  }

  @Test
  void cancelUnlinksFromAnySlotOfAnyLevel() {
    Timer head = add(10 * MS, "head");
    Timer middle = add(10 * MS, "middle");
    Timer tail = add(10 * MS, "tail");
    Timer far = add(100_000_000 * MS, "far"); // level 2
    Timer current = add(5, "current tick");
    assertTrue(middle.cancel());
    assertTrue(far.cancel());
    assertTrue(current.cancel());
    assertFalse(far.isPending());
    assertEquals(2, wheel.size());
    assertTrue(head.cancel());
    fireDue(Long.MAX_VALUE);
    assertEquals(asList("tail"), fired);
    assertFalse(tail.cancel(), "a fired timer cannot be cancelled");
    assertEquals(Long.MAX_VALUE, wheel.nextDeadline());
  }

  @Test
  void equalDeadlinesKeepSchedulingOrderAcrossLevels() {
    // scheduled at different times, hence from different levels, for the same deadline
    add(3_000 * MS, "first"); // level 1: more than 1,024 ticks ahead
    fireDue(2_500 * MS); // its level-1 slot starts before 2.5 s: it moves down to level 0
    add(3_000 * MS, "second"); // straight into level 0, behind it
    fireDue(3_000 * MS - 10_000); // in 3 s's tick (it starts 25 us before): the first two move to the run
    add(3_000 * MS, "third"); // straight into the due heap, behind them
    fireDue(3_000 * MS);
    assertEquals(asList("first", "second", "third"), fired);
  }

  @Test
  void nextDeadlineIsExactOrEarlierAndWaitingForItReachesTheTimer() {
    add(5_000 * MS + 123, "a");
    long now = 0;
    int waits = 0;
    while (fired.isEmpty()) {
      long next = wheel.nextDeadline();
      assertTrue(next > now || next == 5_000 * MS + 123, "progress");
      assertTrue(next <= 5_000 * MS + 123, "never after the deadline");
      now = next;
      fireDue(now);
      waits++;
    }
    assertEquals(5_000 * MS + 123, now, "the last wait is for the deadline itself");
    assertTrue(waits <= 9, "at most one early wake-up per level: " + waits);
  }

  @Test
  void worksAroundANegativeClockOrigin() {
    wheel = new TimerWheel(-10 * MS);
    add(-9 * MS, "b");
    add(-10 * MS, "a");
    add(30 * MS, "c");
    fireDue(-9 * MS);
    assertEquals(asList("a", "b"), fired);
    fireDue(30 * MS);
    assertEquals(asList("a", "b", "c"), fired);
  }

  @Test
  void randomSchedulesCancelsAndTimeMatchAReference() {
    Random random = new Random(16);
    List<Timer> live = new ArrayList<>();
    List<Timer> expectedOrder = new ArrayList<>();
    List<Timer> firedTimers = new ArrayList<>();
    long now = 0;
    for (int round = 0; round < 50_000; round++) {
      int action = random.nextInt(10);
      if (action < 6) {
        long delay = random.nextBoolean() ? random.nextInt(3) * MS : (long) (Math.pow(10, random.nextInt(12)) * random.nextDouble());
        live.add(wheel.add(TimerWheel.deadline(now, delay), () -> { }));
      } else if (action < 8 && !live.isEmpty()) {
        assertTrue(live.remove(random.nextInt(live.size())).cancel());
      } else {
        now += random.nextInt(4) * MS + random.nextInt(1000);
        live.sort(Comparator.comparingLong(Timer::deadlineNanos));
        while (!live.isEmpty() && live.get(0).deadlineNanos() <= now) {
          expectedOrder.add(live.remove(0));
        }
        Timer timer;
        while ((timer = (Timer) wheel.pollDue(now)) != null) {
          firedTimers.add(timer);
        }
        assertEquals(expectedOrder, firedTimers);
        assertEquals(live.size(), wheel.size());
        assertTrue(live.isEmpty() || wheel.nextDeadline() <= live.get(0).deadlineNanos());
        assertTrue(wheel.nextDeadline() > now);
      }
    }
  }

  @Test
  void aTickOfUnsortedDeadlinesFiresInDeadlineOrderThenSchedulingOrder() {
    long tick = 5 * MS; // all in one tick, scheduled out of order: the run is sorted, stably
    add(tick + 900, "900");
    add(tick + 100, "100");
    add(tick + 900, "900b");
    add(tick + 100, "100b");
    add(tick + 500, "500");
    fireDue(tick + 100);
    assertEquals(asList("100", "100b"), fired);
    assertEquals(tick + 500, wheel.nextDeadline(), "exact once the run is formed");
    fireDue(tick + 1000);
    assertEquals(asList("100", "100b", "500", "900", "900b"), fired);
  }

  @Test
  void entriesGivenDuringARunFireAfterItsEqualDeadlinesAndBeforeLaterOnes() {
    long deadline = 10 * MS;
    add(deadline, "run");
    fireDue(deadline - 10); // the cursor is in the deadline's tick: "run" is its run, not due yet
    add(deadline, "late");
    add(deadline - 5, "late, earlier");
    fireDue(deadline);
    assertEquals(asList("late, earlier", "run", "late"), fired);
  }

  @Test
  void cancellingMostOfARunClosesItsHolesAndKeepsItsOrder() {
    List<Timer> timers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      timers.add(add(10 * MS, Integer.toString(i)));
    }
    for (int i = 0; i < 50; i++) {
      assertSame(timers.get(i), wheel.pollDue(10 * MS));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 50; i < 300; i++) {
      if (i % 10 == 0) {
        expected.add(Integer.toString(i));
      } else {
        assertTrue(timers.get(i).cancel());
      }
    }
    assertEquals(expected.size(), wheel.size());
    fireDue(10 * MS);
    assertEquals(expected, fired);
    assertFalse(timers.get(51).isPending());
  }

  /** An entry of another class than {@link Timer}, as a sleeping greenlet is. */
  private static final class Entry extends TimerEntry {
    private long place;

    @Override
    protected long timerPlace() {
      return place;
    }

    @Override
    protected void timerPlace(long place) {
      this.place = place;
    }
  }

  @Test
  void anyEntryCanBeAddedRemovedAndAddedAgain() {
    Entry entry = new Entry();
    wheel.add(100 * MS, entry);
    assertTrue(wheel.remove(entry));
    assertFalse(wheel.remove(entry), "no longer in the wheel");
    wheel.add(3 * MS, entry);
    Timer timer = add(3 * MS, "timer");
    assertEquals(2, wheel.size());
    assertNull(wheel.pollDue(3 * MS - 1));
    assertSame(entry, wheel.pollDue(3 * MS));
    assertSame(timer, wheel.pollDue(3 * MS));
    assertFalse(wheel.remove(entry), "fired");
    assertEquals(0, wheel.size());
  }
}
