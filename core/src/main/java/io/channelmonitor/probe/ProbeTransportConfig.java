package io.channelmonitor.probe;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How the default transport connects.
 *
 * @param connectTimeout longest TCP connect (and TLS handshake) per attempt
 * @param maxConnections connection pool size, total and per route
 * @param maxResponseBytes byte cap of every response body
 * @param sslContext trust material, or null for the JVM's default trust store
 * @param userAgent the User-Agent header sent unless a monitor's extra headers set one
 */
public record ProbeTransportConfig(
    Duration connectTimeout,
    int maxConnections,
    int maxResponseBytes,
    SSLContext sslContext,
    String userAgent) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_CONNECTIONS = 64;
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
  public static final String DEFAULT_USER_AGENT = "channel-monitor/0.1";

  public ProbeTransportConfig {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1: " + maxConnections);
    }
    if (maxResponseBytes < 1024) {
      throw new IllegalArgumentException("maxResponseBytes must be >= 1024: " + maxResponseBytes);
    }
  }

  public static ProbeTransportConfig defaults() {
    return new ProbeTransportConfig(
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_MAX_RESPONSE_BYTES,
        null,
        DEFAULT_USER_AGENT);
  }

  public ProbeTransportConfig withSslContext(SSLContext value) {
    return new ProbeTransportConfig(
        connectTimeout, maxConnections, maxResponseBytes, value, userAgent);
  }

  public ProbeTransportConfig withConnectTimeout(Duration value) {
    return new ProbeTransportConfig(value, maxConnections, maxResponseBytes, sslContext, userAgent);
  }

  public ProbeTransportConfig withMaxConnections(int value) {
    return new ProbeTransportConfig(connectTimeout, value, maxResponseBytes, sslContext, userAgent);
  }

  public ProbeTransportConfig withMaxResponseBytes(int value) {
    return new ProbeTransportConfig(connectTimeout, maxConnections, value, sslContext, userAgent);
  }
}
