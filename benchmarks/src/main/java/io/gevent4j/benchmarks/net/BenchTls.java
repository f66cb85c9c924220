package io.gevent4j.benchmarks.net;

import java.io.FileInputStream;
import java.io.InputStream;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The network benchmarks' TLS material: a PKCS12 keystore (password {@code changeit}) as key and trust. */
final class BenchTls {
  private BenchTls() {}

  static KeyStore keyStore(String path) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(path)) {
      store.load(in, "changeit".toCharArray());
    }
    return store;
  }

  static KeyManagerFactory keys(String path) throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore(path), "changeit".toCharArray());
    return keys;
  }

  /** A JDK context serving the keystore's certificate and trusting only it. */
  static SSLContext context(String path) throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore(path));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys(path).getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }
}
