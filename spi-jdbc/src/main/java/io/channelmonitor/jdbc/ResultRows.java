package io.channelmonitor.jdbc;

import io.channelmonitor.internal.NewestRows;
import io.channelmonitor.internal.RunResults;
import io.channelmonitor.internal.SqlLiterals;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.ResultPoint;
import io.channelmonitor.store.ResultRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
    jdbc.transaction(
        "insertResults",
        connection -> {
          Set<Long> live = lockExisting(connection, asked);
          mapping.insert(
              connection, table, rows.stream().filter(r -> live.contains(r.monitorId())).toList());
          return null;
        });
  }

  /**
   * One transaction for a whole run: set the monitor's last check, which also locks its row (a
   * concurrent delete waits for this transaction, or has removed the monitor and the update finds
   * no row, so nothing is stored), then insert the results as one JDBC batch. One commit, and one
   * statement fewer than {@link #insert} followed by a separate {@code markChecked}.
   */
  void recordRun(long monitorId, List<ResultRecord> results, Instant checkedAt) {
    List<ResultRecord> rows = RunResults.of(monitorId, results, checkedAt);
    jdbc.transaction(
        "recordRun",
        connection -> {
          if (MonitorRows.markChecked(connection, monitors, monitorId, checkedAt) > 0) {
            mapping.insert(connection, table, rows);
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
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, SqlParts.bigints(connection, SqlParts.distinct(ids)));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          live.add(rows.getLong(1));
        }
      }
    }
    return live;
  }

  /** The newest result of each asked (monitor, model): one query. */
  List<ResultRecord> latestPerModel(Map<Long, ? extends Collection<String>> modelsByMonitor) {
    return newestPerPair(
        "latestPerModel",
        NewestRows.pairs(modelsByMonitor),
        1,
        ResultMapping.ALL_COLUMNS,
        mapping::read);
  }

  /**
   * The newest {@code limit} results of one model per monitor, sorted here by monitor id, then
   * newest first: the database returns them per pair in no particular order, and sorting the rows
   * in memory spares it a sort of every row it returns.
   */
  List<ResultRecord> newestResults(Map<Long, String> modelByMonitor, int limit) {
    return sorted(
        newestPerPair(
            "newestResults",
            NewestRows.onePerMonitor(modelByMonitor),
            limit,
            ResultMapping.ALL_COLUMNS,
            mapping::read),
        NewestRows.RECORDS_BY_MONITOR_NEWEST_FIRST);
  }

  /** {@link #newestResults} reading only the columns of a {@link ResultPoint}. */
  List<ResultPoint> newestPoints(Map<Long, String> modelByMonitor, int limit) {
    return sorted(
        newestPerPair(
            "newestPoints",
            NewestRows.onePerMonitor(modelByMonitor),
            limit,
            ResultMapping.POINT_COLUMNS,
            mapping::readPoint),
        NewestRows.POINTS_BY_MONITOR_NEWEST_FIRST);
  }

  private static <T> List<T> sorted(List<T> rows, Comparator<T> order) {
    List<T> sorted = new ArrayList<>(rows);
    sorted.sort(order);
    return sorted;
  }

  /**
   * The {@code columns} of the newest {@code limit} rows of every (monitor, model) pair in {@code
   * pairs} (see {@link JdbcDialect#newestPerPair}), the pairs bound as two parallel arrays: one
   * statement for any number of pairs.
   */
  private <T> List<T> newestPerPair(
      String operation,
      Map<Long, Set<String>> pairs,
      int limit,
      String columns,
      Jdbc.RowReader<T> reader) {
    if (limit < 1 || pairs.isEmpty()) {
      return List.of();
    }
    String sql = dialect.newestPerPair(table, columns);
    List<Long> ids = new ArrayList<>();
    List<String> models = new ArrayList<>();
    pairs.forEach(
        (id, modelsOfMonitor) ->
            modelsOfMonitor.forEach(
                model -> {
                  ids.add(id);
                  models.add(model);
                }));
    return jdbc.call(
        operation,
        connection -> {
          List<T> rows = new ArrayList<>();
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, SqlParts.bigints(connection, ids));
            statement.setArray(2, SqlParts.varchars(connection, models));
            statement.setInt(3, limit);
            try (ResultSet resultSet = statement.executeQuery()) {
              while (resultSet.next()) {
                rows.add(reader.read(resultSet));
              }
            }
          }
          return rows;
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

  /**
   * The counts of every range {@code [from, to)} in one statement (see {@link RangeSums}); every
   * start gets an entry, empty when it is not before {@code to}.
   */
  Map<Instant, List<ModelCounts>> countFrom(
      Collection<Long> monitorIds, Collection<Instant> froms, Instant to) {
    List<Long> ids = SqlParts.distinct(monitorIds);
    Objects.requireNonNull(to, "to");
    Map<Instant, List<ModelCounts>> out = new TreeMap<>();
    Objects.requireNonNull(froms, "froms")
        .forEach(from -> out.put(Objects.requireNonNull(from, "from"), new ArrayList<>()));
    List<Instant> starts = out.keySet().stream().filter(from -> from.isBefore(to)).toList();
    if (starts.isEmpty() || ids.isEmpty()) {
      return out;
    }
    RangeSums sums =
        RangeSums.ofResults(
            table,
            starts.stream().map(SqlLiterals::instant).toList(),
            "checked_at < " + SqlLiterals.instant(to));
    List<List<ModelCounts>> ranges = starts.stream().map(out::get).toList();
    return jdbc.call(
        "countResultsFrom",
        connection -> {
          sums.read(connection, ids, ranges);
          return out;
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
