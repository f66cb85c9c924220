package io.gevent4j.test;

import io.gevent4j.Gevent;
import io.gevent4j.Timeout;
import io.gevent4j.annotations.Coroutine;
import io.gevent4j.event.Event;
import java.util.List;

/** Coroutines for the kit's tests, compiled by the gevent4j processor. */
final class Workers {
  private Workers() {
  }

  /** Sleeps, then logs {@code label} with the virtual time it woke at. */
  @Coroutine
  static String sleeper(List<String> log, String label, long millis) {
    Gevent.sleep(millis);
    log.add(label);
    return label;
  }

  /** Sleeps in a loop until killed, logging "finally" when its {@code finally} block runs. */
  @Coroutine
  static void forever(List<String> log) {
    try {
      while (true) {
        Gevent.sleep(1000);
      }
    } finally {
      log.add("finally");
    }
  }

  /** Sleeps 10 ms, then fails. */
  @Coroutine
  static String failing(String message) {
    Gevent.sleep(10);
    throw new IllegalStateException(message);
  }

  /** Works {@code workMillis} under a timeout of {@code timeoutMillis}. */
  @Coroutine
  @SuppressWarnings("try") // the resource is only closed
  static String underTimeout(long timeoutMillis, long workMillis) {
    try (Timeout timeout = Timeout.startNew(timeoutMillis)) {
      Gevent.sleep(workMillis);
      return "done";
    } catch (Timeout expired) {
      return "timed out";
    }
  }

  /** Waits until {@code event} is set. */
  @Coroutine
  static String awaiting(Event event) {
    event.await();
    return "set";
  }
}
