package io.gevent4j.jcstress;

import io.gevent4j.hubs.SharedQueue;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/** A getter waiting on an empty {@link SharedQueue} is woken by a put from another thread: no lost wake-up. */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = Expect.ACCEPTABLE, desc = "the put woke the getter")
@Outcome(id = "STALE", expect = Expect.FORBIDDEN, desc = "lost wake-up: the getter waits forever")
@State
public class QueueGetWakes {
  private final SharedQueue<Integer> queue = new SharedQueue<>();

  @Actor
  public void get() {
    queue.get();
  }

  @Signal
  public void put() {
    queue.put(1);
  }
}
