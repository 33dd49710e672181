package io.channelmonitor.jdbc;

import io.channelmonitor.internal.SqlLiterals;
import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.ModelCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The daily rollups table. A day is rolled up by one idempotent upsert computed from the results
 * between the day's UTC midnights, which Java computes and binds: the session time zone never
 * decides what a day is.
 */
final class RollupRows {
  private static final String COUNTERS =
      "operational_count, degraded_count, failed_count, error_count, latency_sum_ms, latency_count";

  private final Jdbc jdbc;
  private final JdbcDialect dialect;
  private final Clock clock;
  private final String table;
  private final String results;
  private final String monitors;

  RollupRows(Jdbc jdbc, JdbcDialect dialect, Tables tables, Clock clock) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.clock = clock;
    this.table = tables.rollups();
    this.results = tables.results();
    this.monitors = tables.monitors();
  }

  int rollUpDay(LocalDate day) {
    Objects.requireNonNull(day, "day");
    Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant now = clock.instant();
    if (dialect == JdbcDialect.POSTGRESQL) {
      return jdbc.call("rollUpDay", connection -> upsertPostgres(connection, day, from, to, now));
    }
    return jdbc.transaction("rollUpDay", connection -> mergeH2(connection, day, from, to, now));
  }

  /**
   * One statement. The CTE key-share-locks the monitors that have results that day, so a monitor
   * deleted meanwhile is either kept until this commits or skipped (its cascade has run), and no
   * rollup row can point at a deleted monitor.
   */
  private int upsertPostgres(
      Connection connection, LocalDate day, Instant from, Instant to, Instant now)
      throws SQLException {
    String sql =
        "WITH live AS (SELECT id FROM "
            + monitors
            + " WHERE id IN (SELECT monitor_id FROM "
            + results
            + " WHERE checked_at >= ? AND checked_at < ?) FOR KEY SHARE)"
            + " INSERT INTO "
            + table
            + " (monitor_id, model, bucket_date, "
            + COUNTERS
            + ", computed_at) SELECT monitor_id, model, ?, "
            + SqlParts.STATUS_SUMS
            + ", ?"
            + " FROM "
            + results
            + " JOIN live ON live.id = monitor_id"
            + " WHERE checked_at >= ? AND checked_at < ? GROUP BY monitor_id, model"
            + " ON CONFLICT (monitor_id, model, bucket_date) DO UPDATE SET "
            + assignAll("EXCLUDED")
            + ", computed_at = EXCLUDED.computed_at";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      Jdbc.setInstant(statement, 1, from);
      Jdbc.setInstant(statement, 2, to);
      statement.setObject(3, day);
      Jdbc.setInstant(statement, 4, now);
      Jdbc.setInstant(statement, 5, from);
      Jdbc.setInstant(statement, 6, to);
      return statement.executeUpdate();
    }
  }

  /**
   * H2's foreign key check does not see a delete another transaction has not committed yet, so the
   * monitors with results that day are locked first, in id order, and the MERGE reads only their
   * results; a monitor deleted meanwhile is skipped by the lock.
   */
  private int mergeH2(Connection connection, LocalDate day, Instant from, Instant to, Instant now)
      throws SQLException {
    List<Long> live = lockMonitorsWithResults(connection, from, to);
    String merge =
        "MERGE INTO "
            + table
            + " t USING (SELECT monitor_id, model, "
            + SqlParts.STATUS_SUMS
            + " FROM "
            + results
            + " WHERE monitor_id = ANY(?)"
            + " AND checked_at >= ? AND checked_at < ? GROUP BY monitor_id, model) s"
            + " ON t.monitor_id = s.monitor_id AND t.model = s.model AND t.bucket_date = ?"
            + " WHEN MATCHED THEN UPDATE SET "
            + assignAll("s")
            + ", computed_at = ?"
            + " WHEN NOT MATCHED THEN INSERT (monitor_id, model, bucket_date, "
            + COUNTERS
            + ", computed_at) VALUES (s.monitor_id, s.model, ?, "
            + qualified("s")
            + ", ?)";
    if (live.isEmpty()) {
      return 0;
    }
    try (PreparedStatement statement = connection.prepareStatement(merge)) {
      statement.setArray(1, SqlParts.bigints(connection, live));
      Jdbc.setInstant(statement, 2, from);
      Jdbc.setInstant(statement, 3, to);
      statement.setObject(4, day);
      Jdbc.setInstant(statement, 5, now);
      statement.setObject(6, day);
      Jdbc.setInstant(statement, 7, now);
      return statement.executeUpdate();
    }
  }

  private List<Long> lockMonitorsWithResults(Connection connection, Instant from, Instant to)
      throws SQLException {
    String lock =
        "SELECT id FROM "
            + monitors
            + " WHERE id IN (SELECT monitor_id FROM "
            + results
            + " WHERE checked_at >= ? AND checked_at < ?) ORDER BY id"
            + dialect.parentLockClause();
    List<Long> live = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(lock)) {
      Jdbc.setInstant(statement, 1, from);
      Jdbc.setInstant(statement, 2, to);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          live.add(rows.getLong(1));
        }
      }
    }
    return live;
  }

  private static String assignAll(String source) {
    StringBuilder set = new StringBuilder();
    for (String column : COUNTERS.split(", ")) {
      set.append(set.length() == 0 ? "" : ", ")
          .append(column)
          .append(" = ")
          .append(source)
          .append('.')
          .append(column);
    }
    return set.toString();
  }

  private static String qualified(String source) {
    return source + "." + COUNTERS.replace(", ", ", " + source + ".");
  }

  List<DailyRollup> rollups(Collection<Long> monitorIds, LocalDate from, LocalDate to) {
    String sql = "SELECT monitor_id, model, bucket_date, " + COUNTERS + " FROM " + table;
    return readRange(
        "rollups",
        sql,
        monitorIds,
        from,
        to,
        rows ->
            new DailyRollup(
                rows.getLong("monitor_id"),
                rows.getString("model"),
                rows.getObject("bucket_date", LocalDate.class),
                SqlParts.statusCounts(rows)));
  }

  /**
   * The sums of every day range {@code from..to} in one statement (see {@link RangeSums}); every
   * first day gets an entry, empty when it is after {@code to}.
   */
  Map<LocalDate, List<ModelCounts>> sumFrom(
      Collection<Long> monitorIds, Collection<LocalDate> froms, LocalDate to) {
    List<Long> ids = SqlParts.distinct(monitorIds);
    Objects.requireNonNull(to, "to");
    Map<LocalDate, List<ModelCounts>> out = new TreeMap<>();
    Objects.requireNonNull(froms, "froms")
        .forEach(from -> out.put(Objects.requireNonNull(from, "from"), new ArrayList<>()));
    List<LocalDate> starts = out.keySet().stream().filter(from -> !from.isAfter(to)).toList();
    if (starts.isEmpty() || ids.isEmpty()) {
      return out;
    }
    RangeSums sums =
        RangeSums.ofRollups(
            table,
            starts.stream().map(SqlLiterals::day).toList(),
            "bucket_date <= " + SqlLiterals.day(to));
    List<List<ModelCounts>> ranges = starts.stream().map(out::get).toList();
    return jdbc.call(
        "sumRollupsFrom",
        connection -> {
          sums.read(connection, ids, ranges);
          return out;
        });
  }

  /**
   * Reads the rows of {@code select} with the ids and the days {@code from..to}: one statement,
   * with the ids and days written as literals (see {@link SqlLiterals}).
   */
  private <T> List<T> readRange(
      String operation,
      String select,
      Collection<Long> monitorIds,
      LocalDate from,
      LocalDate to,
      Jdbc.RowReader<T> reader) {
    List<Long> ids = SqlParts.distinct(monitorIds);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to) || ids.isEmpty()) {
      return List.of();
    }
    String days =
        " AND bucket_date >= "
            + SqlLiterals.day(from)
            + " AND bucket_date <= "
            + SqlLiterals.day(to);
    return jdbc.call(
        operation,
        connection -> {
          List<T> out = new ArrayList<>();
          String sql = select + " WHERE monitor_id IN (" + SqlLiterals.ids(ids) + ")" + days;
          try (PreparedStatement statement = connection.prepareStatement(sql);
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              out.add(reader.read(rows));
            }
          }
          return out;
        });
  }

  /** One statement: delete the ids of at most {@code batchSize} rows of days before the cut. */
  int prune(LocalDate before, int batchSize) {
    Objects.requireNonNull(before, "before");
    if (batchSize < 1) {
      return 0;
    }
    String sql =
        "DELETE FROM "
            + table
            + " WHERE id IN (SELECT id FROM "
            + table
            + " WHERE bucket_date < ? ORDER BY bucket_date, id FETCH FIRST ? ROWS ONLY)";
    return jdbc.call(
        "pruneRollups",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, before);
            statement.setInt(2, batchSize);
            return statement.executeUpdate();
          }
        });
  }
}
