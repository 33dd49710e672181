package io.channelmonitor.store;

import io.channelmonitor.MonitorConfig;
import java.time.Instant;
import java.util.Objects;

/**
 * A monitor as a store keeps it: the key only as ciphertext.
 *
 * @param id the store's id; 0 before the first insert
 * @param version the store's revision of this monitor, 1 after insert and one more after every
 *     update; an update names the version it was made from, so concurrent edits cannot undo each
 *     other
 * @param config validated configuration
 * @param apiKeyCiphertext the API key as the {@code SecretCodec} encrypted it
 * @param createdAt creation time
 * @param updatedAt last change
 * @param lastCheckedAt when a run last finished, or null
 */
public record MonitorRecord(
    long id,
    long version,
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
    return new MonitorRecord(
        newId, version, config, apiKeyCiphertext, createdAt, updatedAt, lastCheckedAt);
  }

  /** This record as a change of {@code stored}: its id and version, everything else from here. */
  public MonitorRecord asUpdateOf(MonitorRecord stored) {
    return new MonitorRecord(
        stored.id, stored.version, config, apiKeyCiphertext, createdAt, updatedAt, lastCheckedAt);
  }

  public MonitorRecord withVersion(long newVersion) {
    return new MonitorRecord(
        id, newVersion, config, apiKeyCiphertext, createdAt, updatedAt, lastCheckedAt);
  }

  public MonitorRecord withLastCheckedAt(Instant at) {
    return new MonitorRecord(id, version, config, apiKeyCiphertext, createdAt, updatedAt, at);
  }

  @Override
  public String toString() {
    return "MonitorRecord[id="
        + id
        + ", version="
        + version
        + ", config="
        + config
        + ", createdAt="
        + createdAt
        + "]";
  }
}
