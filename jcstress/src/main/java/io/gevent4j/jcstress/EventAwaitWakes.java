package io.gevent4j.jcstress;

import io.gevent4j.hubs.SharedEvent;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/** A waiter on a {@link SharedEvent} is woken by a set from another thread: no lost wake-up. */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = Expect.ACCEPTABLE, desc = "the set woke the waiter")
@Outcome(id = "STALE", expect = Expect.FORBIDDEN, desc = "lost wake-up: the waiter waits forever")
@State
public class EventAwaitWakes {
  private final SharedEvent event = new SharedEvent();

  @Actor
  public void await() {
    event.await();
  }

  @Signal
  public void set() {
    event.set();
  }
}
