package io.channelmonitor.jpa;

import io.channelmonitor.jpa.entity.LockEntity;
import io.channelmonitor.jpa.entity.MaintenanceEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rollup watermark and the named leases. A lease is taken by one conditional update of its row,
 * or by inserting the row when the name is new; released leases keep their row with an end in the
 * past, so after a name's first use the database decides every contest with a single row update.
 * "Now" is the store's clock, so leases expire as the host's (or a test's) clock says.
 */
final class Maintenance {
  /** The end a released lease gets: before any "now", so the next taker's update matches it. */
  private static final Instant RELEASED = Instant.EPOCH;

  private static final String TAKE =
      "UPDATE "
          + LockEntity.NAME
          + " l SET l.owner = :owner, l.lockedUntil = :until"
          + " WHERE l.name = :name AND (l.lockedUntil <= :now OR l.owner = :owner)";

  private static final String WATERMARK =
      "SELECT "
          + DayColumns.text("rollup_watermark")
          + " FROM "
          + MaintenanceEntity.TABLE
          + " WHERE id = "
          + MaintenanceEntity.ROW_ID;

  private final Transactions transactions;
  private final JpaDialect dialect;
  private final Clock clock;

  Maintenance(Transactions transactions, JpaDialect dialect, Clock clock) {
    this.transactions = transactions;
    this.dialect = dialect;
    this.clock = clock;
  }

  /** Read as text in native SQL, not through the entity: see {@link DayColumns}. */
  Optional<LocalDate> watermark() {
    return transactions.run(
        "rollupWatermark",
        manager -> {
          List<?> rows = manager.createNativeQuery(WATERMARK).getResultList();
          return rows.isEmpty()
              ? Optional.<LocalDate>empty()
              : Optional.ofNullable(DayColumns.parse(rows.get(0)));
        });
  }

  void setWatermark(LocalDate day) {
    Objects.requireNonNull(day, "day");
    transactions.run(
        "setRollupWatermark",
        manager -> manager.createNativeQuery(dialect.upsertWatermark(day)).executeUpdate());
  }

  boolean tryLock(String name, String owner, Duration lease) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(lease, "lease");
    Instant now = clock.instant();
    Instant until = now.plus(lease);
    return transactions.run(
        "tryLock",
        manager -> {
          int taken =
              manager
                  .createQuery(TAKE)
                  .setParameter("owner", owner)
                  .setParameter("until", until)
                  .setParameter("name", name)
                  .setParameter("now", now)
                  .executeUpdate();
          return taken == 1 || insertNew(manager, name, owner, until);
        });
  }

  /**
   * Inserts the row when the name has none. A row that exists, or that another transaction inserted
   * meanwhile, means someone else holds the lock (a free row would have been taken by the update).
   */
  private boolean insertNew(EntityManager manager, String name, String owner, Instant until) {
    String sql = dialect.insertLockIfAbsent();
    if (sql != null) {
      return manager
              .createNativeQuery(sql)
              .setParameter("name", name)
              .setParameter("owner", owner)
              .setParameter("until", until)
              .executeUpdate()
          == 1;
    }
    if (manager.find(LockEntity.class, name) != null) {
      return false;
    }
    try {
      manager.persist(new LockEntity(name, owner, until));
      manager.flush();
      return true;
    } catch (PersistenceException e) {
      if (!StoreFailures.isUniqueViolation(e)) {
        throw e;
      }
      // The provider has marked the transaction for rollback; nothing of it is kept.
      manager.getTransaction().setRollbackOnly();
      return false;
    }
  }

  void unlock(String name, String owner) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    transactions.run(
        "unlock",
        manager ->
            manager
                .createQuery(
                    "UPDATE "
                        + LockEntity.NAME
                        + " l SET l.lockedUntil = :released"
                        + " WHERE l.name = :name AND l.owner = :owner")
                .setParameter("released", RELEASED)
                .setParameter("name", name)
                .setParameter("owner", owner)
                .executeUpdate());
  }
}
