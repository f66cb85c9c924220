package io.gevent4j.socket;

import io.gevent4j.CoroutineFrame;

/**
 * {@code exchange(host, port, tls, options, line)}: connects with TLS, sends {@code line}, returns
 * the line answered and closes; written in the generated-code style.
 */
final class TlsExchange extends CoroutineFrame<String> {
  private final String host;
  private final int port;
  private final Tls tls;
  private final SocketOptions options;
  private final String line;
  private Socket socket;
  private String reply;

  TlsExchange(String host, int port, Tls tls, SocketOptions options, String line) {
    this.host = host;
    this.port = port;
    this.tls = tls;
    this.options = options;
    this.line = line;
  }

  @Override
  protected Object resume$() throws Throwable {
    try {
      switch (state$) {
        case 0:
          prepare$();
          socket = Socket.connectTls(host, port, tls, options);
          if (parked$(1)) {
            return SUSPEND;
          }
          // fall through
        case 1:
          if (resumed$()) {
            socket = (Socket) result$();
          }
          prepare$();
          socket.write(line + "\n");
          if (parked$(2)) {
            return SUSPEND;
          }
          // fall through
        case 2:
          if (resumed$()) {
            result$();
          }
          prepare$();
          reply = socket.readLine(1000);
          if (parked$(3)) {
            return SUSPEND;
          }
          // fall through
        case 3:
          if (resumed$()) {
            reply = (String) result$();
          }
          socket.close();
          return reply;
        default:
          throw new IllegalStateException("state " + state$);
      }
    } catch (Throwable failure) {
      if (socket != null) {
        socket.close();
      }
      throw failure;
    }
  }

  @Override
  protected String name$() {
    return "exchange";
  }

  @Override
  protected Object[] arguments$() {
    return new Object[] {host, port, line};
  }
}
