package io.channelmonitor.jdbc;

import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.ResultRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** The results table: batch inserts, newest-first reads, window counts and pruning. */
final class ResultRows {
  private final Jdbc jdbc;
  private final JdbcDialect dialect;
  private final String table;
  private final String monitors;
  private final ResultMapping mapping;

  ResultRows(Jdbc jdbc, JdbcDialect dialect, Tables tables) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.table = tables.results();
    this.monitors = tables.monitors();
    this.mapping = new ResultMapping(table);
  }

  /**
   * One transaction: lock the batch's monitors that still exist (a concurrent delete either waits
   * for this transaction or has already removed its monitor, whose rows are then skipped), then
   * insert the other rows as one JDBC batch, in order, so ids follow the list.
   */
  void insert(List<ResultRecord> results) {
    List<ResultRecord> rows = List.copyOf(results);
    if (rows.isEmpty()) {
      return;
    }
    Set<Long> asked = new HashSet<>();
    rows.forEach(row -> asked.add(row.monitorId()));
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + ResultMapping.INSERT_COLUMNS
            + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    jdbc.transaction(
        "insertResults",
        connection -> {
          Set<Long> live = lockExisting(connection, asked);
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int batched = 0;
            for (ResultRecord row : rows) {
              if (live.contains(row.monitorId())) {
                mapping.bind(statement, row);
                statement.addBatch();
                batched++;
              }
            }
            if (batched > 0) {
              statement.executeBatch();
            }
          }
          return null;
        });
  }

  private Set<Long> lockExisting(Connection connection, Collection<Long> ids) throws SQLException {
    String sql =
        "SELECT id FROM "
            + monitors
            + " WHERE id = ANY(?) ORDER BY id"
            + dialect.parentLockClause();
    Set<Long> live = new HashSet<>();
    for (List<Long> chunk : SqlParts.chunks(ids)) {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setArray(1, SqlParts.bigints(connection, chunk));
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            live.add(rows.getLong(1));
          }
        }
      }
    }
    return live;
  }

  /** One window query per chunk of ids: the first row of each (monitor, model) partition. */
  List<ResultRecord> latestPerModel(Collection<Long> monitorIds) {
    List<List<Long>> chunks = SqlParts.chunks(monitorIds);
    String sql =
        "SELECT "
            + ResultMapping.ALL_COLUMNS
            + " FROM (SELECT "
            + ResultMapping.ALL_COLUMNS
            + ", ROW_NUMBER() OVER (PARTITION BY monitor_id, model"
            + " ORDER BY checked_at DESC, id DESC) AS rn FROM "
            + table
            + " WHERE monitor_id = ANY(?)) ranked WHERE rn = 1";
    return jdbc.call(
        "latestPerModel",
        connection -> {
          List<ResultRecord> latest = new ArrayList<>();
          for (List<Long> chunk : chunks) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              statement.setArray(1, SqlParts.bigints(connection, chunk));
              latest.addAll(mapping.readAll(statement));
            }
          }
          return latest;
        });
  }

  /**
   * The (monitor, model) pairs go in as two parallel arrays, unnested and joined to the results; a
   * window per monitor keeps the newest {@code limit}. Chunks follow ascending monitor ids, so
   * their concatenation keeps the order.
   */
  List<ResultRecord> newestResults(Map<Long, String> modelByMonitor, int limit) {
    Map<Long, String> sorted = new TreeMap<>();
    modelByMonitor.forEach(
        (id, model) -> {
          if (model != null) {
            sorted.put(Objects.requireNonNull(id, "monitor id"), model);
          }
        });
    if (limit < 1 || sorted.isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT "
            + ResultMapping.ALL_COLUMNS
            + " FROM (SELECT "
            + ResultMapping.allColumns("r")
            + ", ROW_NUMBER() OVER (PARTITION BY r.monitor_id ORDER BY r.checked_at DESC, r.id DESC)"
            + " AS rn FROM "
            + table
            + " r JOIN UNNEST(?, ?) AS wanted (monitor_id, model)"
            + " ON r.monitor_id = wanted.monitor_id AND r.model = wanted.model) ranked"
            + " WHERE rn <= ? ORDER BY monitor_id, checked_at DESC, id DESC";
    List<List<Long>> chunks = SqlParts.chunks(sorted.keySet());
    return jdbc.call(
        "newestResults",
        connection -> {
          List<ResultRecord> newest = new ArrayList<>();
          for (List<Long> chunk : chunks) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              statement.setArray(1, SqlParts.bigints(connection, chunk));
              statement.setArray(
                  2, SqlParts.varchars(connection, chunk.stream().map(sorted::get).toList()));
              statement.setInt(3, limit);
              newest.addAll(mapping.readAll(statement));
            }
          }
          return newest;
        });
  }

  List<ResultRecord> history(long monitorId, String model, int limit) {
    if (limit < 1) {
      return List.of();
    }
    String sql =
        "SELECT "
            + ResultMapping.ALL_COLUMNS
            + " FROM "
            + table
            + " WHERE monitor_id = ?"
            + (model == null ? "" : " AND model = ?")
            + " ORDER BY checked_at DESC, id DESC FETCH FIRST ? ROWS ONLY";
    return jdbc.call(
        "history",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setLong(i++, monitorId);
            if (model != null) {
              statement.setString(i++, model);
            }
            statement.setInt(i, limit);
            return mapping.readAll(statement);
          }
        });
  }

  List<ModelCounts> count(Collection<Long> monitorIds, Instant from, Instant to) {
    List<List<Long>> chunks = SqlParts.chunks(monitorIds);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to) || chunks.isEmpty()) {
      return List.of();
    }
    String countSelect = "SELECT monitor_id, model, " + SqlParts.STATUS_SUMS + " FROM " + table;
    String range =
        " AND checked_at >= "
            + SqlLiterals.instant(from)
            + " AND checked_at < "
            + SqlLiterals.instant(to)
            + " GROUP BY monitor_id, model";
    return jdbc.call(
        "countResults",
        connection -> {
          List<ModelCounts> counts = new ArrayList<>();
          for (List<Long> chunk : chunks) {
            String sql =
                countSelect + " WHERE monitor_id IN (" + SqlLiterals.ids(chunk) + ")" + range;
            try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                counts.add(
                    new ModelCounts(
                        rows.getLong("monitor_id"),
                        rows.getString("model"),
                        SqlParts.statusCounts(rows)));
              }
            }
          }
          return counts;
        });
  }

  /** One statement: delete the ids of the oldest {@code batchSize} rows before the cut-off. */
  int prune(Instant before, int batchSize) {
    Objects.requireNonNull(before, "before");
    if (batchSize < 1) {
      return 0;
    }
    String sql =
        "DELETE FROM "
            + table
            + " WHERE id IN (SELECT id FROM "
            + table
            + " WHERE checked_at < ? ORDER BY checked_at, id FETCH FIRST ? ROWS ONLY)";
    return jdbc.call(
        "pruneResults",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.setInstant(statement, 1, before);
            statement.setInt(2, batchSize);
            return statement.executeUpdate();
          }
        });
  }
}
