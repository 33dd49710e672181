package io.channelmonitor.jdbc;

import io.channelmonitor.internal.RangeSegments;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.StatusCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Status counts per (monitor, model) over several ranges that share their end, read with one
 * statement built by {@link RangeSegments}, which also adds the segments up into ranges.
 */
final class RangeSums {
  private final String table;
  private final boolean results;
  private final List<String> starts;
  private final String end;

  private RangeSums(String table, boolean results, List<String> starts, String end) {
    this.table = table;
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
    return new RangeSums(table, true, starts, end);
  }

  /**
   * Sums of the rollups table.
   *
   * @param starts the literals of the range starts on {@code bucket_date}, ascending
   * @param end the condition that ends every range, for example {@code bucket_date <= ...}
   */
  static RangeSums ofRollups(String table, List<String> starts, String end) {
    return new RangeSums(table, false, starts, end);
  }

  /**
   * Reads the monitors {@code ids} and adds each range's counts to the list of the same index in
   * {@code ranges}; a pair without rows in a range is left out of its list.
   */
  void read(Connection connection, List<Long> ids, List<List<ModelCounts>> ranges)
      throws SQLException {
    String sql =
        results
            ? RangeSegments.results(table, ids, starts, end)
            : RangeSegments.rollups(table, ids, starts, end);
    RangeSegments.Accumulator sums = new RangeSegments.Accumulator(starts.size());
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        sums.add(rows.getLong(1), rows.getString(2), rows.getInt(3), counts(rows));
      }
    }
    sums.addTo(ranges);
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
    return RangeSegments.ofStatus(rows.getString(4), rows.getLong(5), rows.getLong(6));
  }
}
