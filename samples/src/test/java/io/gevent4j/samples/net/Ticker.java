package io.gevent4j.samples.net;

import io.gevent4j.Gevent;
import io.gevent4j.annotations.Coroutine;
import java.util.List;

/** A greenlet that shows the hub is free: it ticks {@code count} times, yielding between ticks. */
final class Ticker {
  private Ticker() {}

  @Coroutine
  static Object tick(List<String> ticks, int count) {
    for (int i = 0; i < count; i++) {
      ticks.add("tick " + i);
      Gevent.sleep(0);
    }
    return null;
  }
}
