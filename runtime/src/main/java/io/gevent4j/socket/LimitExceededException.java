package io.gevent4j.socket;

import java.io.IOException;

/**
 * A peer sent more than a bounded read accepts (a line over its maximum length, an item over
 * {@link Socket#MAX_BUFFER}): the connection is still open, so a server can answer with an error
 * before closing it.
 */
public class LimitExceededException extends IOException {
  private static final long serialVersionUID = 1L;

  LimitExceededException(String message) {
    super(message);
  }
}
