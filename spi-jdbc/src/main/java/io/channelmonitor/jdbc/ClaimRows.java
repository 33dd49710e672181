package io.channelmonitor.jdbc;

import io.channelmonitor.schedule.RunClaim;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The claims of cluster mode on the schedule table. A monitor is due when it is enabled, its due
 * time has passed and its lease is free (none, or ended), all by the database's clock. A claim sets
 * the owner and the lease end and adds one to the claim token, in one conditional statement:
 *
 * <ul>
 *   <li>PostgreSQL: one {@code UPDATE ... FROM (SELECT ... FOR UPDATE SKIP LOCKED)} takes the
 *       earliest due rows that no other transaction is claiming, and returns them;
 *   <li>H2: the earliest due rows are read, then each is taken by an {@code UPDATE} that repeats
 *       the due condition and requires the token it read; a row another instance took meanwhile
 *       updates nothing and is left to it.
 * </ul>
 */
final class ClaimRows {
  private static final String CLAIM_COLUMNS =
      "d.monitor_id, d.claim_token, d.next_due_at, m.interval_seconds, m.jitter_seconds";

  private final Jdbc jdbc;
  private final JdbcDialect dialect;
  private final String schedule;
  private final String monitors;
  private final String lease;

  ClaimRows(Jdbc jdbc, JdbcDialect dialect, Tables tables) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.schedule = tables.schedule();
    this.monitors = tables.monitors();
    this.lease = dialect.nowPlusMillis();
  }

  /** The due condition on schedule rows {@code d} joined with their monitors {@code m}. */
  private String dueRows() {
    return " FROM "
        + schedule
        + " d JOIN "
        + monitors
        + " m ON m.id = d.monitor_id"
        + " WHERE m.enabled = TRUE AND d.next_due_at <= CURRENT_TIMESTAMP"
        + " AND (d.lease_until IS NULL OR d.lease_until <= CURRENT_TIMESTAMP)";
  }

  /** How many runs are due, counting at most {@code cap}. */
  int countDue(int cap) {
    String sql = "SELECT COUNT(*) FROM (SELECT 1" + dueRows() + " FETCH FIRST ? ROWS ONLY) due";
    return jdbc.call(
        "countDue",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, cap);
            try (ResultSet rows = statement.executeQuery()) {
              rows.next();
              return rows.getInt(1);
            }
          }
        });
  }

  /** Claims up to {@code limit} due runs, earliest first, for {@code owner}. */
  List<RunClaim> claimDue(String owner, int limit, long leaseMillis) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.call(
        "claimDue",
        connection ->
            dialect.claimsWithSkipLocked()
                ? claimSkippingLocked(connection, owner, limit, leaseMillis)
                : claimOptimistically(connection, owner, limit, leaseMillis));
  }

  private List<RunClaim> claimSkippingLocked(
      Connection connection, String owner, int limit, long leaseMillis) throws SQLException {
    String sql =
        "UPDATE "
            + schedule
            + " s SET owner = ?, lease_until = "
            + lease
            + ", claim_token = s.claim_token + 1"
            + " FROM (SELECT d.monitor_id, m.interval_seconds, m.jitter_seconds"
            + dueRows()
            + " ORDER BY d.next_due_at LIMIT ? FOR UPDATE OF d SKIP LOCKED) due"
            + " WHERE s.monitor_id = due.monitor_id"
            + " RETURNING s.monitor_id, s.claim_token, s.next_due_at,"
            + " due.interval_seconds, due.jitter_seconds";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, owner);
      statement.setLong(2, leaseMillis);
      statement.setInt(3, limit);
      List<RunClaim> claims = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          claims.add(claim(rows, 0));
        }
      }
      return claims;
    }
  }

  private List<RunClaim> claimOptimistically(
      Connection connection, String owner, int limit, long leaseMillis) throws SQLException {
    List<RunClaim> candidates = new ArrayList<>();
    String read =
        "SELECT " + CLAIM_COLUMNS + dueRows() + " ORDER BY d.next_due_at FETCH FIRST ? ROWS ONLY";
    try (PreparedStatement statement = connection.prepareStatement(read)) {
      statement.setInt(1, limit);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          candidates.add(claim(rows, 1));
        }
      }
    }
    List<RunClaim> claims = new ArrayList<>();
    for (RunClaim candidate : candidates) {
      if (take(connection, owner, candidate, leaseMillis)) {
        claims.add(candidate);
      }
    }
    return claims;
  }

  /** Takes a row read as due, if it still is and nobody claimed it since (same token). */
  private boolean take(Connection connection, String owner, RunClaim read, long leaseMillis)
      throws SQLException {
    String sql =
        "UPDATE "
            + schedule
            + " SET owner = ?, lease_until = "
            + lease
            + ", claim_token = claim_token + 1"
            + " WHERE monitor_id = ? AND claim_token = ?"
            + " AND next_due_at <= CURRENT_TIMESTAMP"
            + " AND (lease_until IS NULL OR lease_until <= CURRENT_TIMESTAMP)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, owner);
      statement.setLong(2, leaseMillis);
      statement.setLong(3, read.monitorId());
      statement.setLong(4, read.token() - 1);
      return statement.executeUpdate() == 1;
    }
  }

  /**
   * Claims one monitor's lease for a manual run, due or not, enabled or not; creates its schedule
   * row (due now) when it has none.
   */
  Optional<RunClaim> claimNow(String owner, long monitorId, long leaseMillis) {
    String ensure =
        "INSERT INTO "
            + schedule
            + " (monitor_id, next_due_at) SELECT id, CURRENT_TIMESTAMP FROM "
            + monitors
            + " WHERE id = ? AND NOT EXISTS (SELECT 1 FROM "
            + schedule
            + " WHERE monitor_id = ?)"
            + dialect.skipExistingSchedule();
    jdbc.call("claimNow", connection -> insertIgnoringDuplicate(connection, ensure, monitorId));
    return jdbc.transaction(
        "claimNow", connection -> takeLease(connection, owner, monitorId, leaseMillis));
  }

  private static int insertIgnoringDuplicate(Connection connection, String sql, long monitorId)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, monitorId);
      statement.setLong(2, monitorId);
      return statement.executeUpdate();
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        return 0;
      }
      throw e;
    }
  }

  private Optional<RunClaim> takeLease(
      Connection connection, String owner, long monitorId, long leaseMillis) throws SQLException {
    String update =
        "UPDATE "
            + schedule
            + " SET owner = ?, lease_until = "
            + lease
            + ", claim_token = claim_token + 1"
            + " WHERE monitor_id = ?"
            + " AND (lease_until IS NULL OR lease_until <= CURRENT_TIMESTAMP)";
    try (PreparedStatement statement = connection.prepareStatement(update)) {
      statement.setString(1, owner);
      statement.setLong(2, leaseMillis);
      statement.setLong(3, monitorId);
      if (statement.executeUpdate() != 1) {
        return Optional.empty();
      }
    }
    String read =
        "SELECT "
            + CLAIM_COLUMNS
            + " FROM "
            + schedule
            + " d JOIN "
            + monitors
            + " m ON m.id = d.monitor_id WHERE d.monitor_id = ?";
    try (PreparedStatement statement = connection.prepareStatement(read)) {
      statement.setLong(1, monitorId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(claim(rows, 0)) : Optional.empty();
      }
    }
  }

  /**
   * A claim from a row of the claim columns, its token raised by {@code tokenStep} (1 when the row
   * was read before the claim).
   */
  private static RunClaim claim(ResultSet rows, int tokenStep) throws SQLException {
    return new RunClaim(
        rows.getLong("monitor_id"),
        rows.getLong("claim_token") + tokenStep,
        Jdbc.getInstant(rows, "next_due_at"),
        rows.getInt("interval_seconds"),
        rows.getInt("jitter_seconds"));
  }
}
