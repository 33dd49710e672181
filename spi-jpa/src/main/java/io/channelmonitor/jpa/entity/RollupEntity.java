package io.channelmonitor.jpa.entity;

import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.StatusCounts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code channel_monitor_daily_rollups}: the counts of one model of one monitor on one UTC
 * day, unique per (monitor, model, day). The store writes these rows with one native upsert per day
 * (see {@code JpaDialect}), never through this entity; it only reads them.
 */
@Entity(name = RollupEntity.NAME)
@Table(
    name = RollupEntity.TABLE,
    uniqueConstraints =
        @UniqueConstraint(
            name = "channel_monitor_daily_rollups_key",
            columnNames = {"monitor_id", "model", "bucket_date"}),
    indexes =
        @Index(name = "channel_monitor_daily_rollups_bucket_date_idx", columnList = "bucket_date"))
public class RollupEntity {
  /** The entity name JPQL queries use. */
  public static final String NAME = "ChannelMonitorDailyRollup";

  /** The table. */
  public static final String TABLE = "channel_monitor_daily_rollups";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false, updatable = false)
  private Long id;

  @Column(name = "monitor_id", nullable = false, updatable = false)
  private long monitorId;

  /** Declares the foreign key; never loaded or written by the store. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(
      name = "monitor_id",
      insertable = false,
      updatable = false,
      foreignKey =
          @ForeignKey(
              name = "channel_monitor_daily_rollups_monitor_fk",
              options = "ON DELETE CASCADE"))
  private MonitorEntity monitor;

  @Column(name = "model", nullable = false, length = Columns.MODEL)
  private String model;

  @Column(name = "bucket_date", nullable = false)
  private LocalDate bucketDate;

  @Column(name = "operational_count", nullable = false)
  private long operational;

  @Column(name = "degraded_count", nullable = false)
  private long degraded;

  @Column(name = "failed_count", nullable = false)
  private long failed;

  @Column(name = "error_count", nullable = false)
  private long error;

  @Column(name = "latency_sum_ms", nullable = false)
  private long latencySumMs;

  @Column(name = "latency_count", nullable = false)
  private long latencyCount;

  @Column(name = "computed_at", nullable = false)
  private Instant computedAt;

  /** For the JPA provider. */
  protected RollupEntity() {}

  /**
   * The stored rollup. Its day is what the provider read: Hibernate on H2 reads it a day early when
   * the session's time zone is east of the JVM's, so the store itself reads rollups with native
   * SQL.
   */
  public DailyRollup toRollup() {
    return new DailyRollup(
        monitorId,
        model,
        bucketDate,
        new StatusCounts(operational, degraded, failed, error, latencySumMs, latencyCount));
  }
}
