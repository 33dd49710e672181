package io.channelmonitor.jdbc;

import io.channelmonitor.MonitorQuery;
import io.channelmonitor.Page;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.StaleMonitorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The monitors table: inserts, compare-and-set updates, cascading deletes and listings. */
final class MonitorRows {
  private final Jdbc jdbc;
  private final String table;
  private final MonitorMapping mapping;

  MonitorRows(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    this.table = tables.monitors();
    this.mapping = new MonitorMapping(table);
  }

  MonitorRecord insert(MonitorRecord monitor) {
    Objects.requireNonNull(monitor, "monitor");
    String sql =
        "INSERT INTO "
            + table
            + " (version, "
            + MonitorMapping.CONFIG_COLUMNS
            + ", created_at, updated_at, last_checked_at)"
            + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    long id =
        jdbc.call(
            "insertMonitor",
            connection -> {
              try (PreparedStatement statement =
                  connection.prepareStatement(sql, new String[] {"id"})) {
                int next = mapping.bindConfig(statement, monitor);
                Jdbc.setInstant(statement, next++, monitor.createdAt());
                Jdbc.setInstant(statement, next++, monitor.updatedAt());
                Jdbc.setInstant(statement, next, monitor.lastCheckedAt());
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                  keys.next();
                  return keys.getLong(1);
                }
              }
            });
    return monitor.withId(id).withVersion(1);
  }

  /** Compare-and-set on the version, then a read of the row, in one transaction. */
  Optional<MonitorRecord> update(MonitorRecord monitor) {
    Objects.requireNonNull(monitor, "monitor");
    String sql =
        "UPDATE "
            + table
            + " SET "
            + MonitorMapping.CONFIG_COLUMNS.replace(",", " = ?,")
            + " = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";
    return jdbc.transaction(
        "updateMonitor",
        connection -> {
          int updated;
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = mapping.bindConfig(statement, monitor);
            Jdbc.setInstant(statement, next++, monitor.updatedAt());
            statement.setLong(next++, monitor.id());
            statement.setLong(next, monitor.version());
            updated = statement.executeUpdate();
          }
          Optional<MonitorRecord> stored = find(connection, monitor.id());
          if (updated == 0 && stored.isPresent()) {
            throw new StaleMonitorException(monitor.id());
          }
          return stored;
        });
  }

  boolean delete(long id) {
    String sql = "DELETE FROM " + table + " WHERE id = ?";
    return jdbc.call(
        "deleteMonitor",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            return statement.executeUpdate() > 0;
          }
        });
  }

  Optional<MonitorRecord> find(long id) {
    return jdbc.call("findMonitor", connection -> find(connection, id));
  }

  private Optional<MonitorRecord> find(Connection connection, long id) throws SQLException {
    String sql = "SELECT " + MonitorMapping.ALL_COLUMNS + " FROM " + table + " WHERE id = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, id);
      List<MonitorRecord> found = readAll(statement);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  List<MonitorRecord> listEnabled() {
    String sql =
        "SELECT "
            + MonitorMapping.ALL_COLUMNS
            + " FROM "
            + table
            + " WHERE enabled = TRUE ORDER BY id";
    return jdbc.call(
        "listEnabledMonitors",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return readAll(statement);
          }
        });
  }

  void markChecked(long id, Instant at) {
    Objects.requireNonNull(at, "at");
    jdbc.call("markChecked", connection -> markChecked(connection, table, id, at));
  }

  /** Sets the monitor's last check on {@code connection}, in the caller's transaction. */
  static int markChecked(Connection connection, String table, long id, Instant at)
      throws SQLException {
    String sql = "UPDATE " + table + " SET last_checked_at = ? WHERE id = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      Jdbc.setInstant(statement, 1, at);
      statement.setLong(2, id);
      return statement.executeUpdate();
    }
  }

  /** A count and one page, on one connection. */
  Page<MonitorRecord> list(MonitorQuery query) {
    Objects.requireNonNull(query, "query");
    Filter filter = Filter.of(query);
    String count = "SELECT COUNT(*) FROM " + table + filter.where();
    String page =
        "SELECT "
            + MonitorMapping.ALL_COLUMNS
            + " FROM "
            + table
            + filter.where()
            + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    return jdbc.call(
        "listMonitors",
        connection -> {
          long total;
          try (PreparedStatement statement = connection.prepareStatement(count)) {
            filter.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
              rows.next();
              total = rows.getLong(1);
            }
          }
          try (PreparedStatement statement = connection.prepareStatement(page)) {
            int next = filter.bind(statement);
            statement.setLong(next++, query.offset());
            statement.setInt(next, query.pageSize());
            return new Page<>(readAll(statement), total, query.page(), query.pageSize());
          }
        });
  }

  private List<MonitorRecord> readAll(PreparedStatement statement) throws SQLException {
    List<MonitorRecord> monitors = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        monitors.add(mapping.read(rows));
      }
    }
    return monitors;
  }

  /**
   * The WHERE clause of a listing and its parameters. The search is a case-insensitive substring of
   * name, group or primary model, with LIKE wildcards in it taken literally.
   */
  private record Filter(String where, List<Object> parameters) {
    private static final char ESCAPE = '!';

    static Filter of(MonitorQuery query) {
      List<String> conditions = new ArrayList<>();
      List<Object> parameters = new ArrayList<>();
      if (query.provider() != null) {
        conditions.add("provider = ?");
        parameters.add(query.provider());
      }
      if (query.enabled() != null) {
        conditions.add("enabled = ?");
        parameters.add(query.enabled());
      }
      if (query.search() != null) {
        String like = "LIKE ? ESCAPE '" + ESCAPE + "'";
        conditions.add(
            "(LOWER(name) "
                + like
                + " OR LOWER(group_name) "
                + like
                + " OR LOWER(primary_model) "
                + like
                + ")");
        String pattern = "%" + escapeLike(query.search().toLowerCase(Locale.ROOT)) + "%";
        parameters.add(pattern);
        parameters.add(pattern);
        parameters.add(pattern);
      }
      String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
      return new Filter(where, parameters);
    }

    /** Binds the parameters from index 1 and returns the next index. */
    int bind(PreparedStatement statement) throws SQLException {
      int i = 1;
      for (Object parameter : parameters) {
        statement.setObject(i++, parameter);
      }
      return i;
    }

    private static String escapeLike(String text) {
      StringBuilder escaped = new StringBuilder(text.length() + 8);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == ESCAPE || c == '%' || c == '_') {
          escaped.append(ESCAPE);
        }
        escaped.append(c);
      }
      return escaped.toString();
    }
  }
}
