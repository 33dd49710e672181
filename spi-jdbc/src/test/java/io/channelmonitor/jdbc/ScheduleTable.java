package io.channelmonitor.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/** Direct reads and writes of the cluster tables for tests, with the database's clock. */
final class ScheduleTable {
  /** One row of the schedule table. */
  record Row(Instant nextDueAt, String owner, Instant leaseUntil, long token) {}

  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final Tables tables;

  ScheduleTable(DataSource dataSource, JdbcDialect dialect, String prefix) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.tables = new Tables(prefix);
  }

  Optional<Row> row(long monitorId) {
    String sql =
        "SELECT next_due_at, owner, lease_until, claim_token FROM "
            + tables.schedule()
            + " WHERE monitor_id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, monitorId);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Row(
                Jdbc.getInstant(rows, "next_due_at"),
                rows.getString("owner"),
                Jdbc.getInstant(rows, "lease_until"),
                rows.getLong("claim_token")));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The database's now. */
  Instant now() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getObject(1, OffsetDateTime.class).toInstant();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets the monitor's due time to the database's now plus {@code millis}, making the row. */
  void dueIn(long monitorId, long millis) {
    execute(dialect.upsertDueNow(tables.schedule()), monitorId);
    String sql =
        "UPDATE "
            + tables.schedule()
            + " SET next_due_at = "
            + dialect.nowPlusMillis()
            + " WHERE monitor_id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, millis);
      statement.setLong(2, monitorId);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many result rows the monitor has. */
  int results(long monitorId) {
    return count("SELECT COUNT(*) FROM " + tables.results() + " WHERE monitor_id = ?", monitorId);
  }

  /** How many instances are registered. */
  int instances() {
    return count("SELECT COUNT(*) FROM " + tables.instances() + " WHERE 0 < ?", 1);
  }

  void execute(String sql) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void execute(String sql, long parameter) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, parameter);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private int count(String sql, long parameter) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
