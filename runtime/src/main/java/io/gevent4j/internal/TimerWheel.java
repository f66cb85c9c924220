package io.gevent4j.internal;

/**
 * The timers of a hub: a hierarchical timing wheel. Hub thread only.
 *
 * <p>Time is cut into ticks of 2<sup>20</sup> ns (about 1 ms). The wheel has a cursor, a tick at
 * or before the hub's clock, and {@value #LEVELS} levels of 1,024 {@link TimerSlot}s, level
 * {@code n} slots being 1024<sup>n</sup> ticks wide. An entry due after the cursor's tick is in the
 * slot of the highest 10-bit digit in which its tick differs from the cursor's (the Linux kernel's
 * and Kafka's layout, with wider levels: a delay under a second never moves, one under 18 minutes
 * moves once). When the cursor moves onto a slot, the slot's entries move down a level, each at
 * most once per level; a bitmap of the slots finds the next occupied one in a few words. The
 * level-0 slot of the cursor's tick is the <em>run</em>: its entries, sorted by deadline once
 * (stably, and only if they are not in order already), fire from its front. An entry scheduled for
 * the cursor's tick or before while the run is under way goes to a small {@link TimerHeap}.
 * Scheduling and removing are O(1) (O(log k) in the heap of k such late entries).
 *
 * <p>Entries fire exactly in deadline order, then scheduling order, as a heap of all would: a slot
 * keeps the order its entries came in, which is scheduling order (a slot is filled by one move from
 * the slot above, then by newer schedules), the sort is stable, and the heap's entries were all
 * scheduled after the run's (the cursor moves on only when both are empty). Deadlines are compared
 * as plain numbers, never by wrapping differences: a deadline computed with {@link #deadline}
 * saturates at {@link Long#MAX_VALUE} (Netty's rule), so a very long or overflowing delay sorts
 * last and never blocks the timers due before it.
 *
 * <p>An entry's place ({@link TimerEntry#timerPlace()}) is its slot's number plus one, shifted
 * 32 bits, then its index there; {@value #HEAP} is the heap's number.
 */
public final class TimerWheel {
  /** log2 of a tick in nanoseconds. */
  private static final int TICK_SHIFT = 20;
  /** Bits of a tick per level: 1,024 slots each. */
  private static final int BITS = 10;
  private static final int SLOTS = 1 << BITS;
  /** Enough levels for every tick: 64 - {@value #TICK_SHIFT} bits. */
  private static final int LEVELS = (64 - TICK_SHIFT + BITS - 1) / BITS;
  /** The slot number of the late entries' heap in a place. */
  static final int HEAP = LEVELS * SLOTS;

  /** Level by level, made when first used. */
  private final TimerSlot[] slots = new TimerSlot[LEVELS * SLOTS];
  /** A bit per occupied slot, by slot number (the run's bit is clear). */
  private final long[] occupied = new long[LEVELS * SLOTS / Long.SIZE];
  /** Where runs are sorted. */
  private final TimerSlot.Scratch sortScratch = new TimerSlot.Scratch();
  /** Entries given for the cursor's tick or before while its run is under way. */
  private final TimerHeap late = new TimerHeap();
  /** The tick every entry of a slot but the run is after; never after the hub's clock. */
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

  /** The place of index {@code index} in slot {@code slot} ({@link #HEAP} for the heap). */
  static long place(int slot, int index) {
    return (long) (slot + 1) << 32 | index & 0xFFFF_FFFFL;
  }

  /** A timer running {@code task} at {@code deadlineNanos}. */
  public Timer add(long deadlineNanos, Runnable task) {
    Timer timer = new Timer(this, deadlineNanos, task);
    add(deadlineNanos, timer);
    return timer;
  }

  /** Adds {@code entry}, which is in no wheel, due at {@code deadlineNanos}. */
  public void add(long deadlineNanos, TimerEntry entry) {
    long tick = tick(deadlineNanos);
    if (tick <= cursor) {
      late.insert(entry, deadlineNanos);
    } else {
      link(entry, deadlineNanos, slotOf(tick));
    }
    size++;
  }

  public int size() {
    return size;
  }

  /**
   * The earliest deadline, or a time before it when the earliest entry is still in a slot (the
   * start of that slot; waiting until then and polling moves the entries on, after which this is
   * exact); {@link Long#MAX_VALUE} when no entry is pending. Never earlier than the cursor's tick.
   */
  public long nextDeadline() {
    TimerSlot run = run();
    if (run != null || !late.isEmpty()) {
      return Math.min(run != null ? run.deadlines[run.first()] : Long.MAX_VALUE,
          late.isEmpty() ? Long.MAX_VALUE : late.firstDeadline());
    }
    long next = nextOccupiedTick();
    return next < 0 ? Long.MAX_VALUE : startOf(next);
  }

