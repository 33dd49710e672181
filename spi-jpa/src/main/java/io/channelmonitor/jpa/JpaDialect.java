package io.channelmonitor.jpa;

import io.channelmonitor.internal.SqlLiterals;
import io.channelmonitor.jpa.entity.LockEntity;
import io.channelmonitor.jpa.entity.MaintenanceEntity;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The databases {@link JpaStore} supports. Most of the store is JPQL and works on either; the
 * dialect picks the few native statements JPQL cannot express in one round trip: the upsert of a
 * day's rollups, the upsert of the watermark and the insert of a new lock row. The store detects it
 * from the JDBC driver's product name; {@link JpaStore.Builder#dialect(JpaDialect)} overrides the
 * detection.
 */
public enum JpaDialect {
  /** PostgreSQL 12 or later: {@code INSERT ... ON CONFLICT}. */
  POSTGRESQL,
  /** H2 2.x in its default mode: {@code MERGE}. */
  H2;

  /**
   * The dialect of a database whose driver reports {@code productName} (as {@link
   * java.sql.DatabaseMetaData#getDatabaseProductName()} does).
   *
   * @throws IllegalArgumentException when no dialect fits; the message names the product
   */
  public static JpaDialect fromProductName(String productName) {
    String name = productName == null ? "" : productName.trim().toLowerCase(Locale.ROOT);
    if (name.startsWith("postgresql")) {
      return POSTGRESQL;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalArgumentException(
        "channel-monitor JpaStore does not support the database product '"
            + productName
            + "'; supported: PostgreSQL, H2");
  }

  /**
   * The lock a result or rollup write takes on its monitors' rows: PostgreSQL's {@code FOR KEY
   * SHARE} conflicts only with a delete (or key change) of the monitor, so runs and edits of the
   * same monitor do not wait for each other; H2 has only {@code FOR UPDATE}.
   */
  String parentLockClause() {
    return this == POSTGRESQL ? " FOR KEY SHARE" : " FOR UPDATE";
  }

  /** Writes the maintenance row with {@code day} as its watermark. */
  String upsertWatermark(LocalDate day) {
    String table = MaintenanceEntity.TABLE;
    int row = MaintenanceEntity.ROW_ID;
    if (this == POSTGRESQL) {
      return "INSERT INTO "
          + table
          + " (id, rollup_watermark) VALUES ("
          + row
          + ", "
          + SqlLiterals.day(day)
          + ") ON CONFLICT (id)"
          + " DO UPDATE SET rollup_watermark = EXCLUDED.rollup_watermark";
    }
    return "MERGE INTO "
        + table
        + " (id, rollup_watermark) KEY (id) VALUES ("
        + row
        + ", "
        + SqlLiterals.day(day)
        + ")";
  }

  /**
   * Inserts a lock row from the parameters {@code name}, {@code owner} and {@code until} unless the
   * name exists, updating nothing; or null when the dialect has no such statement and the store
   * inserts the entity, treating a duplicate key as "exists".
   */
  String insertLockIfAbsent() {
    if (this == POSTGRESQL) {
      return "INSERT INTO "
          + LockEntity.TABLE
          + " (name, owner, locked_until) VALUES (:name, :owner, :until)"
          + " ON CONFLICT (name) DO NOTHING";
    }
    return null;
  }
}
