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

/** The timer heap: deadline order, FIFO ties, due polling and O(log n) cancellation. */
class TimerHeapTest {
  private final TimerHeap heap = new TimerHeap();
  private final List<String> fired = new ArrayList<>();

  private Timer add(long deadline, String label) {
    return heap.add(deadline, () -> fired.add(label));
  }

  /** Fires every timer due at {@code now}, in order. */
  private void fireDue(long now) {
    Timer timer;
    while ((timer = heap.pollDue(now)) != null) {
      assertFalse(timer.isPending());
      timer.fire();
    }
  }

  @Test
  void emptyHeap() {
    assertEquals(0, heap.size());
    assertNull(heap.peek());
    assertNull(heap.pollDue(Long.MAX_VALUE));
  }

  @Test
  void firesInDeadlineOrder() {
    add(30, "c");
    add(10, "a");
    add(20, "b");
    assertEquals(10, heap.peek().deadlineNanos());
    fireDue(100);
    assertEquals(asList("a", "b", "c"), fired);
    assertEquals(0, heap.size());
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
    assertEquals(1, heap.size());
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
    assertFalse(heap.remove(b));
    fireDue(100);
    assertEquals(asList("a", "c"), fired);
    assertFalse(a.cancel(), "a fired timer cannot be cancelled");
  }

  @Test
  void growsPastItsInitialCapacity() {
    for (int i = 1000; i > 0; i--) {
      add(i, Integer.toString(i));
    }
    assertEquals(1000, heap.size());
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
    assertEquals(live.size(), heap.size());
    live.sort(Comparator.comparingLong(Timer::deadlineNanos).thenComparingLong(t -> t.sequence));
    for (Timer expected : live) {
      assertSame(expected, heap.pollDue(Long.MAX_VALUE));
    }
    assertEquals(0, heap.size());
  }
}
