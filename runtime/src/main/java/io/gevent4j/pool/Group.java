package io.gevent4j.pool;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.annotations.Yielding;
import io.gevent4j.event.Event;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Hub thread only. A set of running greenlets (gevent's {@code Group}): a greenlet leaves it when
 * it dies; {@link #join()} waits until it is empty, {@link #kill()} kills every member.
 */
public class Group {
  private final Set<Greenlet<?>> members = new LinkedHashSet<>();
  private final Event empty = new Event();

  /** An empty group. */
  public Group() {
    empty.set();
  }

  /** Adds {@code greenlet} (not starting it); it leaves the group when it dies. Returns it. */
  public <T> Greenlet<T> add(Greenlet<T> greenlet) {
    if (!greenlet.isDead() && members.add(greenlet)) {
      empty.clear();
      greenlet.link(this::discard);
    }
    return greenlet;
  }

  /** Adds and starts {@code greenlet}. Returns it. */
  @Yielding
  public <T> Greenlet<T> spawn(Greenlet<T> greenlet) {
    return add(greenlet).start();
  }

  /** Removes {@code greenlet} from the group (it keeps running). */
  public void discard(Greenlet<?> greenlet) {
    if (members.remove(greenlet)) {
      released();
      if (members.isEmpty()) {
        empty.set();
      }
    }
  }

  /** Called when a member leaves; {@link Pool} hands its slot on. */
  void released() {
  }

  public int size() {
    return members.size();
  }

  public boolean contains(Greenlet<?> greenlet) {
    return members.contains(greenlet);
  }

  /** Waits until every member is dead. */
  @Yielding
  public void join() {
    empty.await();
  }

  /** Waits at most {@code timeoutMillis} for every member to die; returns whether they did. */
  @Yielding
  public boolean join(long timeoutMillis) {
    return empty.await(timeoutMillis);
  }

  /** Kills every member and waits until they are dead. */
  @Yielding
  public void kill() {
    Gevent.killAll(new ArrayList<>(members).toArray(new Greenlet<?>[0]));
  }

  /** Kills one member and waits until it is dead. */
  @Yielding
  public void killOne(Greenlet<?> greenlet) {
    greenlet.kill();
  }
}
