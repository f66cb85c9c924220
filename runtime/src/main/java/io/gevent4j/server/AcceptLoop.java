package io.gevent4j.server;

import io.gevent4j.CoroutineFrame;
import io.gevent4j.Gevent;
import io.gevent4j.socket.Socket;
import java.io.IOException;

/**
 * The accept loop of a {@link StreamServer}, written by hand in the generated-code style (the
 * runtime is not compiled by the processor): wait for a free slot, accept, spawn the handler;
 * after a failed accept, back off and try again; end when the server stops.
 */
final class AcceptLoop extends CoroutineFrame<Void> {
  private static final int SLOT = 0;
  private static final int SLOT_FREED = 1;
  private static final int ACCEPTED = 2;
  private static final int BACKED_OFF = 3;
  /** {@link #acceptFailed} did not suspend: continue with {@link #state$}. */
  private static final Object RETRY = new Object();

  private final StreamServer server;
  private Socket accepted;

  AcceptLoop(StreamServer server) {
    this.server = server;
  }

  @Override
  protected String name$() {
    return "acceptLoop";
  }

  @Override
  protected Object[] arguments$() {
    return new Object[] {server};
  }

  @Override
  protected Object resume$() throws Throwable {
    for (;;) {
      switch (state$) {
        case SLOT:
          if (server.isFull()) {
            prepare$();
            server.awaitSlot();
            if (parked$(SLOT_FREED)) {
              return SUSPEND;
            }
          }
          // fall through: a slot is free
        case SLOT_FREED:
          if (resumed$()) {
            result$();
          }
          if (server.isFull()) {
            state$ = SLOT;
            continue;
          }
          try {
            prepare$();
            accepted = server.listener().accept();
          } catch (IOException e) {
            Object outcome = acceptFailed(e);
            if (outcome != RETRY) {
              return outcome;
            }
            continue;
          }
          if (parked$(ACCEPTED)) {
            return SUSPEND;
          }
          // fall through: accepted at once
        case ACCEPTED:
          try {
            if (resumed$()) {
              accepted = (Socket) result$();
            }
          } catch (IOException e) {
            Object outcome = acceptFailed(e);
            if (outcome != RETRY) {
              return outcome;
            }
            continue;
          }
          server.spawnHandler(accepted);
          accepted = null;
          state$ = SLOT;
          continue;
        case BACKED_OFF:
          if (resumed$()) {
            result$();
          }
          state$ = SLOT;
          continue;
        default:
          throw new IllegalStateException("invalid state " + state$);
      }
    }
  }

  /**
   * After a failed accept: null to end (the server stopped), {@link #SUSPEND} while backing off,
   * or {@link #RETRY} to go on at once.
   */
  private Object acceptFailed(IOException failure) {
    if (server.isStopped()) {
      return null;
    }
    caught$();
    server.report(failure);
    prepare$();
    Gevent.sleep(StreamServer.ACCEPT_BACKOFF_MILLIS);
    return parked$(BACKED_OFF) ? SUSPEND : RETRY;
  }
}
