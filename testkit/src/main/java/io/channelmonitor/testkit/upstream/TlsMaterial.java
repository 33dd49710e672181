package io.channelmonitor.testkit.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The fake's TLS identity: a self-signed EC certificate for {@code localhost}, {@code 127.0.0.1},
 * {@code ::1} and {@code fake.test}, valid for a hundred years, loaded from the classpath. It only
 * protects loopback test traffic, so its password is no secret.
 */
final class TlsMaterial {
  private static final String RESOURCE = "fake-upstream.p12";
  private static final String ALIAS = "fake-upstream";
  private static final String PASSWORD = "changeit";

  private final KeyStore keyStore;
  private final X509Certificate certificate;

  private TlsMaterial(KeyStore keyStore, X509Certificate certificate) {
    this.keyStore = keyStore;
    this.certificate = certificate;
  }

  static TlsMaterial load() {
    try (InputStream in = TlsMaterial.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, PASSWORD.toCharArray());
      return new TlsMaterial(keyStore, (X509Certificate) keyStore.getCertificate(ALIAS));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load " + RESOURCE, e);
    }
  }

  X509Certificate certificate() {
    return certificate;
  }

  /** A new key store holding only the certificate, as a trusted entry. */
  KeyStore trustStore() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry(ALIAS, certificate);
      return trust;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the trust store", e);
    }
  }

  /** The server side: the private key and certificate. */
  SSLContext serverContext() {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the server TLS context", e);
    }
  }

  /** The client side: trusts the certificate and nothing else. */
  SSLContext clientContext() {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the client TLS context", e);
    }
  }
}
