package io.gevent4j.internal;

/**
 * The timers of a hub: a hierarchical timing wheel. Hub thread only.
 *
 * <p>Time is cut into ticks of 2<sup>20</sup> ns (about 1 ms). The wheel has a cursor, a tick at
 * or before the hub's clock. A timer due in the cursor's tick or before is in a small binary heap
 * ordered by deadline, then scheduling order; a later one is linked into a slot of one of {@value #LEVELS}
 * levels of 64 slots, level {@code n} slots being 64<sup>n</sup> ticks wide: the level of the
 * highest 6-bit digit in which its tick differs from the cursor's (the Linux kernel's and Kafka's
 * layout; the cursor only moves within that digit, so a timer's slot always follows from its tick
 * and the cursor). Scheduling is O(1); cancelling is O(1) from a slot (unlinking) and O(log k)
 * from the heap of the k timers of the current tick. When the cursor moves onto a slot, the slot's timers
 * move down a level, or into the heap once they are in the cursor's tick: each timer moves at most
 * once per level. A bitmap per level finds the next occupied slot in a few instructions.
 *
 * <p>Timers fire exactly in deadline order, then scheduling order, as a heap of all timers would.
 * Deadlines are compared as plain numbers, never by wrapping differences: a deadline computed with
 * {@link #deadline} saturates at {@link Long#MAX_VALUE} (Netty's rule), so a very long or
 * overflowing delay sorts last and never blocks the timers due before it.
 */
public final class TimerWheel {
  /** log2 of a tick in nanoseconds. */
  private static final int TICK_SHIFT = 20;
  /** Bits of a tick per level: 64 slots each. */
  private static final int BITS = 6;
  private static final int SLOTS = 1 << BITS;
  /** Enough levels for every tick: 64 - {@value #TICK_SHIFT} bits. */
  private static final int LEVELS = (64 - TICK_SHIFT + BITS - 1) / BITS;

  /** The head of each slot's list, level by level. */
  private final Timer[] slots = new Timer[LEVELS * SLOTS];
  /** Per level, a bit per occupied slot. */
  private final long[] occupied = new long[LEVELS];
  /** The timers due in the cursor's tick or before. */
  private final TimerHeap due = new TimerHeap();
  /** The tick every timer of a slot is after; never after the hub's clock. */
  private long cursor;
  private int size;

  /** A wheel whose cursor starts at {@code nowNanos}, the hub's clock. */
  public TimerWheel(long nowNanos) {
    cursor = tick(nowNanos);
  }

  /** {@code nowNanos + delayNanos} (a delay of 0 or more), {@link Long#MAX_VALUE} if that overflows. */
  public static long deadline(long nowNanos, long delayNanos) {
    long delay = Math.max(0, delayNanos);
    return nowNanos > Long.MAX_VALUE - delay ? Long.MAX_VALUE : nowNanos + delay;
  }

  /** {@code deadlineNanos - nowNanos}, saturated to {@link Long#MAX_VALUE} instead of overflowing. */
  public static long remaining(long deadlineNanos, long nowNanos) {
    long difference = deadlineNanos - nowNanos;
    if (nowNanos < 0 && difference < deadlineNanos) {
      return Long.MAX_VALUE; // overflowed upwards
    }
    return difference;
  }

  /** The tick of a deadline, as a non-negative number in the deadlines' (signed) order. */
  private static long tick(long nanos) {
    return (nanos ^ Long.MIN_VALUE) >>> TICK_SHIFT;
  }

  /** The first nanosecond of {@code tick}. */
  private static long startOf(long tick) {
    return (tick << TICK_SHIFT) ^ Long.MIN_VALUE;
  }

  public Timer add(long deadlineNanos, Runnable task) {
    return addTarget(deadlineNanos, task);
  }

  /** Adds a timer for {@code target}: a {@code Runnable}, or an object its owner handles itself. */
  public Timer addTarget(long deadlineNanos, Object target) {
    Timer timer = new Timer(this, deadlineNanos, target);
    place(timer);
    size++;
    return timer;
  }

