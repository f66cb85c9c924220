package io.gevent4j.internal;

/**
 * What a {@link TimerWheel} holds: an object that remembers its place in the wheel, so that
 * removing it is O(1). A {@link Timer} is one; so is a sleeping greenlet, which is its own entry
 * (no object per sleep). Hub thread only.
 *
 * <p>The class has no fields, so the hub's other ready tasks that extend it cost nothing; an entry
 * keeps its place in a {@code long} field of its own, behind the two hooks, which only the wheel
 * calls (and which fail on a class that never enters a wheel).
 */
public abstract class TimerEntry {
  /** The place of an entry that is in no wheel: 0, a field's default. */
  static final long NOWHERE = 0;

  protected TimerEntry() {}

  /** The place the wheel last gave this entry, {@link #NOWHERE} when none. */
  protected long timerPlace() {
    throw new UnsupportedOperationException(getClass().getName() + " is no timer entry");
  }

  /** Stores the place the wheel gives this entry. */
  protected void timerPlace(long place) {
    throw new UnsupportedOperationException(getClass().getName() + " is no timer entry");
  }
}
