package io.gevent4j.internal;

import java.util.Arrays;

/**
 * The entries of one {@link TimerWheel} slot, in the order they came, with their deadlines in a
 * parallel array: moving a slot's entries on reads two arrays in sequence and touches an entry
 * only to store its new place. Removing an entry leaves a hole (null), so the order stays;
 * the slot closes up its holes once they are three quarters of what follows its first entry. Like the hub's ready queue, a slot keeps
 * the capacity it grew to (a burst of timers is not reallocated the next time). Hub thread only.
 */
final class TimerSlot {
  private static final TimerEntry[] NO_ENTRIES = {};
  private static final long[] NO_DEADLINES = {};

  /** This slot's number in its wheel, part of its entries' places. */
  private final int id;
  TimerEntry[] entries = NO_ENTRIES;
  long[] deadlines = NO_DEADLINES;
  /** Entries and holes. */
  int size;
  /** Entries. */
  int live;
  /** Every index before it is a hole: where {@link #first} starts looking. */
  private int head;
  /** What {@link #touchEntries} read, kept so that it must read it. */
  private long touched;

  TimerSlot(int id) {
    this.id = id;
  }

  void append(TimerEntry entry, long deadlineNanos) {
    if (size == entries.length) {
      int capacity = Math.max(16, size * 2);
      entries = Arrays.copyOf(entries, capacity);
      deadlines = Arrays.copyOf(deadlines, capacity);
    }
    entries[size] = entry;
    deadlines[size] = deadlineNanos;
    entry.timerPlace(TimerWheel.place(id, size++));
    live++;
  }

  /** The index of the first entry; the slot must not be empty. */
  int first() {
    while (entries[head] == null) {
      head++;
    }
    return head;
  }

  /** Removes the entry at {@code index}; returns whether the slot is empty now. */
  boolean removeAt(int index) {
    entries[index].timerPlace(TimerEntry.NOWHERE);
    entries[index] = null;
    if (--live == 0) {
      clear();
      return true;
    }
    if (index == head) {
      head++; // a run firing from its front leaves no holes to close up
    } else if (size - head >= 64 && live < (size - head) >>> 2) {
      compact();
    }
    return false;
  }

  /** Empties the slot (its entries were moved on or removed). */
  void clear() {
    Arrays.fill(entries, 0, size, null);
    size = 0;
    live = 0;
    head = 0;
  }

  /** Closes up the holes, keeping the order. */
  void compact() {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      TimerEntry entry = entries[i];
      if (entry != null) {
        if (kept != i) {
          entries[kept] = entry;
          deadlines[kept] = deadlines[i];
          entry.timerPlace(TimerWheel.place(id, kept));
        }
        kept++;
      }
    }
    Arrays.fill(entries, kept, size, null);
    size = kept;
    head = 0;
  }

  /**
   * Orders the entries by deadline, keeping the order of equal ones (a stable merge sort, done only
   * when they are not in order already); closes up holes first. Either way every entry is read
   * once, in a loop of independent loads, so that the run's cache misses overlap here rather than
   * come one by one as its entries fire.
   */
  void sortByDeadline(Scratch scratch) {
    if (live < size) {
      compact();
    }
    int i = 1;
    while (i < size && deadlines[i - 1] <= deadlines[i]) {
      i++;
    }
    if (i >= size) {
      touchEntries();
      return;
    }
    scratch.fit(size);
    TimerEntry[] entriesCopy = scratch.entries;
    long[] deadlinesCopy = scratch.deadlines;
    System.arraycopy(entries, 0, entriesCopy, 0, size);
    System.arraycopy(deadlines, 0, deadlinesCopy, 0, size);
    mergeSort(entriesCopy, deadlinesCopy, entries, deadlines, 0, size);
    Arrays.fill(entriesCopy, 0, size, null); // the scratch keeps no timer alive
    for (int k = 0; k < size; k++) {
      entries[k].timerPlace(TimerWheel.place(id, k));
    }
  }

  /**
   * The arrays a sort works in, one pair per wheel, kept at the largest size a run needed so that
   * sorting a run allocates nothing once the wheel has seen one as large. Hub thread only.
   */
  static final class Scratch {
    private TimerEntry[] entries = NO_ENTRIES;
    private long[] deadlines = NO_DEADLINES;

    /** Makes both arrays hold at least {@code size} elements. */
    void fit(int size) {
      if (entries.length < size) {
        int capacity = Math.max(size, 2 * entries.length);
        entries = new TimerEntry[capacity];
        deadlines = new long[capacity];
      }
    }
  }

  /** Reads each entry's place (the value is kept only so that the reads are not optimised away). */
  private void touchEntries() {
    long places = 0;
    for (int k = 0; k < size; k++) {
      places += entries[k].timerPlace();
    }
    touched = places;
  }

  /** Sorts {@code [from, to)} of {@code source} into {@code target}; both hold the same entries there. */
  private static void mergeSort(TimerEntry[] sourceEntries, long[] sourceDeadlines,
      TimerEntry[] targetEntries, long[] targetDeadlines, int from, int to) {
    if (to - from < 2) {
      return;
    }
    int middle = (from + to) >>> 1;
    // sort each half of target into source, then merge them back into target
    mergeSort(targetEntries, targetDeadlines, sourceEntries, sourceDeadlines, from, middle);
    mergeSort(targetEntries, targetDeadlines, sourceEntries, sourceDeadlines, middle, to);
    int left = from;
    int right = middle;
    for (int k = from; k < to; k++) {
      boolean takeLeft = right >= to || left < middle && sourceDeadlines[left] <= sourceDeadlines[right];
      int take = takeLeft ? left++ : right++;
      targetEntries[k] = sourceEntries[take];
      targetDeadlines[k] = sourceDeadlines[take];
    }
  }
}
