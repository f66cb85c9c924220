package io.gevent4j.socket;

import java.io.InputStream;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS material of the socket tests: {@code test-keystore.p12}, a self-signed EC certificate
 * for {@code localhost} and {@code 127.0.0.1} (password {@code changeit}), as both the key of
 * servers and the trust of clients.
 */
final class TestTls {
  private static SSLContext context;

  private TestTls() {}

  /** A context that serves the test certificate and trusts only it. */
  static synchronized SSLContext context() throws Exception {
    if (context == null) {
      char[] password = "changeit".toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = TestTls.class.getResourceAsStream("test-keystore.p12")) {
        store.load(in, password);
      }
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      context = tls;
    }
    return context;
  }

  /** How many sockets this process has open (Linux; -1 elsewhere): a leak check. */
  static int openSockets() {
    java.io.File[] fds = new java.io.File("/proc/self/fd").listFiles();
    if (fds == null) {
      return -1;
    }
    int sockets = 0;
    for (java.io.File fd : fds) {
      try {
        if (java.nio.file.Files.readSymbolicLink(fd.toPath()).toString().startsWith("socket:")) {
          sockets++;
        }
      } catch (java.io.IOException | UnsupportedOperationException gone) {
        // closed while listing
      }
    }
    return sockets;
  }
}
