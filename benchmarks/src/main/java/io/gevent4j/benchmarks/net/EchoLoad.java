package io.gevent4j.benchmarks.net;

import io.gevent4j.Gevent;
import io.gevent4j.Greenlet;
import io.gevent4j.annotations.Coroutine;
import io.gevent4j.socket.Socket;
import io.gevent4j.socket.SocketOptions;
import io.gevent4j.socket.Tls;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The load of the echo benchmarks, the same for every server: {@code connections} greenlets on
 * one hub, each sending a {@code size}-byte message and reading its echo, again and again for
 * {@code seconds} after a one-second warm-up. Prints round trips per second and MB/s each way.
 * {@code EchoLoad port connections seconds size [keystore.p12]} (TLS trusting that keystore).
 */
public final class EchoLoad {
  private EchoLoad() {}

  /** Round trips until {@code endNanos}; those before {@code countFromNanos} are not counted. */
  @Coroutine
  static long client(int port, Tls tls, int size, long countFromNanos, long endNanos) throws IOException {
    SocketOptions options = SocketOptions.defaults().connectTimeout(10_000).readTimeout(10_000).writeTimeout(10_000);
    Socket socket = tls == null ? Socket.connect("127.0.0.1", port, options) : Socket.connectTls("localhost", port, tls, options);
    try {
      byte[] message = new byte[size];
      Arrays.fill(message, (byte) 'm');
      long counted = 0;
      for (long now = System.nanoTime(); now < endNanos; now = System.nanoTime()) {
        socket.write(ByteBuffer.wrap(message));
        socket.readExactly(size);
        if (now >= countFromNanos) {
          counted++;
        }
      }
      return counted;
    } finally {
      socket.close();
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int connections = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int size = Integer.parseInt(args[3]);
    Tls tls = args.length > 4 ? Tls.client(BenchTls.context(args[4])) : null;
    long start = System.nanoTime();
    long countFrom = start + 1_000_000_000L;
    long end = countFrom + seconds * 1_000_000_000L;
    List<Greenlet<Long>> clients = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      clients.add(Gevent.spawn(EchoLoadCoroutines.client(port, tls, size, countFrom, end)));
    }
    Gevent.joinAll(clients);
    long total = 0;
    for (Greenlet<Long> client : clients) {
      total += client.get();
    }
    double perSecond = total / (double) seconds;
    System.out.printf("%d connections, %d-byte messages%s: %.0f round trips/s, %.1f MB/s each way%n",
        connections, size, tls != null ? ", TLS" : "", perSecond, perSecond * size / 1e6);
  }
}
