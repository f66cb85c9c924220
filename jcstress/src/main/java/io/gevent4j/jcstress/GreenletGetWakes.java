package io.gevent4j.jcstress;

import io.gevent4j.annotations.Coroutine;
import io.gevent4j.hubs.Hubs;
import io.gevent4j.hubs.SharedQueue;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * A greenlet on a hub of a group, waiting on an empty {@link SharedQueue}, is woken by a put from
 * another thread through its hub's inbox: no lost wake-up. The actor waits for the greenlet.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = Expect.ACCEPTABLE, desc = "the put woke the greenlet")
@Outcome(id = "STALE", expect = Expect.FORBIDDEN, desc = "lost wake-up: the greenlet waits forever")
@State
public class GreenletGetWakes {
  /** One hub for every run, started once (a hub thread per run would be most of the cost). */
  private static final Hubs HUB = Hubs.start(1);

  private final SharedQueue<Integer> queue = new SharedQueue<>();

  /** Takes one item, on the hub. */
  @Coroutine
  static int take(SharedQueue<Integer> queue) {
    return queue.get();
  }

  @Actor
  public void greenletGets() {
    HUB.spawn(() -> GreenletGetWakesCoroutines.take(queue)).join();
  }

  @Signal
  public void put() {
    queue.put(1);
  }
}
