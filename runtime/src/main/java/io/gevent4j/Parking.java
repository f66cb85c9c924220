package io.gevent4j;

import io.gevent4j.internal.WaitList;

/**
 * Parks the running greenlet on a {@link WaitList} with no {@link Waiter}: the greenlet itself is
 * the list's entry, and a kill takes it out of the list. Public for the runtime's wait list, not
 * API. Hub thread only.
 */
public final class Parking {
  private Parking() {}

  /**
   * Parks the running greenlet on {@code list} if the call comes from its generated code, and
   * returns it (the caller then adds it to the list and returns a placeholder); returns null for
   * plain code and for a call the processor did not transform, which wait with a {@link Waiter}
   * (whose constructor throws {@link UntransformedCallException} for the latter).
   */
  public static Greenlet<?> parkRunning(WaitList<?> list) {
    Hub hub = Hub.current();
    Greenlet<?> g = hub.running;
    if (g == null || !g.claimCooperative()) {
      return null;
    }
    g.parkOn(list);
    return g;
  }

  /**
   * Delivers {@code result} or {@code failure} to {@code parked}, taken out of {@code list}: it
   * runs at once if {@code bySwitch} from a hub callback, else takes its turn (as
   * {@link Waiter#resumeBySwitch} and {@link Waiter#resume}).
   */
  public static void wake(Greenlet<?> parked, WaitList<?> list, Object result, Throwable failure, boolean bySwitch) {
    if (parked.stopWaitingOn(list)) {
      parked.wake(result, failure, bySwitch);
    }
  }
}
