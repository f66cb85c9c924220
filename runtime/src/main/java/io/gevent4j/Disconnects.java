package io.gevent4j;

import java.io.IOException;
import java.util.Locale;

/**
 * Recognises an ordinary disconnect: a peer that went away (broken pipe, connection reset or
 * aborted), which a server reports in one line rather than with a stack trace.
 */
final class Disconnects {
  private static final String[] MESSAGES = {
      "broken pipe", "connection reset", "connection aborted", "forcibly closed by the remote host",
  };

  private Disconnects() {
  }

  /**
   * The exception of {@code failure}'s cause chain that says the peer disconnected, or null: an
   * {@link IOException} whose message names a broken pipe or a reset or aborted connection.
   */
  static IOException find(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
      if (t instanceof IOException && isDisconnectMessage(t.getMessage())) {
        return (IOException) t;
      }
    }
    return null;
  }

  private static boolean isDisconnectMessage(String message) {
    if (message == null) {
      return false;
    }
    String lower = message.toLowerCase(Locale.ROOT);
    for (String known : MESSAGES) {
      if (lower.contains(known)) {
        return true;
      }
    }
    return false;
  }

  /** {@code java.io.IOException: Broken pipe}, and the failure's own type if the disconnect is its cause. */
  static String describe(Throwable failure, IOException disconnect) {
    String text = disconnect.getClass().getName() + ": " + disconnect.getMessage();
    return disconnect == failure ? text : failure.getClass().getName() + " caused by " + text;
  }
}
