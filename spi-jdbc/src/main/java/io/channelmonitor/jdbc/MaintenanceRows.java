package io.channelmonitor.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The maintenance row (the rollup watermark) and the named leases. A lease is taken by a
 * conditional UPDATE of its row, or by inserting the row when there is none; either way the
 * database decides in one statement who holds it. "Now" is the store's clock, so leases expire as
 * the host's clock says (and as a test's manual clock says).
 */
final class MaintenanceRows {
  private final Jdbc jdbc;
  private final JdbcDialect dialect;
  private final Clock clock;
  private final String maintenance;
  private final String locks;

  MaintenanceRows(Jdbc jdbc, JdbcDialect dialect, Tables tables, Clock clock) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.clock = clock;
    this.maintenance = tables.maintenance();
    this.locks = tables.locks();
  }

  Optional<LocalDate> watermark() {
    String sql = "SELECT rollup_watermark FROM " + maintenance + " WHERE id = 1";
    return jdbc.call(
        "rollupWatermark",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql);
              ResultSet rows = statement.executeQuery()) {
            return rows.next()
                ? Optional.ofNullable(rows.getObject(1, LocalDate.class))
                : Optional.empty();
          }
        });
  }

  void setWatermark(LocalDate day) {
    Objects.requireNonNull(day, "day");
    String sql = dialect.upsertWatermark(maintenance);
    jdbc.call(
        "setRollupWatermark",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, day);
            return statement.executeUpdate();
          }
        });
  }

  boolean tryLock(String name, String owner, Duration lease) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(lease, "lease");
    Instant now = clock.instant();
    Instant until = now.plus(lease);
    return jdbc.call(
        "tryLock",
        connection ->
            takeExisting(connection, name, owner, now, until)
                || insertNew(connection, name, owner, until));
  }

  /** Takes the row when it has expired or is the owner's already. */
  private boolean takeExisting(
      Connection connection, String name, String owner, Instant now, Instant until)
      throws SQLException {
    String sql =
        "UPDATE "
            + locks
            + " SET owner = ?, locked_until = ?"
            + " WHERE name = ? AND (locked_until <= ? OR owner = ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, owner);
      Jdbc.setInstant(statement, 2, until);
      statement.setString(3, name);
      Jdbc.setInstant(statement, 4, now);
      statement.setString(5, owner);
      return statement.executeUpdate() == 1;
    }
  }

  /** Inserts the row when there is none; a row that appeared meanwhile means someone holds it. */
  private boolean insertNew(Connection connection, String name, String owner, Instant until)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(dialect.insertLockIfAbsent(locks))) {
      statement.setString(1, name);
      statement.setString(2, owner);
      Jdbc.setInstant(statement, 3, until);
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  void unlock(String name, String owner) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    String sql = "DELETE FROM " + locks + " WHERE name = ? AND owner = ?";
    jdbc.call(
        "unlock",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            statement.setString(2, owner);
            return statement.executeUpdate();
          }
        });
  }
}
