package io.channelmonitor.examples.demo;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust material for a monitor that probes both the fake upstream on loopback (a self-signed
 * certificate) and real providers (public CAs): the JVM's default trusted CAs plus one extra
 * certificate. Hostname verification stays on.
 */
public final class DemoTrust {
  private DemoTrust() {}

  /**
   * A TLS context that trusts what the JVM trusts by default and {@code extra}.
   *
   * @throws IllegalStateException when the JVM's trust store cannot be read
   */
  public static SSLContext jvmDefaultsPlus(X509Certificate extra) {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      int index = 0;
      for (X509Certificate ca : jvmDefaultCas()) {
        trusted.setCertificateEntry("jvm-ca-" + index++, ca);
      }
      trusted.setCertificateEntry("demo-extra", extra);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the demo's trust material", e);
    }
  }

  private static X509Certificate[] jvmDefaultCas() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509.getAcceptedIssuers();
      }
    }
    return new X509Certificate[0];
  }
}
