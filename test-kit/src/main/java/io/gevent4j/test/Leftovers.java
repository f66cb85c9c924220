package io.gevent4j.test;

import io.gevent4j.Clock;
import io.gevent4j.Greenlet;
import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test left on its hub (live greenlets, ready tasks, timers, open sockets, waits for other
 * threads), and the clean-up that kills it so that the next test starts from nothing. Hub thread
 * only.
 */
final class Leftovers {
  /** How far in virtual time clean-up runs the hub: timers due later are not waited for. */
  static final long CLEAN_UP_MILLIS = 3_600_000;
  /** Clean-up rounds: greenlets spawned by the {@code finally} blocks of killed ones are killed too. */
  private static final int CLEAN_UP_ROUNDS = 3;

  private Leftovers() {
  }

  /** What {@code hub} still holds, as a message with its dump; null if nothing. */
  static String describe(Hub hub) {
    List<String> parts = new ArrayList<>();
    count(parts, hub.liveGreenlets().size(), "live greenlet");
    count(parts, hub.readyCount(), "task ready to run", "tasks ready to run");
    count(parts, hub.timerCount(), "timer");
    count(parts, hub.openChannels(), "open socket");
    if (parts.isEmpty() && !hub.isEmpty()) {
      parts.add("work handed over by another thread, or a wait that another thread is to complete");
    }
    if (parts.isEmpty()) {
      return null;
    }
    return "the test left work behind on its hub: " + String.join(", ", parts)
        + " (join or kill greenlets, close sockets before the test ends)\n" + hub.dump();
  }

  private static void count(List<String> parts, int n, String one) {
    count(parts, n, one, one + "s");
  }

  private static void count(List<String> parts, int n, String one, String several) {
    if (n > 0) {
      parts.add(n + " " + (n == 1 ? one : several));
    }
  }

  /**
   * Kills every live greenlet (so that its {@code finally} blocks run) and runs the hub for up to
   * {@link #CLEAN_UP_MILLIS} of virtual time, a few rounds.
   */
  static void cleanUp(Hub hub) {
    for (int round = 0; round < CLEAN_UP_ROUNDS; round++) {
      List<Greenlet<?>> live = hub.liveGreenlets();
      if (live.isEmpty() && hub.isEmpty()) {
        return;
      }
      for (Greenlet<?> greenlet : live) {
        greenlet.killAsync();
      }
      if (!(hub.clock() instanceof Clock.VirtualClock)) {
        return; // the test installed a hub on real time: only kill
      }
      Waiter<Void> drained = new Waiter<>();
      drained.expireAfter(CLEAN_UP_MILLIS, null); // keeps the hub alive until then: no LoopExit
      drained.await();
    }
  }
}
