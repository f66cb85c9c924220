package io.gevent4j.socket;

import io.gevent4j.Hub;
import io.gevent4j.Waiter;
import io.gevent4j.internal.IoPoller;
import io.gevent4j.internal.Timer;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * Hub thread only. The readiness plumbing shared by {@link Socket}, {@link ServerSocket} and
 * {@link DatagramSocket}: at most one pending operation per direction (reading, writing), each
 * retried by the hub when the channel is ready, bounded by that direction's timeout, and
 * cancelled cleanly (interest cleared, timer cancelled) when the waiting greenlet is killed.
 * Operations that complete without waiting spend the hub's {@link io.gevent4j.internal.IoBudget}
 * and yield once it is used up.
 */
abstract class Channel implements Closeable, IoPoller.Handler {
  /** One pending operation: tries again when the channel is ready; true when it is finished. */
  interface Attempt {
    boolean attempt() throws IOException;
  }

  /** An {@link Attempt} that handles its own failures (a timeout, an I/O error). */
  interface Operation extends Attempt {
    void failed(IOException failure);
  }

  final Hub hub;
  private final SelectableChannel channel;
  private final IoPoller.Registration registration;
  private long readTimeoutMillis;
  private long writeTimeoutMillis;
  private Pending reading;
  private Pending writing;
  /** Why the channel was closed under its user ({@link #abort}), thrown by later operations. */
  private IOException aborted;

  Channel(Hub hub, SelectableChannel channel) throws IOException {
    this.hub = hub;
    this.channel = channel;
    this.registration = hub.io().register(channel, this);
  }

  /** Both the read and the write timeout, in milliseconds (gevent's {@code settimeout}); 0 waits without limit. */
  public void setTimeout(long timeoutMillis) {
    setReadTimeout(timeoutMillis);
    setWriteTimeout(timeoutMillis);
  }

  /** How long each read (or accept, or receive) may wait, in milliseconds; 0 (the default) waits without limit. */
  public void setReadTimeout(long timeoutMillis) {
    readTimeoutMillis = checkedTimeout(timeoutMillis);
  }

  /** How long each write (or send) may wait, in milliseconds; 0 (the default) waits without limit. */
  public void setWriteTimeout(long timeoutMillis) {
    writeTimeoutMillis = checkedTimeout(timeoutMillis);
  }

  /** The read timeout in milliseconds (0: none). */
  public long readTimeout() {
    return readTimeoutMillis;
  }

  /** The write timeout in milliseconds (0: none). */
  public long writeTimeout() {
    return writeTimeoutMillis;
  }

  /** Sets a socket option (see {@link java.net.StandardSocketOptions}). */
  public <T> void setOption(SocketOption<T> option, T value) throws IOException {
    ((NetworkChannel) channel).setOption(option, value);
  }

  /** The value of a socket option. */
  public <T> T getOption(SocketOption<T> option) throws IOException {
    return ((NetworkChannel) channel).getOption(option);
  }

  /** Applies the options and the read and write timeouts of {@code options}. */
  final void configure(SocketOptions options) throws IOException {
    options.applyTo((NetworkChannel) channel);
    setReadTimeout(options.readTimeoutMillis());
    setWriteTimeout(options.writeTimeoutMillis());
  }

  private static long checkedTimeout(long timeoutMillis) {
    if (timeoutMillis < 0) {
      throw new IllegalArgumentException("negative timeout: " + timeoutMillis);
    }
    return timeoutMillis;
  }

  /**
   * Parks until {@code attempt} succeeds, retrying it each time the channel is ready for
   * {@code op}: {@link SelectionKey#OP_READ} or {@link SelectionKey#OP_ACCEPT} for the reading
   * direction (and its timeout), anything else for writing. The waiter's result is set by the
   * attempt itself; a failure or the timeout fails the waiter.
   */
  final <T> void park(Waiter<T> waiter, int op, Attempt attempt) {
    boolean read = op == SelectionKey.OP_READ || op == SelectionKey.OP_ACCEPT;
    long timeout = read ? readTimeoutMillis : writeTimeoutMillis;
    Pending pending = park(op, read, timeout, read ? "read" : "write", new Operation() {
      @Override
      public boolean attempt() throws IOException {
        return attempt.attempt();
      }

      @Override
      public void failed(IOException failure) {
        waiter.fail(failure);
      }
    });
    waiter.onCancel(pending::finish);
  }

