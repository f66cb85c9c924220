package io.gevent4j.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link IoPoller}: the selector a hub waits in. */
class IoPollerTest {
  /**
   * A wake-up that comes just before the hub selects (it has decided to wait, and another thread
   * hands it work) is kept: the wait returns at once instead of sleeping through it.
   */
  @Test
  void aWakeupBeforeTheWaitEndsTheWaitAtOnce() throws Exception {
    IoPoller poller = new IoPoller();
    Pipe pipe = Pipe.open();
    try {
      pipe.source().configureBlocking(false);
      poller.register(pipe.source(), readyOps -> { }).setInterest(SelectionKey.OP_READ); // never ready
      assertTrue(poller.hasInterest());
      poller.wakeup();
      long start = System.nanoTime();
      poller.await(TimeUnit.SECONDS.toNanos(60));
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(waitedMillis < 30_000, "the wait slept through the wake-up: " + waitedMillis + " ms");
      assertFalse(poller.poll(), "nothing is ready");
    } finally {
      pipe.source().close();
      pipe.sink().close();
      poller.close();
    }
  }
}
