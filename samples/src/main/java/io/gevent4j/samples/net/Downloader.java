package io.gevent4j.samples.net;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.annotations.Coroutine;
import io.gevent4j.socket.Socket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * gevent's classic concurrent downloader: one greenlet per URL, all fetching at once over
 * cooperative sockets, each printing when it is done. It fetches {@code /bytes/N} pages from the
 * {@link HttpServer} sample.
 */
public final class Downloader {
  private Downloader() {}

  /** Fetches {@code path} from {@code host:port} with HTTP/1.0 and returns the body's length. */
  @Coroutine
  static int fetch(String host, int port, String path) throws IOException {
    Socket socket = Socket.connect(host, port);
    try {
      socket.write("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n");
      String status = socket.readLine(HttpServer.MAX_LINE);
      int length = 0;
      for (String header = socket.readLine(HttpServer.MAX_LINE); header != null && !header.isEmpty(); header = socket.readLine(HttpServer.MAX_LINE)) {
        if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(header.substring("content-length:".length()).trim());
        }
      }
      byte[] body = socket.readExactly(length);
      System.out.println(path + ": " + status + ", " + body.length + " bytes");
      return body.length;
    } finally {
      socket.close();
    }
  }

  /** Fetches {@code /bytes/1000}, {@code /bytes/2000}, ... ({@code count} pages) at once; returns the total. */
  public static long downloadAll(String host, int port, int count) {
    List<Greenlet<Integer>> fetches = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      fetches.add(DownloaderCoroutines.fetch(host, port, "/bytes/" + i * 1000));
    }
    Gevent.joinAll(fetches);
    long total = 0;
    for (Greenlet<Integer> fetch : fetches) {
      total += fetch.get();
    }
    return total;
  }

  /** {@code Downloader [port] [count]}: fetches from the HTTP sample on 127.0.0.1 (port 8080). */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    System.out.println("total " + downloadAll("127.0.0.1", port, count) + " bytes");
  }
}
