package io.channelmonitor.jdbc;

import io.channelmonitor.CheckStatus;
import io.channelmonitor.internal.SqlLiterals;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.StatusCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status counts per (monitor, model) over several ranges that share their end, read with one
 * statement.
 *
 * <p>The starts cut the widest range into segments: {@code [start 0, start 1)}, ..., {@code [start
 * k-1, end]}. The statement is one grouped SELECT per segment, joined with {@code UNION ALL}, so
 * each segment is read once through its own range condition, and a range is the sum of the segments
 * from its own on, added up here. Results are grouped by status too, with the latency summed per
 * group, so no row evaluates a {@code CASE} per counter. On PostgreSQL, summing every counter of
 * every range with its own {@code CASE} cost about twice as much, and numbering segments with a
 * {@code CASE} in one grouped scan a third more; the branches of the {@code UNION ALL} may also run
 * as a parallel append. Every value of the statement is a literal (see {@link SqlLiterals}).
 */
final class RangeSums {
  private static final String ROLLUP_SUMS =
      "SUM(operational_count), SUM(degraded_count), SUM(failed_count), SUM(error_count),"
          + " SUM(latency_sum_ms), SUM(latency_count)";

  private final String table;
  private final String column;
  private final boolean results;
  private final List<String> starts;
  private final String end;

  private RangeSums(String table, String column, boolean results, List<String> starts, String end) {
    this.table = table;
    this.column = column;
    this.results = results;
    this.starts = List.copyOf(starts);
    this.end = end;
  }

  /**
   * Counts of the results table.
   *
   * @param starts the literals of the range starts on {@code checked_at}, ascending
   * @param end the condition that ends every range, for example {@code checked_at < ...}
   */
  static RangeSums ofResults(String table, List<String> starts, String end) {
    return new RangeSums(table, "checked_at", true, starts, end);
  }

  /**
   * Sums of the rollups table.
   *
   * @param starts the literals of the range starts on {@code bucket_date}, ascending
   * @param end the condition that ends every range, for example {@code bucket_date <= ...}
   */
  static RangeSums ofRollups(String table, List<String> starts, String end) {
    return new RangeSums(table, "bucket_date", false, starts, end);
  }

  /**
   * Reads the monitors {@code ids} and adds each range's counts to the list of the same index in
   * {@code ranges}; a pair without rows in a range is left out of its list.
   */
  void read(Connection connection, List<Long> ids, List<List<ModelCounts>> ranges)
      throws SQLException {
    Map<Pair, Segments> pairs = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql(ids));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        pairs
            .computeIfAbsent(
                new Pair(rows.getLong(1), rows.getString(2)), key -> new Segments(starts.size()))
            .add(rows.getInt(3), counts(rows));
      }
    }
    pairs.forEach((pair, segments) -> segments.addRanges(pair, ranges));
  }

  /**
   * One grouped SELECT per segment, joined with {@code UNION ALL}: each reads only its own rows
   * through the range condition (an index range where one fits), groups by (monitor, model) and
   * carries its segment number as a constant.
   */
  private String sql(List<Long> ids) {
    String idList = SqlLiterals.ids(ids);
    StringBuilder sql = new StringBuilder();
    for (int segment = 0; segment < starts.size(); segment++) {
      String upTo = segment + 1 < starts.size() ? column + " < " + starts.get(segment + 1) : end;
      sql.append(segment == 0 ? "" : " UNION ALL ")
          .append("SELECT monitor_id, model, ")
          .append(segment)
          .append(results ? ", status, SUM(latency_ms)" : ", " + ROLLUP_SUMS)
          .append(", COUNT(*) FROM ")
          .append(table)
          .append(" WHERE monitor_id IN (")
          .append(idList)
          .append(") AND ")
          .append(column)
          .append(" >= ")
          .append(starts.get(segment))
          .append(" AND ")
          .append(upTo)
          .append(" GROUP BY monitor_id, model")
          .append(results ? ", status" : "");
    }
    return sql.toString();
  }

  /** The counts of the current row: six sums of rollups, or one status group of results. */
  private StatusCounts counts(ResultSet rows) throws SQLException {
    if (!results) {
      return new StatusCounts(
          rows.getLong(4),
          rows.getLong(5),
          rows.getLong(6),
          rows.getLong(7),
          rows.getLong(8),
          rows.getLong(9));
    }
    String status = rows.getString(4);
    long latency = rows.getLong(5);
    long count = rows.getLong(6);
    if (CheckStatus.OPERATIONAL.wire().equals(status)) {
      return new StatusCounts(count, 0, 0, 0, latency, count);
    }
    if (CheckStatus.DEGRADED.wire().equals(status)) {
      return new StatusCounts(0, count, 0, 0, latency, count);
    }
    if (CheckStatus.FAILED.wire().equals(status)) {
      return new StatusCounts(0, 0, count, 0, 0, 0);
    }
    if (CheckStatus.ERROR.wire().equals(status)) {
      return new StatusCounts(0, 0, 0, count, 0, 0);
    }
    return StatusCounts.ZERO;
  }

  /** The counts of one pair per segment; a range is the sum of its segment and the later ones. */
  private static final class Segments {
    private final StatusCounts[] counts;
    private final boolean[] present;

    Segments(int size) {
      counts = new StatusCounts[size];
      present = new boolean[size];
      Arrays.fill(counts, StatusCounts.ZERO);
    }

    void add(int segment, StatusCounts more) {
      counts[segment] = counts[segment].plus(more);
      present[segment] = true;
    }

    void addRanges(Pair pair, List<List<ModelCounts>> ranges) {
      StatusCounts sum = StatusCounts.ZERO;
      boolean any = false;
      for (int range = counts.length - 1; range >= 0; range--) {
        sum = sum.plus(counts[range]);
        any |= present[range];
        if (any) {
          ranges.get(range).add(new ModelCounts(pair.monitorId(), pair.model(), sum));
        }
      }
    }
  }

  /** One (monitor, model) pair. */
  private record Pair(long monitorId, String model) {}
}
