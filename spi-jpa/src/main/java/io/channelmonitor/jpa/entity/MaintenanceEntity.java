package io.channelmonitor.jpa.entity;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The single row (id 1) of {@code channel_monitor_maintenance}: the last UTC day whose rollups are
 * complete. The store writes and reads it with native SQL; the entity maps the table.
 */
@Entity(name = MaintenanceEntity.NAME)
@Table(
    name = MaintenanceEntity.TABLE,
    check = @CheckConstraint(name = "channel_monitor_maintenance_single", constraint = "id = 1"))
public class MaintenanceEntity {
  /** The entity name JPQL queries use. */
  public static final String NAME = "ChannelMonitorMaintenance";

  /** The table. */
  public static final String TABLE = "channel_monitor_maintenance";

  /** The id of the one row. */
  public static final int ROW_ID = 1;

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private Integer id;

  @Column(name = "rollup_watermark")
  private LocalDate rollupWatermark;

  /** For the JPA provider. */
  protected MaintenanceEntity() {}

  /**
   * The last rolled-up UTC day, or empty when none was recorded, as the provider read it: Hibernate
   * on H2 reads it a day early when the session's time zone is east of the JVM's, so the store
   * itself reads the watermark with native SQL.
   */
  public Optional<LocalDate> rollupWatermark() {
    return Optional.ofNullable(rollupWatermark);
  }
}
