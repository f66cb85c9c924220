package io.gevent4j.queue;

import java.util.ArrayDeque;

/**
 * Hub thread only. A rendezvous: {@link #put} waits until a getter takes the item (gevent's
 * {@code Channel}, a queue of size 0).
 */
public final class Channel<T> extends Queue<T> {
  /** An empty channel. */
  public Channel() {
    super(new ArrayDeque<>(), 0);
  }
}
