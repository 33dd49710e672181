package io.channelmonitor.jpa.entity;

import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.store.ResultRecord;
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
import java.time.Instant;

/**
 * A row of {@code channel_monitor_results}: one check of one model. The monitor is referenced by a
 * foreign key that cascades deletes; the store reads and writes the plain {@code monitorId}.
 */
@Entity(name = ResultEntity.NAME)
@Table(
    name = ResultEntity.TABLE,
    indexes = {
      @Index(
          name = "channel_monitor_results_latest_idx",
          columnList = "monitor_id, model, checked_at DESC, id DESC"),
      @Index(name = "channel_monitor_results_checked_at_idx", columnList = "checked_at")
    })
public class ResultEntity {
  /** The entity name JPQL queries use. */
  public static final String NAME = "ChannelMonitorResult";

  /** The table. */
  public static final String TABLE = "channel_monitor_results";

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
          @ForeignKey(name = "channel_monitor_results_monitor_fk", options = "ON DELETE CASCADE"))
  private MonitorEntity monitor;

  @Column(name = "model", nullable = false, length = Columns.MODEL)
  private String model;

  @Column(name = "status", nullable = false, length = Columns.STATUS)
  private String status;

  @Column(name = "failure_kind", nullable = false, length = Columns.FAILURE_KIND)
  private String failureKind;

  @Column(name = "latency_ms", nullable = false)
  private long latencyMs;

  @Column(name = "first_token_latency_ms")
  private Long firstTokenLatencyMs;

  @Column(name = "ping_latency_ms")
  private Long pingLatencyMs;

  @Column(name = "message", nullable = false, length = Columns.MESSAGE)
  private String message;

  @Column(name = "checked_at", nullable = false)
  private Instant checkedAt;

  /** For the JPA provider. */
  protected ResultEntity() {}

  /** A new row for {@code result} of monitor {@code monitorId}; the database assigns the id. */
  public ResultEntity(long monitorId, CheckResult result) {
    this.monitorId = monitorId;
    this.model = result.model();
    this.status = result.status().wire();
    this.failureKind = result.failureKind().wire();
    this.latencyMs = result.latencyMs();
    this.firstTokenLatencyMs = result.firstTokenLatencyMs();
    this.pingLatencyMs = result.pingLatencyMs();
    this.message = result.message();
    this.checkedAt = result.checkedAt();
  }

  /**
   * The stored result.
   *
   * @throws io.channelmonitor.StoreException when a column holds what no valid write stores
   */
  public ResultRecord toRecord() {
    CheckResult result =
        new CheckResult(
            model,
            Columns.wire(CheckStatus.class, status, TABLE, "status"),
            Columns.wire(FailureKind.class, failureKind, TABLE, "failure_kind"),
            latencyMs,
            firstTokenLatencyMs,
            pingLatencyMs,
            message,
            checkedAt);
    return new ResultRecord(id, monitorId, result);
  }
}
