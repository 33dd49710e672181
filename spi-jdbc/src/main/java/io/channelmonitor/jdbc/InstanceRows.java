package io.channelmonitor.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The instances table of cluster mode: one row per instance with its last heartbeat, by the
 * database's clock. An instance is alive while its heartbeat is younger than the lease time.
 */
final class InstanceRows {
  private final Jdbc jdbc;
  private final String instances;
  private final String nowPlusMillis;

  InstanceRows(Jdbc jdbc, JdbcDialect dialect, Tables tables) {
    this.jdbc = jdbc;
    this.instances = tables.instances();
    this.nowPlusMillis = dialect.nowPlusMillis();
  }

  /**
   * Records a heartbeat of {@code instanceId} (registering it if needed), deletes the rows of
   * instances silent for longer than {@code forgetMillis}, and counts the instances whose heartbeat
   * is younger than {@code aliveMillis}, on one connection.
   *
   * @return the live instances, at least 1 (this one)
   */
  int beat(String instanceId, long aliveMillis, long forgetMillis) {
    return jdbc.call(
        "heartbeat",
        connection -> {
          if (update(connection, instanceId) == 0) {
            insert(connection, instanceId);
          }
          forget(connection, forgetMillis);
          return Math.max(1, countAlive(connection, aliveMillis));
        });
  }

  private int update(Connection connection, String instanceId) throws SQLException {
    String sql =
        "UPDATE " + instances + " SET heartbeat_at = CURRENT_TIMESTAMP WHERE instance_id = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, instanceId);
      return statement.executeUpdate();
    }
  }

  private void insert(Connection connection, String instanceId) throws SQLException {
    String sql =
        "INSERT INTO "
            + instances
            + " (instance_id, started_at, heartbeat_at)"
            + " VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, instanceId);
      statement.executeUpdate();
    }
  }

  private void forget(Connection connection, long forgetMillis) throws SQLException {
    String sql = "DELETE FROM " + instances + " WHERE heartbeat_at < " + nowPlusMillis;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, -forgetMillis);
      statement.executeUpdate();
    }
  }

  private int countAlive(Connection connection, long aliveMillis) throws SQLException {
    String sql = "SELECT COUNT(*) FROM " + instances + " WHERE heartbeat_at > " + nowPlusMillis;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, -aliveMillis);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** Deletes the row of {@code instanceId}: it left. */
  void remove(String instanceId) {
    String sql = "DELETE FROM " + instances + " WHERE instance_id = ?";
    jdbc.call(
        "leave",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, instanceId);
            return statement.executeUpdate();
          }
        });
  }
}
