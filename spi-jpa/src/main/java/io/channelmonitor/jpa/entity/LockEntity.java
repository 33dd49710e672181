package io.channelmonitor.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code channel_monitor_locks}: a named lease, held by {@code owner} until {@code
 * lockedUntil}. A released lease keeps its row with an end in the past, so after its first use a
 * name is only ever taken by a conditional update.
 */
@Entity(name = LockEntity.NAME)
@Table(name = LockEntity.TABLE)
public class LockEntity {
  /** The entity name JPQL queries use. */
  public static final String NAME = "ChannelMonitorLock";

  /** The table. */
  public static final String TABLE = "channel_monitor_locks";

  @Id
  @Column(name = "name", nullable = false, updatable = false, length = Columns.LOCK_NAME)
  private String name;

  @Column(name = "owner", nullable = false, length = Columns.LOCK_OWNER)
  private String owner;

  @Column(name = "locked_until", nullable = false)
  private Instant lockedUntil;

  /** For the JPA provider. */
  protected LockEntity() {}

  /** A lease of {@code name} held by {@code owner} until {@code lockedUntil}. */
  public LockEntity(String name, String owner, Instant lockedUntil) {
    this.name = name;
    this.owner = owner;
    this.lockedUntil = lockedUntil;
  }
}
