package io.gevent4j.socket;

import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import io.gevent4j.internal.IoPoller;
import io.gevent4j.internal.Timer;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * Hub thread only. The readiness plumbing shared by {@link Socket} and {@link ServerSocket}: at
 * most one pending operation per direction, each retried by the hub when the channel is ready,
 * with an optional timeout, and cancelled cleanly (interest cleared, timer cancelled) when the
 * waiting greenlet is killed.
 */
abstract class Channel implements Closeable, IoPoller.Handler {
  /** One pending operation: tries again when the channel is ready; true when it is finished. */
  interface Attempt {
    boolean attempt() throws IOException;
  }

  final Hub hub;
  private final SelectableChannel channel;
  private final SelectionKey key;
  private long timeoutMillis;
  private Pending reading;
  private Pending writing;

  Channel(Hub hub, SelectableChannel channel) throws IOException {
    this.hub = hub;
    this.channel = channel;
    this.key = hub.io().register(channel, this);
  }

  /** Per-operation timeout in milliseconds; 0 (the default) waits without limit. */
  public void setTimeout(long timeoutMillis) {
    if (timeoutMillis < 0) {
      throw new IllegalArgumentException("negative timeout: " + timeoutMillis);
    }
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Parks until {@code attempt} succeeds, retrying it each time the channel is ready for
   * {@code op} ({@link SelectionKey#OP_READ} for the reading direction, anything else for writing).
   * The waiter's result is set by the attempt itself.
   */
  final <T> void park(Waiter<T> waiter, int op, Attempt attempt) {
    Pending pending = new Pending(waiter, op, attempt);
    if (op == SelectionKey.OP_READ || op == SelectionKey.OP_ACCEPT) {
      reading = pending;
    } else {
      writing = pending;
    }
    updateInterest();
    if (timeoutMillis > 0) {
      pending.timer = hub.schedule(timeoutMillis, () -> pending.fail(new SocketTimeoutException("timed out after " + timeoutMillis + " ms")));
    }
    waiter.onCancel(pending::finish);
  }

  @Override
  public final void ready(int readyOps) {
    Pending read = reading;
    if (read != null && (readyOps & read.op) != 0) {
      read.retry();
    }
    Pending write = writing;
    if (write != null && (readyOps & write.op) != 0) {
      write.retry();
    }
  }

  /** Whether the socket is open. */
  public boolean isOpen() {
    return channel.isOpen();
  }

  /** Closes the socket; pending operations fail. Closing twice does nothing. */
  @Override
  public void close() throws IOException {
    if (channel.isOpen()) {
      release();
      channel.close();
    }
  }

  /** Fails the pending operations with a closed-socket error and releases the selector key. */
  private void release() {
    IOException closed = new IOException("socket closed");
    if (reading != null) {
      reading.fail(closed);
    }
    if (writing != null) {
      writing.fail(closed);
    }
    hub.io().cancel(key);
  }

  private void updateInterest() {
    int ops = (reading == null ? 0 : reading.op) | (writing == null ? 0 : writing.op);
    hub.io().setInterest(key, ops);
  }

  /** A parked operation. */
  private final class Pending {
    final Waiter<?> waiter;
    final int op;
    final Attempt attempt;
    Timer timer;

    Pending(Waiter<?> waiter, int op, Attempt attempt) {
      this.waiter = waiter;
      this.op = op;
      this.attempt = attempt;
    }

    void retry() {
      try {
        if (attempt.attempt()) {
          finish();
        }
      } catch (IOException | RuntimeException e) {
        fail(e);
      }
    }

    void fail(Throwable failure) {
      finish();
      waiter.fail(failure);
    }

    /** Stops waiting: no interest, no timer. */
    void finish() {
      if (reading == this) {
        reading = null;
      } else if (writing == this) {
        writing = null;
      }
      if (timer != null) {
        timer.cancel();
      }
      if (key.isValid()) {
        updateInterest();
      }
    }
  }
}
