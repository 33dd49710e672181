package io.channelmonitor.store;

import io.channelmonitor.MonitorConfig;
import java.time.Instant;
import java.util.Objects;

/**
 * A monitor as a store keeps it: the key only as ciphertext.
 *
 * @param id the store's id; 0 before the first insert
 * @param config validated configuration
 * @param apiKeyCiphertext the API key as the {@code SecretCodec} encrypted it
 * @param createdAt creation time
 * @param updatedAt last change
 * @param lastCheckedAt when a run last finished, or null
 */
public record MonitorRecord(
    long id,
    MonitorConfig config,
    String apiKeyCiphertext,
    Instant createdAt,
    Instant updatedAt,
    Instant lastCheckedAt) {

  public MonitorRecord {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(apiKeyCiphertext, "apiKeyCiphertext");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public MonitorRecord withId(long newId) {
    return new MonitorRecord(newId, config, apiKeyCiphertext, createdAt, updatedAt, lastCheckedAt);
  }

  public MonitorRecord withLastCheckedAt(Instant at) {
    return new MonitorRecord(id, config, apiKeyCiphertext, createdAt, updatedAt, at);
  }

  @Override
  public String toString() {
    return "MonitorRecord[id=" + id + ", config=" + config + ", createdAt=" + createdAt + "]";
  }
}
