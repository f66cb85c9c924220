package io.gevent4j.samples.net;

import io.gevent4j.annotations.Coroutine;
import io.gevent4j.socket.Socket;
import java.io.IOException;

/** Error replies sent before closing a connection whose client broke a limit. */
final class Replies {
  private Replies() {}

  /** Sends {@code reply} if the client still listens; a client that is gone gets nothing. */
  @Coroutine
  static void bestEffort(Socket socket, String reply) {
    try {
      socket.write(reply);
    } catch (IOException e) {
      // the client is gone
    }
  }
}
