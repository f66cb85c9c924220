package io.gevent4j.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * Hub thread only (except {@link #wakeup()}). The hub's I/O readiness backend: one
 * {@link Selector}, opened on first use. Each registered channel has an {@link Handler} that the
 * poller calls when the channel is ready for the operations it is interested in. The hub asks
 * {@link #hasInterest()} to know whether pending I/O keeps it alive.
 */
public final class IoPoller {
  /** Called on the hub thread with the ready operations of a channel. */
  public interface Handler {
    void ready(int readyOps);
  }

  /** Volatile for {@link #wakeup} from other threads; created and closed on the hub thread. */
  private volatile Selector selector;
  private int interested;

  /** One channel's registration: its interest, counted by the poller even once the channel closed under it. */
  public final class Registration {
    private final SelectionKey key;
    private int ops;

    private Registration(SelectionKey key) {
      this.key = key;
    }

    /**
     * Sets the operations the channel waits for (0 for none). The count of waiting channels
     * follows what was set here, not the key, which the JDK cancels when it closes a channel
     * itself (a failed {@code finishConnect}).
     */
    public void setInterest(int newOps) {
      if ((ops == 0) != (newOps == 0)) {
        interested += newOps == 0 ? -1 : 1;
      }
      ops = newOps;
      if (key.isValid()) {
        key.interestOps(newOps);
      }
    }

    /** Forgets the channel (it is closing). */
    public void cancel() {
      setInterest(0);
      key.cancel();
    }
  }

  /** Registers {@code channel} (non-blocking) with no interest yet. */
  public Registration register(SelectableChannel channel, Handler handler) throws IOException {
    if (selector == null) {
      selector = Selector.open();
      warmUpClosing();
    }
    channel.configureBlocking(false);
    return new Registration(channel.register(selector, 0, handler));
  }

  /**
   * Closes a throwaway channel once. The JDK initialises its socket-closing machinery lazily, and
   * that initialisation needs a file descriptor: done first while descriptors run out (a server
   * flooded with connections), it fails with an error that would stop the hub.
   */
  private static void warmUpClosing() throws IOException {
    java.nio.channels.SocketChannel.open().close();
  }

  /** Whether some channel waits for readiness. */
  public boolean hasInterest() {
    return interested > 0;
  }

  /** Number of registered channels (for tests and dumps). */
  public int registrations() {
    return selector == null ? 0 : selector.keys().size();
  }

  /** Number of registered channels not closed or cancelled since (a closed socket's key is invalid). */
  public int openChannels() {
    if (selector == null) {
      return 0;
    }
    int open = 0;
    for (SelectionKey key : selector.keys()) {
      if (key.isValid()) {
        open++;
      }
    }
    return open;
  }

  /** Dispatches the channels ready now, without waiting; returns whether any was. */
  public boolean poll() {
    return select(-1);
  }

  /** Waits up to {@code timeoutNanos} (0: until woken) for readiness, then dispatches. */
  public void await(long timeoutNanos) {
    select(timeoutNanos == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
  }

  /**
   * Closes the selector (a later registration opens a new one): releases at once the descriptors
   * of channels closed since the last poll, which the selector would otherwise hold until it is
   * collected. For a hub whose loop has ended.
   */
  public void close() throws IOException {
    if (selector != null) {
      selector.close();
      selector = null;
    }
  }

  /**
   * Thread-safe: interrupts a waiting {@link #await}, or makes the next one return at once (the
   * hub may be about to select: skipping the wake-up then would lose it).
   */
  public void wakeup() {
    Selector current = selector;
    if (current != null) {
      current.wakeup();
    }
  }

  private boolean select(long timeoutMillis) {
    if (selector == null) {
      return false;
    }
    try {
      if (timeoutMillis < 0) {
        selector.selectNow();
      } else {
        selector.select(timeoutMillis);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
    boolean dispatched = ready.hasNext();
    while (ready.hasNext()) {
      SelectionKey key = ready.next();
      ready.remove();
      try {
        if (key.isValid()) {
          ((Handler) key.attachment()).ready(key.readyOps());
        }
      } catch (CancelledKeyException ignored) {
        // closed meanwhile
      }
    }
    return dispatched;
  }
}
