package io.channelmonitor;

import io.channelmonitor.secret.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A channel monitor as the service returns it: its configuration, its decrypted API key and its
 * timestamps. {@link #toString()} never shows the key.
 *
 * @param id the store's id
 * @param config what is probed and when
 * @param apiKey the decrypted key, or {@link ApiKey#EMPTY} when {@code keyDecryptFailed}
 * @param keyDecryptFailed the stored key could not be decrypted; the monitor is never probed
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param lastCheckedAt when a run last finished, or null
 */
public record Monitor(
    long id,
    MonitorConfig config,
    ApiKey apiKey,
    boolean keyDecryptFailed,
    Instant createdAt,
    Instant updatedAt,
    Instant lastCheckedAt) {

  public Monitor {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public String name() {
    return config.name();
  }

  public String provider() {
    return config.provider();
  }

  public String endpoint() {
    return config.endpoint();
  }

  public String primaryModel() {
    return config.primaryModel();
  }

  public List<String> extraModels() {
    return config.extraModels();
  }

  public String groupName() {
    return config.groupName();
  }

  public boolean enabled() {
    return config.enabled();
  }

  public int intervalSeconds() {
    return config.intervalSeconds();
  }

  public int jitterSeconds() {
    return config.jitterSeconds();
  }

  public ApiMode apiMode() {
    return config.apiMode();
  }

  public Map<String, String> extraHeaders() {
    return config.extraHeaders();
  }

  public BodyOverrideMode bodyOverrideMode() {
    return config.bodyOverrideMode();
  }

  public String bodyOverride() {
    return config.bodyOverride();
  }

  public boolean stream() {
    return config.stream();
  }

  /** The admin view of the key (first 4 characters and {@code ***}). */
  public String apiKeyMasked() {
    return apiKey.masked();
  }
}
