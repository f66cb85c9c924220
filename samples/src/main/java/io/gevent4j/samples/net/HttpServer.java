package io.gevent4j.samples.net;

import io.gevent4j.annotations.Coroutine;
import io.gevent4j.server.StreamServer;
import io.gevent4j.socket.LimitExceededException;
import io.gevent4j.socket.Socket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A small HTTP/1.1 server with keep-alive: {@code GET /} answers "Hello, World!",
 * {@code GET /bytes/N} answers N bytes (at most {@link #MAX_BODY}), anything else 404. Request
 * lines and headers are bounded ({@link #MAX_LINE}); an oversized one gets 431 and the connection
 * is closed. Try {@code curl http://127.0.0.1:8080/} or {@code wrk}.
 */
public final class HttpServer {
  static final int MAX_LINE = 8192;
  static final int MAX_HEADERS = 100;
  static final int MAX_BODY = 1 << 20;

  private HttpServer() {}

  /** Serves requests on one connection until the client closes it or asks to. */
  @Coroutine
  static void handle(Socket socket) throws IOException {
    try {
      boolean keepAlive = true;
      while (keepAlive) {
        String requestLine = socket.readLine(MAX_LINE);
        if (requestLine == null) {
          return;
        }
        keepAlive = !requestLine.endsWith("HTTP/1.0");
        int contentLength = 0;
        int headers = 0;
        for (String header = socket.readLine(MAX_LINE); header != null && !header.isEmpty(); header = socket.readLine(MAX_LINE)) {
          if (++headers > MAX_HEADERS) {
            throw new IOException("more than " + MAX_HEADERS + " headers");
          }
          String lower = header.toLowerCase(Locale.ROOT);
          if (lower.startsWith("connection:")) {
            keepAlive = lower.contains("keep-alive") || (keepAlive && !lower.contains("close"));
          } else if (lower.startsWith("content-length:")) {
            contentLength = Integer.parseInt(lower.substring("content-length:".length()).trim());
          }
        }
        if (contentLength < 0 || contentLength > MAX_BODY) {
          throw new NumberFormatException("body of " + contentLength + " bytes");
        }
        socket.readExactly(contentLength);
        socket.write(response(requestLine, keepAlive));
      }
    } catch (LimitExceededException | NumberFormatException e) {
      Replies.bestEffort(socket, "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    } catch (IOException e) {
      // the client reset or vanished: nothing left to answer
    }
  }

  /** The response to {@code requestLine}. */
  static String response(String requestLine, boolean keepAlive) {
    String[] parts = requestLine.split(" ");
    String path = parts.length > 1 ? parts[1] : "";
    String status = "200 OK";
    String body;
    if (!parts[0].equals("GET")) {
      status = "405 Method Not Allowed";
      body = "";
    } else if (path.equals("/")) {
      body = "Hello, World!";
    } else if (path.matches("/bytes/\\d{1,7}") && Integer.parseInt(path.substring(7)) <= MAX_BODY) {
      body = new String(new char[Integer.parseInt(path.substring(7))]).replace('\0', 'x');
    } else {
      status = "404 Not Found";
      body = "";
    }
    return "HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: " + (keepAlive ? "keep-alive" : "close")
        + "\r\n\r\n" + body;
  }

  /** {@code HttpServer [port] [hubs]}: serves on 127.0.0.1, port 8080 by default, on one hub per core by default. */
  public static void main(String[] args) throws IOException {
    Serving.serveForever("http server", new StreamServer(Ports.loopback(args, 8080), HttpServerCoroutines::handle), args);
  }
}
