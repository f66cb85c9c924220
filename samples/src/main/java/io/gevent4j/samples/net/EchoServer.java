package io.gevent4j.samples.net;

import io.gevent4j.annotations.Coroutine;
import io.gevent4j.server.StreamServer;
import io.gevent4j.socket.LimitExceededException;
import io.gevent4j.socket.Socket;
import java.io.IOException;

/**
 * An echo server: each connection gets a greenlet that sends every line back. Try it with
 * {@code nc 127.0.0.1 7000}. A line longer than {@link #MAX_LINE} bytes gets an error and the
 * connection is closed; a client that stops reading only blocks its own greenlet; a client that
 * resets the connection ends its greenlet quietly.
 */
public final class EchoServer {
  /** The longest line echoed. */
  static final int MAX_LINE = 8192;

  private EchoServer() {}

  /** Echoes lines until the client closes its side. */
  @Coroutine
  static void handle(Socket socket) throws IOException {
    try {
      for (String line = socket.readLine(MAX_LINE); line != null; line = socket.readLine(MAX_LINE)) {
        socket.write(line + "\n");
      }
    } catch (LimitExceededException e) {
      Replies.bestEffort(socket, "ERR " + e.getMessage() + "\n");
    } catch (IOException e) {
      // the client reset or vanished: nothing left to answer
    }
  }

  /** {@code EchoServer [port] [hubs]}: serves on 127.0.0.1, port 7000 by default, on one hub per core by default. */
  public static void main(String[] args) throws IOException {
    Serving.serveForever("echo server", new StreamServer(Ports.loopback(args, 7000), EchoServerCoroutines::handle), args);
  }
}
