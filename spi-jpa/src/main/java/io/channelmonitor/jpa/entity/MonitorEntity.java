package io.channelmonitor.jpa.entity;

import io.channelmonitor.ApiMode;
import io.channelmonitor.BodyOverrideMode;
import io.channelmonitor.MonitorConfig;
import io.channelmonitor.store.MonitorRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row of {@code channel_monitor_monitors}: one monitor, its key only as ciphertext. Enums are
 * stored by wire name, extra models as a JSON array and extra headers as a JSON object in header
 * order.
 *
 * <p>The store only inserts this entity; every change is a JPQL update of its own (a
 * compare-and-set on {@code version}, or {@code lastCheckedAt} alone), so an edit never overwrites
 * the check time of a run that finished meanwhile. Hosts register it with their persistence unit
 * but should not read or write it themselves: it is the library's mapping, not its API.
 */
@Entity(name = MonitorEntity.NAME)
@Table(
    name = MonitorEntity.TABLE,
    indexes = {
      @Index(name = "channel_monitor_monitors_provider_idx", columnList = "provider"),
      @Index(name = "channel_monitor_monitors_group_name_idx", columnList = "group_name")
    })
public class MonitorEntity {
  /** The entity name JPQL queries use. */
  public static final String NAME = "ChannelMonitorMonitor";

  /** The table. */
  public static final String TABLE = "channel_monitor_monitors";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false, updatable = false)
  private Long id;

  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "name", nullable = false, length = Columns.NAME)
  private String name;

  @Column(name = "provider", nullable = false, length = Columns.PROVIDER)
  private String provider;

  @Column(name = "endpoint", nullable = false, length = Columns.ENDPOINT)
  private String endpoint;

  @Column(name = "api_key_ciphertext", nullable = false, length = Columns.TEXT)
  private String apiKeyCiphertext;

  @Column(name = "primary_model", nullable = false, length = Columns.MODEL)
  private String primaryModel;

  @Convert(converter = JsonStringList.class)
  @Column(name = "extra_models", nullable = false, length = Columns.TEXT)
  private List<String> extraModels;

  @Column(name = "group_name", nullable = false, length = Columns.GROUP)
  private String groupName;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "interval_seconds", nullable = false)
  private int intervalSeconds;

  @Column(name = "jitter_seconds", nullable = false)
  private int jitterSeconds;

  @Column(name = "api_mode", nullable = false, length = Columns.API_MODE)
  private String apiMode;

  @Convert(converter = JsonStringMap.class)
  @Column(name = "extra_headers", nullable = false, length = Columns.TEXT)
  private Map<String, String> extraHeaders;

  @Column(name = "body_override_mode", nullable = false, length = Columns.BODY_MODE)
  private String bodyOverrideMode;

  @Column(name = "body_override", length = Columns.TEXT)
  private String bodyOverride;

  @Column(name = "stream", nullable = false)
  private boolean stream;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "last_checked_at")
  private Instant lastCheckedAt;

  /** For the JPA provider. */
  protected MonitorEntity() {}

  /**
   * A new row for {@code monitor} at version 1; its id and version are ignored, the database
   * assigns the id on insert.
   */
  public MonitorEntity(MonitorRecord monitor) {
    MonitorConfig config = monitor.config();
    this.version = 1;
    this.name = config.name();
    this.provider = config.provider();
    this.endpoint = config.endpoint();
    this.apiKeyCiphertext = monitor.apiKeyCiphertext();
    this.primaryModel = config.primaryModel();
    this.extraModels = config.extraModels();
    this.groupName = config.groupName();
    this.enabled = config.enabled();
    this.intervalSeconds = config.intervalSeconds();
    this.jitterSeconds = config.jitterSeconds();
    this.apiMode = config.apiMode().wire();
    this.extraHeaders = config.extraHeaders();
    this.bodyOverrideMode = config.bodyOverrideMode().wire();
    this.bodyOverride = config.bodyOverride();
    this.stream = config.stream();
    this.createdAt = monitor.createdAt();
    this.updatedAt = monitor.updatedAt();
    this.lastCheckedAt = monitor.lastCheckedAt();
  }

  /** The id the database assigned, or null before the insert is flushed. */
  public Long id() {
    return id;
  }

  /**
   * The monitor this row holds.
   *
   * @throws io.channelmonitor.StoreException when a column holds what no valid write stores
   */
  public MonitorRecord toRecord() {
    MonitorConfig config =
        new MonitorConfig(
            name,
            provider,
            endpoint,
            primaryModel,
            Columns.present(extraModels, TABLE, "extra_models"),
            groupName,
            enabled,
            intervalSeconds,
            jitterSeconds,
            Columns.wire(ApiMode.class, apiMode, TABLE, "api_mode"),
            Columns.present(extraHeaders, TABLE, "extra_headers"),
            Columns.wire(BodyOverrideMode.class, bodyOverrideMode, TABLE, "body_override_mode"),
            bodyOverride,
            stream);
    return new MonitorRecord(
        id, version, config, apiKeyCiphertext, createdAt, updatedAt, lastCheckedAt);
  }
}