  /** Removes and returns the earliest entry if it is due at {@code nowNanos}, else null. */
  public TimerEntry pollDue(long nowNanos) {
    while (true) {
      TimerSlot run = run();
      if (run != null || !late.isEmpty()) {
        // equal deadlines: the run's entries were scheduled before the heap's
        int first = run != null ? run.first() : -1;
        boolean fromRun = run != null && (late.isEmpty() || run.deadlines[first] <= late.firstDeadline());
        if ((fromRun ? run.deadlines[first] : late.firstDeadline()) > nowNanos) {
          return null;
        }
        size--;
        if (!fromRun) {
          return late.pollFirst();
        }
        TimerEntry entry = run.entries[first];
        run.removeAt(first);
        return entry;
      }
      if (!advanceTo(tick(nowNanos))) {
        return null;
      }
    }
  }

  /** Removes {@code entry} if it is in this wheel; returns whether it was. */
  public boolean remove(TimerEntry entry) {
    long place = entry.timerPlace();
    if (place == TimerEntry.NOWHERE) {
      return false;
    }
    int slot = (int) (place >>> 32) - 1;
    int index = (int) place;
    if (slot == HEAP) {
      late.removeAt(index);
    } else if (slots[slot].removeAt(index) && slot != runSlot()) {
      vacate(slot);
    }
    size--;
    return true;
  }

  /** The level-0 slot of the cursor's tick. */
  private int runSlot() {
    return (int) cursor & (SLOTS - 1);
  }

  /** The run if it has an entry left, else null. */
  private TimerSlot run() {
    TimerSlot run = slots[runSlot()];
    return run == null || run.live == 0 ? null : run;
  }

  /** The slot of a tick at or after the cursor's: its digit at the level of its highest digit unlike the cursor's. */
  private int slotOf(long tick) {
    int level = (63 - Long.numberOfLeadingZeros(tick ^ cursor)) / BITS;
    return level * SLOTS + ((int) (tick >>> (level * BITS)) & (SLOTS - 1));
  }

  /**
   * Moves the cursor onto the next occupied slot if that slot starts at {@code limitTick} or
   * before, moving its entries down (those of the cursor's new tick into the run, then sorted);
   * returns whether it did. Otherwise moves the cursor up to {@code limitTick}.
   */
  private boolean advanceTo(long limitTick) {
    long next = nextOccupiedTick();
    if (next < 0 || next > limitTick) {
      cursor = Math.max(cursor, limitTick);
      return false;
    }
    int from = slotOf(next);
    cursor = next;
    vacate(from);
    if (from != runSlot()) {
      TimerSlot source = slots[from];
      TimerEntry[] entries = source.entries;
      long[] deadlines = source.deadlines;
      for (int i = 0, n = source.size; i < n; i++) {
        if (entries[i] != null) {
          link(entries[i], deadlines[i], slotOf(tick(deadlines[i])));
        }
      }
      source.clear();
      vacate(runSlot());
    }
    TimerSlot run = slots[runSlot()];
    if (run != null && run.live != 0) {
      run.sortByDeadline(sortScratch);
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
      int later = occupiedFrom(level * SLOTS + digit + 1, (level + 1) * SLOTS);
      if (later >= 0) {
        long above = cursor & -(1L << (shift + BITS));
        return above | ((long) (later - level * SLOTS) << shift);
      }
    }
    return -1;
  }

  /** The first occupied slot numbered {@code from} to {@code to - 1}, or -1. */
  private int occupiedFrom(int from, int to) {
    if (from >= to) {
      return -1;
    }
    int word = from >>> 6;
    long bits = occupied[word] & (-1L << from);
    while (bits == 0) {
      if (++word << 6 >= to) {
        return -1;
      }
      bits = occupied[word];
    }
    int slot = word << 6 | Long.numberOfTrailingZeros(bits);
    return slot < to ? slot : -1;
  }

  private void occupy(int slot) {
    occupied[slot >>> 6] |= 1L << slot;
  }

  private void vacate(int slot) {
    occupied[slot >>> 6] &= ~(1L << slot);
  }

  private void link(TimerEntry entry, long deadlineNanos, int slot) {
    TimerSlot target = slots[slot];
    if (target == null) {
      target = slots[slot] = new TimerSlot(slot);
    }
    target.append(entry, deadlineNanos);
    occupy(slot);
  }
}
