package io.gevent4j.samples.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Where the samples listen: loopback only, on the port given as the first argument. */
final class Ports {
  private Ports() {}

  static InetSocketAddress loopback(String[] args, int defaultPort) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : defaultPort;
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }
}
