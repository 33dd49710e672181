package io.channelmonitor.jdbc;

import java.util.Locale;

/**
 * The databases {@link JdbcStore} speaks to. The store detects the dialect from the driver's
 * product name; {@link JdbcStore.Builder#dialect(JdbcDialect)} overrides the detection.
 */
public enum JdbcDialect {
  /** PostgreSQL 12 or later. */
  POSTGRESQL("schema-postgresql.sql"),
  /** H2 2.x in its default mode (no compatibility mode needed). */
  H2("schema-h2.sql");

  private static final String RESOURCE_DIR = "io/channelmonitor/jdbc/";

  private final String schemaFile;

  JdbcDialect(String schemaFile) {
    this.schemaFile = schemaFile;
  }

  /**
   * The dialect of a database whose driver reports {@code productName} (as {@link
   * java.sql.DatabaseMetaData#getDatabaseProductName()} does).
   *
   * @throws IllegalArgumentException when no dialect fits; the message names the product
   */
  public static JdbcDialect fromProductName(String productName) {
    String name = productName == null ? "" : productName.trim().toLowerCase(Locale.ROOT);
    if (name.startsWith("postgresql")) {
      return POSTGRESQL;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalArgumentException(
        "channel-monitor JdbcStore does not support the database product '"
            + productName
            + "'; supported: PostgreSQL, H2");
  }

  /** The dialect of the database {@code jdbc} connects to, from its product name. */
  static JdbcDialect detect(Jdbc jdbc) {
    return jdbc.call(
        "detect dialect",
        connection -> fromProductName(connection.getMetaData().getDatabaseProductName()));
  }

  /**
   * The classpath location of this dialect's schema script, written for the default table prefix,
   * for example {@code io/channelmonitor/jdbc/schema-postgresql.sql}.
   */
  public String schemaResource() {
    return RESOURCE_DIR + schemaFile;
  }

  /**
   * The row lock a writer of results or rollups takes on the monitors it writes for, so that a
   * concurrent delete of one of them either waits for the writer or is seen by it.
   */
  String parentLockClause() {
    return this == POSTGRESQL ? " FOR KEY SHARE" : " FOR UPDATE";
  }

  /**
   * The {@code columns} (a comma-separated list of the results table's columns) of the newest rows
   * of each (monitor, model) pair, in no particular order. The pairs are two parallel array
   * parameters (BIGINT ids, then VARCHAR models) and the number of rows per pair is the third
   * parameter.
   *
   * <p>PostgreSQL answers each pair with a {@code LATERAL} index scan of {@code (monitor_id, model,
   * checked_at DESC, id DESC)} that stops after the limit, so the cost follows the pairs and the
   * limit, not the stored rows; the plan does not depend on the parameter values. H2 2.x has no
   * {@code LATERAL}, so it ranks the rows of the asked pairs with {@code ROW_NUMBER()}.
   */
  String newestPerPair(String results, String columns) {
    if (this == POSTGRESQL) {
      return "SELECT "
          + ResultMapping.qualified(columns, "r")
          + " FROM UNNEST(?, ?) AS wanted (monitor_id, model) CROSS JOIN LATERAL (SELECT "
          + ResultMapping.qualified(columns, "n")
          + " FROM "
          + results
          + " n WHERE n.monitor_id = wanted.monitor_id AND n.model = wanted.model"
          + " ORDER BY n.checked_at DESC, n.id DESC LIMIT ?) r";
    }
    return "SELECT "
        + columns
        + " FROM (SELECT "
        + ResultMapping.qualified(columns, "r")
        + ", ROW_NUMBER() OVER (PARTITION BY r.monitor_id, r.model"
        + " ORDER BY r.checked_at DESC, r.id DESC) AS newest_rank FROM "
        + results
        + " r JOIN UNNEST(?, ?) AS wanted (monitor_id, model)"
        + " ON r.monitor_id = wanted.monitor_id AND r.model = wanted.model) ranked"
        + " WHERE newest_rank <= ?";
  }

  /** Inserts a lock row (name, owner, locked_until) unless one with that name exists. */
  String insertLockIfAbsent(String locks) {
    String insert = "INSERT INTO " + locks + " (name, owner, locked_until) VALUES (?, ?, ?)";
    // H2 reports a concurrent duplicate as SQLState 23505, which the caller treats as "exists".
    return this == POSTGRESQL ? insert + " ON CONFLICT (name) DO NOTHING" : insert;
  }

  /** Writes the single maintenance row (id 1) with the watermark as its one parameter. */
  String upsertWatermark(String maintenance) {
    if (this == POSTGRESQL) {
      return "INSERT INTO "
          + maintenance
          + " (id, rollup_watermark) VALUES (1, ?)"
          + " ON CONFLICT (id) DO UPDATE SET rollup_watermark = EXCLUDED.rollup_watermark";
    }
    return "MERGE INTO " + maintenance + " (id, rollup_watermark) KEY (id) VALUES (1, ?)";
  }

  /**
   * The database's "now" plus a number of milliseconds given as one BIGINT parameter: the only way
   * cluster mode computes a due time or a lease end, so that the database's clock decides them.
   */
  String nowPlusMillis() {
    return this == POSTGRESQL
        ? "(CURRENT_TIMESTAMP + CAST(? AS BIGINT) * INTERVAL '1 millisecond')"
        : "DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP)";
  }

  /** The database's "now" plus a uniform random part of the seconds in {@code secondsColumn}. */
  String nowPlusRandomPartOf(String secondsColumn) {
    return this == POSTGRESQL
        ? "(CURRENT_TIMESTAMP + random() * " + secondsColumn + " * INTERVAL '1 second')"
        : "DATEADD(MILLISECOND, CAST(RAND() * "
            + secondsColumn
            + " * 1000 AS BIGINT), CURRENT_TIMESTAMP)";
  }

  /**
   * Sets a monitor's due time (its one parameter) to the database's now, creating the row when
   * missing; a lease and claim token it has are kept.
   */
  String upsertDueNow(String schedule) {
    if (this == POSTGRESQL) {
      return "INSERT INTO "
          + schedule
          + " (monitor_id, next_due_at) VALUES (?, CURRENT_TIMESTAMP)"
          + " ON CONFLICT (monitor_id) DO UPDATE SET next_due_at = EXCLUDED.next_due_at";
    }
    return "MERGE INTO "
        + schedule
        + " (monitor_id, next_due_at) KEY (monitor_id) VALUES (?, CURRENT_TIMESTAMP)";
  }

  /**
   * Appended to an INSERT into the schedule so that a row another instance inserted meanwhile is
   * skipped. H2 reports it as SQLState 23505 instead, which the caller treats as "exists".
   */
  String skipExistingSchedule() {
    return this == POSTGRESQL ? " ON CONFLICT (monitor_id) DO NOTHING" : "";
  }

  /**
   * Whether due runs are claimed with one {@code UPDATE ... FOR UPDATE SKIP LOCKED} statement
   * (PostgreSQL), rather than read first and then taken one by one with a conditional UPDATE that
   * checks the claim token (H2, and any database without {@code SKIP LOCKED}).
   */
  boolean claimsWithSkipLocked() {
    return this == POSTGRESQL;
  }
}
