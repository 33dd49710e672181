package io.channelmonitor.probe;

import io.channelmonitor.ssrf.SsrfGuard;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one HttpClient a transport uses, with every hook the SSRF rules ask for (security.md
 * 3.5 and 4): the guarding resolver, the guarded socket factory, no proxy (the JVM's proxy settings
 * are never read), no redirects, no retries, no cookies, no authentication handling, no content
 * decompression, TLS hostname verification on.
 */
final class HttpClientFactory {
  /** How long an idle pooled connection is kept. */
  private static final TimeValue IDLE_TIME_TO_LIVE = TimeValue.ofSeconds(60);

  /** An idle connection older than this is checked before reuse. */
  private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);

  /**
   * The read and write buffers of each pooled connection. HttpCore's default (32 KiB, three buffers
   * per connection) made about 100 KB of heap per connection; a probe sends about 1 KB and reads at
   * most the body cap through any buffer size, and the pool holds a connection per check in flight,
   * which the load harness ran at 1,200-2,500 (heap after GC at the 512 MiB limit).
   */
  static final int CONNECTION_BUFFER_BYTES = 8 * 1024;

  private HttpClientFactory() {}

  static PoolingHttpClientConnectionManager pool(
      SsrfGuard guard,
      ProbeTransportConfig config,
      GuardedSocketFactory.ConnectHook hook,
      CallDeadlines deadlines) {
    Timeout connectTimeout = Timeout.of(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    GuardedSocketFactory sockets = new GuardedSocketFactory(guard, hook);
    TlsSocketStrategy tls = tlsStrategy(config.sslContext());
    GuardedDnsResolver resolver = new GuardedDnsResolver(guard, deadlines);
    return new GuardedPoolBuilder(sockets, resolver, tls)
        .setDnsResolver(resolver)
        .setConnectionFactory(
            ManagedHttpClientConnectionFactory.builder()
                .http1Config(Http1Config.custom().setBufferSize(CONNECTION_BUFFER_BYTES).build())
                .build())
        .setSchemePortResolver(DefaultSchemePortResolver.INSTANCE)
        .setTlsSocketStrategy(tls)
        .setMaxConnTotal(config.maxConnections())
        .setMaxConnPerRoute(config.maxConnections())
        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
        .setConnPoolPolicy(PoolReusePolicy.LIFO)
        .setDefaultSocketConfig(
            SocketConfig.custom().setSoTimeout(connectTimeout).setTcpNoDelay(true).build())
        .setDefaultConnectionConfig(
            ConnectionConfig.custom()
                .setConnectTimeout(connectTimeout)
                .setSocketTimeout(connectTimeout)
                .setTimeToLive(IDLE_TIME_TO_LIVE)
                .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                .build())
        .setDefaultTlsConfig(
            TlsConfig.custom()
                .setHandshakeTimeout(connectTimeout)
                .setSupportedProtocols(TLS.V_1_3, TLS.V_1_2)
                .build())
        .build();
  }

  static CloseableHttpClient client(
      PoolingHttpClientConnectionManager pool, ProbeTransportConfig config) {
    return HttpClients.custom()
        .setConnectionManager(pool)
        .setConnectionManagerShared(false)
        .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
        .setDefaultRequestConfig(baseRequestConfig().build())
        .setUserAgent(config.userAgent())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .build();
  }

  /** The per-request settings every request starts from; timeouts are added per call. */
  static RequestConfig.Builder baseRequestConfig() {
    return RequestConfig.custom()
        .setRedirectsEnabled(false)
        .setAuthenticationEnabled(false)
        .setContentCompressionEnabled(false)
        .setProtocolUpgradeEnabled(false)
        .setExpectContinueEnabled(false)
        .setHardCancellationEnabled(true);
  }

  private static TlsSocketStrategy tlsStrategy(SSLContext sslContext) {
    SSLContext context = sslContext != null ? sslContext : SSLContexts.createDefault();
    // The one-argument constructor keeps the default hostname verification.
    return new DefaultClientTlsStrategy(context);
  }

  /** Plugs the guarded socket factory into the connection operator. */
  private static final class GuardedPoolBuilder extends PoolingHttpClientConnectionManagerBuilder {
    private final GuardedSocketFactory sockets;
    private final GuardedDnsResolver resolver;
    private final TlsSocketStrategy tls;

    GuardedPoolBuilder(
        GuardedSocketFactory sockets, GuardedDnsResolver resolver, TlsSocketStrategy tls) {
      this.sockets = sockets;
      this.resolver = resolver;
      this.tls = tls;
    }

    @Override
    protected HttpClientConnectionOperator createConnectionOperator(
        SchemePortResolver schemePortResolver,
        DnsResolver ignoredResolver,
        TlsSocketStrategy tlsSocketStrategy) {
      // The guarded resolver is used whatever the builder passes in.
      TlsSocketStrategy strategy = tlsSocketStrategy != null ? tlsSocketStrategy : tls;
      Lookup<TlsSocketStrategy> lookup =
          RegistryBuilder.<TlsSocketStrategy>create()
              .register(URIScheme.HTTPS.id, strategy)
              .build();
      return new DefaultHttpClientConnectionOperator(sockets, schemePortResolver, resolver, lookup);
    }
  }
}
