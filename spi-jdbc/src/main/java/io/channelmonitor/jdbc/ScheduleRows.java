package io.channelmonitor.jdbc;

import io.channelmonitor.schedule.RunClaim;
import io.channelmonitor.store.ResultRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The schedule table of cluster mode besides the claims: completion, give-back, due-now, lease
 * extension, release and the due times of monitors that have none. Every due time and lease end is
 * the database's now plus a length.
 */
final class ScheduleRows {
  private final Jdbc jdbc;
  private final JdbcDialect dialect;
  private final String schedule;
  private final String monitors;
  private final String results;
  private final ResultMapping mapping;
  private final String settle;

  ScheduleRows(Jdbc jdbc, JdbcDialect dialect, Tables tables) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.schedule = tables.schedule();
    this.monitors = tables.monitors();
    this.results = tables.results();
    this.mapping = new ResultMapping(results);
    this.settle =
        "UPDATE "
            + schedule
            + " SET owner = NULL, lease_until = NULL,"
            + " next_due_at = CASE WHEN next_due_at = ? THEN "
            + dialect.nowPlusMillis()
            + " ELSE next_due_at END"
            + " WHERE monitor_id = ? AND owner = ? AND claim_token = ?";
  }

  /**
   * One transaction: lock the monitor (a concurrent delete waits, or has already removed it), free
   * the lease and move the due time on while the claim is still {@code owner}'s with its token,
   * then insert the results and record the check. Nothing is written when the claim was lost.
   *
   * @return false when the claim was taken over or the monitor deleted
   */
  boolean complete(
      String owner, RunClaim claim, List<ResultRecord> rows, Instant checkedAt, long nextMillis) {
    List<ResultRecord> batch = List.copyOf(rows);
    return jdbc.transaction(
        "completeClaim",
        connection -> {
          if (!lockMonitor(connection, claim.monitorId())
              || settle(connection, owner, claim, nextMillis) != 1) {
            return false;
          }
          mapping.insert(connection, results, batch);
          MonitorRows.markChecked(connection, monitors, claim.monitorId(), checkedAt);
          return true;
        });
  }

  /** Frees the lease and moves the due time on, if the claim is still {@code owner}'s. */
  void giveBack(String owner, RunClaim claim, long nextMillis) {
    jdbc.call("giveBackClaim", connection -> settle(connection, owner, claim, nextMillis));
  }

  private int settle(Connection connection, String owner, RunClaim claim, long nextMillis)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(settle)) {
      Jdbc.setInstant(statement, 1, claim.dueAt());
      statement.setLong(2, nextMillis);
      statement.setLong(3, claim.monitorId());
      statement.setString(4, owner);
      statement.setLong(5, claim.token());
      return statement.executeUpdate();
    }
  }

  private boolean lockMonitor(Connection connection, long monitorId) throws SQLException {
    String sql = "SELECT id FROM " + monitors + " WHERE id = ?" + dialect.parentLockClause();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, monitorId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** The monitor is due now; its row is created when missing. */
  void dueNow(long monitorId) {
    String sql = dialect.upsertDueNow(schedule);
    jdbc.call(
        "dueNow",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, monitorId);
            return statement.executeUpdate();
          }
        });
  }

  /**
   * Gives every monitor without a row one, due at a uniformly random point of its interval from
   * now, so that monitors added together do not all fall due together.
   *
   * @return how many rows were added
   */
  int addMissing() {
    String sql =
        "INSERT INTO "
            + schedule
            + " (monitor_id, next_due_at) SELECT m.id, "
            + dialect.nowPlusRandomPartOf("m.interval_seconds")
            + " FROM "
            + monitors
            + " m WHERE NOT EXISTS (SELECT 1 FROM "
            + schedule
            + " s WHERE s.monitor_id = m.id)"
            + dialect.skipExistingSchedule();
    return jdbc.call(
        "addMissingDueTimes",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeUpdate();
          } catch (SQLException e) {
            if (SqlFailures.isUniqueViolation(e)) {
              return 0;
            }
            throw e;
          }
        });
  }

  /** Ends the leases of {@code monitorIds} that {@code owner} holds at now + the lease. */
  void extend(String owner, Collection<Long> monitorIds, long leaseMillis) {
    if (monitorIds.isEmpty()) {
      return;
    }
    String sql =
        "UPDATE "
            + schedule
            + " SET lease_until = "
            + dialect.nowPlusMillis()
            + " WHERE owner = ? AND monitor_id = ANY(?)";
    jdbc.call(
        "extendLeases",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, leaseMillis);
            statement.setString(2, owner);
            statement.setArray(3, SqlParts.bigints(connection, SqlParts.distinct(monitorIds)));
            return statement.executeUpdate();
          }
        });
  }

  /** Frees every lease {@code owner} holds; the due times stay, so others may take them at once. */
  int releaseAll(String owner) {
    String sql = "UPDATE " + schedule + " SET owner = NULL, lease_until = NULL WHERE owner = ?";
    return jdbc.call(
        "releaseLeases",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, owner);
            return statement.executeUpdate();
          }
        });
  }
}
