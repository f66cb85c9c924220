package io.gevent4j.jcstress;

import io.gevent4j.hubs.SharedResult;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZI_Result;

/** Two racing sets of a {@link SharedResult}: exactly one wins, and getters see its value. */
@JCStressTest
@Outcome(id = "true, false, 1", expect = Expect.ACCEPTABLE, desc = "the first set won")
@Outcome(id = "false, true, 2", expect = Expect.ACCEPTABLE, desc = "the second set won")
@Outcome(expect = Expect.FORBIDDEN, desc = "both or neither won, or the value is not the winner's")
@State
public class ResultSetOnce {
  private final SharedResult<Integer> result = new SharedResult<>();

  @Actor
  public void first(ZZI_Result r) {
    r.r1 = result.set(1);
  }

  @Actor
  public void second(ZZI_Result r) {
    r.r2 = result.set(2);
  }

  @Arbiter
  public void value(ZZI_Result r) {
    r.r3 = result.get();
  }
}
