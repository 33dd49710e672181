package io.channelmonitor.jdbc;

import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.StatusCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Status counts per (monitor, model) over several ranges that share their end, read in one scan:
 * the WHERE clause covers the widest range, and each narrower range sums only its own rows with
 * {@code CASE WHEN column >= start}. Per range the query returns the six counters and the number of
 * rows, so a pair with rows in the widest range but none in a narrower one is left out of the
 * narrower one. Every value of the statement is a literal (see {@link SqlLiterals}).
 */
final class RangeSums {
  /** The six counters and the row itself, as values of one results row. */
  static final List<String> RESULT_VALUES = withRow(SqlParts.STATUS_VALUES);

  /** The six counters and the row itself, as values of one rollup row. */
  static final List<String> ROLLUP_VALUES =
      withRow(
          List.of(
              "operational_count",
              "degraded_count",
              "failed_count",
              "error_count",
              "latency_sum_ms",
              "latency_count"));

  private final String table;
  private final String column;
  private final List<String> values;
  private final List<String> starts;
  private final String end;

  /**
   * @param table the table to read
   * @param column the column the ranges are on
   * @param values the per-row values to sum: {@link #RESULT_VALUES} or {@link #ROLLUP_VALUES}
   * @param starts the literals of the range starts, ascending; the first is the widest range
   * @param end the condition that ends every range, for example {@code checked_at < ...}
   */
  RangeSums(String table, String column, List<String> values, List<String> starts, String end) {
    this.table = table;
    this.column = column;
    this.values = values;
    this.starts = List.copyOf(starts);
    this.end = end;
  }

  /**
   * Reads the monitors {@code ids} and adds each range's counts to the list of the same index in
   * {@code ranges}.
   */
  void read(Connection connection, List<Long> ids, List<List<ModelCounts>> ranges)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql(ids));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        long monitorId = rows.getLong(1);
        String model = rows.getString(2);
        for (int range = 0; range < starts.size(); range++) {
          int first = 3 + range * values.size();
          if (rows.getLong(first + 6) > 0) {
            ranges.get(range).add(new ModelCounts(monitorId, model, counts(rows, first)));
          }
        }
      }
    }
  }

  private String sql(List<Long> ids) {
    StringBuilder sql = new StringBuilder("SELECT monitor_id, model");
    for (int range = 0; range < starts.size(); range++) {
      String from = column + " >= " + starts.get(range);
      for (String value : values) {
        sql.append(", SUM(")
            .append(range == 0 ? value : "CASE WHEN " + from + " THEN " + value + " ELSE 0 END")
            .append(')');
      }
    }
    return sql.append(" FROM ")
        .append(table)
        .append(" WHERE monitor_id IN (")
        .append(SqlLiterals.ids(ids))
        .append(") AND ")
        .append(column)
        .append(" >= ")
        .append(starts.get(0))
        .append(" AND ")
        .append(end)
        .append(" GROUP BY monitor_id, model")
        .toString();
  }

  private static StatusCounts counts(ResultSet rows, int first) throws SQLException {
    return new StatusCounts(
        rows.getLong(first),
        rows.getLong(first + 1),
        rows.getLong(first + 2),
        rows.getLong(first + 3),
        rows.getLong(first + 4),
        rows.getLong(first + 5));
  }

  private static List<String> withRow(List<String> counters) {
    List<String> values = new ArrayList<>(counters);
    values.add("1");
    return List.copyOf(values);
  }
}
