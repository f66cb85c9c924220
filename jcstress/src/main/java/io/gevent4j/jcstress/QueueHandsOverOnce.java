package io.gevent4j.jcstress;

import io.gevent4j.hubs.SharedQueue;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A put racing a poll of a {@link SharedQueue}: the item is taken by the poll or left in the
 * queue, exactly once. r1: what the poll got (0: nothing); r2: items left.
 */
@JCStressTest
@Outcome(id = "1, 0", expect = Expect.ACCEPTABLE, desc = "the poll took the item")
@Outcome(id = "0, 1", expect = Expect.ACCEPTABLE, desc = "the poll came first; the item waits")
@Outcome(expect = Expect.FORBIDDEN, desc = "the item was lost or seen twice")
@State
public class QueueHandsOverOnce {
  private final SharedQueue<Integer> queue = new SharedQueue<>();

  @Actor
  public void put() {
    queue.put(1);
  }

  @Actor
  public void poll(II_Result r) {
    Integer item = queue.poll();
    r.r1 = item == null ? 0 : item;
  }

  @Arbiter
  public void left(II_Result r) {
    r.r2 = queue.size();
  }
}
