package io.gevent4j.jcstress;

import io.gevent4j.hubs.SharedResult;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/** A getter of a {@link SharedResult} is woken by a set from another thread: no lost wake-up. */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = Expect.ACCEPTABLE, desc = "the set woke the getter")
@Outcome(id = "STALE", expect = Expect.FORBIDDEN, desc = "lost wake-up: the getter waits forever")
@State
public class ResultGetWakes {
  private final SharedResult<String> result = new SharedResult<>();

  @Actor
  public void get() {
    result.get();
  }

  @Signal
  public void set() {
    result.set("v");
  }
}