  public int size() {
    return size;
  }

  /**
   * The earliest deadline, or a time before it when the earliest timer is still in a slot (the
   * start of that slot; waiting until then and polling moves the timers on, after which this is
   * exact); {@link Long#MAX_VALUE} when no timer is pending. Never earlier than the cursor's tick.
   */
  public long nextDeadline() {
    Timer first = due.peek();
    if (first != null) {
      return first.deadlineNanos();
    }
    long next = nextOccupiedTick();
    return next < 0 ? Long.MAX_VALUE : startOf(next);
  }

  /** Removes and returns the earliest timer if it is due at {@code nowNanos}, else null. */
  public Timer pollDue(long nowNanos) {
    Timer timer;
    while ((timer = due.pollDue(nowNanos)) == null) {
      if (!advanceTo(tick(nowNanos))) {
        return null;
      }
    }
    size--;
    return timer;
  }

  public boolean remove(Timer timer) {
    if (timer.position != Timer.NOWHERE) {
      due.remove(timer);
    } else if (timer.prev != null) {
      unlink(timer, slotOf(tick(timer.deadlineNanos())));
    } else {
      return false;
    }
    size--;
    return true;
  }

  /** Puts {@code timer} in the heap if it is due in the cursor's tick, else in its slot. */
  private void place(Timer timer) {
    long tick = tick(timer.deadlineNanos());
    if (tick <= cursor) {
      due.insert(timer);
    } else {
      link(timer, slotOf(tick));
    }
  }

  /** The slot of a tick after the cursor's: its digit at the level of its highest digit unlike the cursor's. */
  private int slotOf(long tick) {
    int level = (63 - Long.numberOfLeadingZeros(tick ^ cursor)) / BITS;
    return level * SLOTS + ((int) (tick >>> (level * BITS)) & (SLOTS - 1));
  }

  /**
   * Moves the cursor onto the next occupied slot if that slot starts at {@code limitTick} or
   * before, moving its timers down; returns whether it did. Otherwise moves the cursor up to
   * {@code limitTick}.
   */
  private boolean advanceTo(long limitTick) {
    long next = nextOccupiedTick();
    if (next < 0 || next > limitTick) {
      cursor = Math.max(cursor, limitTick);
      return false;
    }
    int slot = slotOf(next);
    cursor = next;
    Timer timer = slots[slot];
    slots[slot] = null;
    occupied[slot / SLOTS] &= ~(1L << (slot & (SLOTS - 1)));
    while (timer != null) {
      Timer following = timer.next;
      timer.prev = null;
      timer.next = null;
      place(timer);
      timer = following;
    }
    return true;
  }

  /**
   * The first tick of the earliest occupied slot (lower levels are always earlier), or -1.
   */
  private long nextOccupiedTick() {
    for (int level = 0; level < LEVELS; level++) {
      int shift = level * BITS;
      int digit = (int) (cursor >>> shift) & (SLOTS - 1);
      long later = occupied[level] & (-2L << digit);
      if (later != 0) {
        long above = cursor & -(1L << (shift + BITS));
        return above | ((long) Long.numberOfTrailingZeros(later) << shift);
      }
    }
    return -1;
  }

  private void link(Timer timer, int slot) {
    Timer head = slots[slot];
    if (head == null) {
      slots[slot] = timer;
      timer.prev = timer;
      occupied[slot / SLOTS] |= 1L << (slot & (SLOTS - 1));
    } else {
      Timer tail = head.prev;
      tail.next = timer;
      timer.prev = tail;
      head.prev = timer;
    }
  }

  private void unlink(Timer timer, int slot) {
    Timer head = slots[slot];
    Timer next = timer.next;
    if (timer == head) {
      slots[slot] = next;
      if (next == null) {
        occupied[slot / SLOTS] &= ~(1L << (slot & (SLOTS - 1)));
      } else {
        next.prev = timer.prev;
      }
    } else {
      timer.prev.next = next;
      (next != null ? next : head).prev = timer.prev;
    }
    timer.prev = null;
    timer.next = null;
  }
}