  /**
   * Parks {@code operation} in the reading or writing direction until it finishes or fails, for
   * at most {@code timeoutMillis} (0: no limit), after which it fails with a
   * {@link SocketTimeoutException} saying "{@code what} timed out". Returns the pending operation,
   * whose {@link Pending#finish()} abandons it.
   */
  final Pending park(int op, boolean read, long timeoutMillis, String what, Operation operation) {
    Pending pending = new Pending(op, operation);
    if (read) {
      reading = pending;
    } else {
      writing = pending;
    }
    updateInterest();
    if (timeoutMillis > 0) {
      pending.timer = hub.schedule(timeoutMillis, () -> pending.fail(new SocketTimeoutException(what + " timed out after " + timeoutMillis + " ms")));
    }
    return pending;
  }

  /**
   * The readiness to wait for after an attempt that could not finish, given the operation's own
   * {@code op}; a TLS socket may have to write while it reads, and read while it writes.
   */
  int interestAfterAttempt(int op) {
    return op;
  }

  /** Whether readiness in one direction may let the other go on too (TLS: both share one engine). */
  boolean directionsShareState() {
    return false;
  }

  /**
   * Returns {@code value} from a {@code @Yielding} operation that completed without waiting: at
   * once while the hub's I/O budget lasts, otherwise after the other ready greenlets have run.
   * {@code Waiter}s of other types are made by the typed variants.
   */
  final <T> T completed(T value) {
    if (hub.ioBudget().spend()) {
      return value;
    }
    Waiter<T> waiter = new Waiter<>();
    hub.post(() -> waiter.resume(value));
    return waiter.await();
  }

  /** {@link #completed} for an {@code int} result. */
  final int completedInt(int value) {
    if (hub.ioBudget().spend()) {
      return value;
    }
    Waiter<Integer> waiter = new Waiter<>();
    hub.post(() -> waiter.resume(value));
    return waiter.awaitInt();
  }

  @Override
  public final void ready(int readyOps) {
    boolean both = directionsShareState();
    Pending read = reading;
    if (read != null && (both || (readyOps & read.op) != 0)) {
      read.retry();
    }
    Pending write = writing;
    if (write != null && write == writing && (both || (readyOps & write.op) != 0)) {
      write.retry();
    }
    if (both && read != null && read == reading && write != null && write != writing) {
      read.retry(); // the write finished a handshake step the read may have waited for
    }
  }

  /** Whether the socket is open. */
  public boolean isOpen() {
    return channel.isOpen();
  }

  /** Throws why the socket can no longer be used: closed by {@link #abort}, or closed. */
  final void checkOpen() throws IOException {
    if (aborted != null) {
      throw aborted;
    }
    if (!channel.isOpen()) {
      throw new IOException("socket closed");
    }
  }

  /** Closes the socket; pending operations fail. Closing twice does nothing. */
  @Override
  public void close() throws IOException {
    if (channel.isOpen() && aborted == null) {
      release(new IOException("socket closed"));
      beforeClose();
      channel.close();
    }
  }

  /** Closes the socket under its user: pending and later operations fail with {@code reason}. */
  final void abort(IOException reason) {
    if (channel.isOpen()) {
      aborted = reason;
      release(reason);
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing with the reason
      }
    }
  }

  /** Releases the channel from this hub without closing it; later operations fail with {@code reason}. */
  final void forget(IOException reason) {
    aborted = reason;
    release(reason);
  }

  /** What a subclass does before the channel closes (a TLS close_notify, a timer to cancel). */
  void beforeClose() {
    // nothing by default
  }

  /** Fails the pending operations with {@code failure} and releases the selector key. */
  private void release(IOException failure) {
    if (reading != null) {
      reading.fail(failure);
    }
    if (writing != null) {
      writing.fail(failure);
    }
    registration.cancel();
  }

  private void updateInterest() {
    int ops = (reading == null ? 0 : reading.op) | (writing == null ? 0 : writing.op);
    registration.setInterest(ops);
  }

  /** A parked operation. */
  final class Pending {
    private final int ownOp;
    int op;
    final Operation operation;
    Timer timer;

    Pending(int op, Operation operation) {
      this.ownOp = op;
      this.op = interestAfterAttempt(op);
      this.operation = operation;
    }

    void retry() {
      try {
        if (operation.attempt()) {
          finish();
          return;
        }
      } catch (IOException e) {
        fail(e);
        return;
      } catch (RuntimeException e) {
        fail(new IOException(e.toString(), e));
        return;
      }
      int wanted = interestAfterAttempt(ownOp);
      if (wanted != op && (reading == this || writing == this)) {
        op = wanted;
        updateInterest();
      }
    }

    void fail(IOException failure) {
      if (finish()) {
        operation.failed(failure);
      }
    }

    /** Stops waiting: no interest, no timer. Returns false if it had stopped already. */
    boolean finish() {
      boolean waiting = reading == this || writing == this;
      if (reading == this) {
        reading = null;
      } else if (writing == this) {
        writing = null;
      }
      if (timer != null) {
        timer.cancel();
        timer = null;
      }
      updateInterest();
      return waiting;
    }
  }
}
