package io.gevent4j.samples.net;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS samples' certificate: {@code demo-keystore.p12}, a self-signed EC certificate for
 * {@code localhost} and {@code 127.0.0.1} (password {@code changeit}), shipped for the demos only.
 * The same context serves it and trusts it, so the sample client checks the sample servers for
 * real. {@code samples/scripts/real-clients.sh} exports it for curl and openssl.
 */
final class DemoTls {
  private DemoTls() {}

  /** A context that serves the demo certificate and trusts only it. */
  static SSLContext context() throws IOException {
    char[] password = "changeit".toCharArray();
    try (InputStream in = DemoTls.class.getResourceAsStream("demo-keystore.p12")) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load the demo certificate: " + e, e);
    }
  }
}
