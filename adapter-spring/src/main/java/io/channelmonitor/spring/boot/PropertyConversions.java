package io.channelmonitor.spring.boot;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.ssrf.SsrfPolicy;
import java.time.Duration;
import java.util.Map;

/** Turns the bound properties into the library's values; errors name the property. */
final class PropertyConversions {
  private static final String PREFIX = ChannelMonitorProperties.PREFIX;

  private PropertyConversions() {}

  /**
   * The library settings the properties describe.
   *
   * @throws IllegalArgumentException when a value is out of range; the message names it
   */
  static ChannelMonitorSettings settings(ChannelMonitorProperties p) {
    try {
      return ChannelMonitorSettings.builder()
          .defaultIntervalSeconds(wholeSeconds(p.getDefaultInterval()))
          .degradedThreshold(p.getDegradedThreshold())
          .requestTimeout(p.getRequestTimeout())
          .pingTimeout(p.getPingTimeout())
          .connectTimeout(p.getConnectTimeout())
          .stopTimeout(p.getStopTimeout())
          .maxConcurrentChecks(p.getMaxConcurrentChecks())
          .queueCapacity(p.getQueueCapacity())
          .modelConcurrency(p.getModelConcurrency())
          .modelMetricTag(p.isModelMetricTag())
          .rawRetentionDays(p.getRetention().getRawDays())
          .rollupRetentionDays(p.getRetention().getRollupDays())
          .build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("invalid " + PREFIX + ".* property: " + e.getMessage(), e);
    }
  }

  /**
   * The SSRF policy the properties describe: strict, plus the listed networks and hosts.
   *
   * @throws IllegalArgumentException when a CIDR or host pattern is malformed
   */
  static SsrfPolicy ssrfPolicy(ChannelMonitorProperties.Ssrf ssrf) {
    try {
      SsrfPolicy.Builder builder =
          SsrfPolicy.builder()
              .allowInsecureHttp(ssrf.isAllowInsecureHttp())
              .resolveTimeout(ssrf.getResolveTimeout());
      ssrf.getAllowedCidrs().forEach(cidr -> builder.allowCidr(cidr.trim()));
      ssrf.getAllowedHosts().forEach(host -> builder.allowHost(host.trim()));
      return builder.build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "invalid " + PREFIX + ".ssrf.* property: " + e.getMessage(), e);
    }
  }

  /**
   * The key ring, or null when no key is configured. The primary id may be left out when there is
   * exactly one key.
   *
   * @throws IllegalArgumentException when a key or the primary id is invalid; the message names the
   *     key id, never a key
   */
  static KeyRing keyRing(ChannelMonitorProperties.KeyRing ring) {
    Map<String, String> keys = ring.getKeys();
    if (keys == null || keys.isEmpty()) {
      return null;
    }
    String primary = ring.getPrimaryId();
    if ((primary == null || primary.isBlank()) && keys.size() == 1) {
      primary = keys.keySet().iterator().next();
    }
    if (primary == null || primary.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX + ".key-ring.primary-id must name one of the keys " + keys.keySet());
    }
    try {
      return KeyRing.fromBase64(primary.trim(), keys);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + PREFIX + ".key-ring: " + e.getMessage(), e);
    }
  }

  private static int wholeSeconds(Duration value) {
    if (value == null || value.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("default-interval must be whole seconds: " + value);
    }
    return Math.toIntExact(value.toSeconds());
  }
}
