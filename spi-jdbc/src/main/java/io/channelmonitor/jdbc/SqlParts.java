package io.channelmonitor.jdbc;

import io.channelmonitor.CheckStatus;
import io.channelmonitor.store.StatusCounts;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** SQL pieces shared by the tables: status sums, id arrays and their chunks. */
final class SqlParts {
  /**
   * Ids per statement: lists up to this size take one round trip; longer ones are split so that no
   * array parameter grows without bound.
   */
  static final int CHUNK = 1000;

  /**
   * The six sums of a status count over results rows, aliased as the rollup columns. The status
   * literals are the library's own wire names, never input.
   */
  static final String STATUS_SUMS =
      count(CheckStatus.OPERATIONAL, "operational_count")
          + ", "
          + count(CheckStatus.DEGRADED, "degraded_count")
          + ", "
          + count(CheckStatus.FAILED, "failed_count")
          + ", "
          + count(CheckStatus.ERROR, "error_count")
          + ", SUM(CASE WHEN "
          + available()
          + " THEN latency_ms ELSE 0 END) AS latency_sum_ms"
          + ", SUM(CASE WHEN "
          + available()
          + " THEN 1 ELSE 0 END) AS latency_count";

  private SqlParts() {}

  private static String count(CheckStatus status, String alias) {
    return "SUM(CASE WHEN status = '" + status.wire() + "' THEN 1 ELSE 0 END) AS " + alias;
  }

  private static String available() {
    return "status IN ('"
        + CheckStatus.OPERATIONAL.wire()
        + "', '"
        + CheckStatus.DEGRADED.wire()
        + "')";
  }

  /** Reads the six counter columns (named as in {@link #STATUS_SUMS}) of the current row. */
  static StatusCounts statusCounts(ResultSet rows) throws SQLException {
    return new StatusCounts(
        rows.getLong("operational_count"),
        rows.getLong("degraded_count"),
        rows.getLong("failed_count"),
        rows.getLong("error_count"),
        rows.getLong("latency_sum_ms"),
        rows.getLong("latency_count"));
  }

  /** The distinct ids, in their first order, split into chunks of at most {@link #CHUNK}. */
  static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(Objects.requireNonNull(ids, "ids")));
    List<List<Long>> chunks = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
    }
    return chunks;
  }

  /** A BIGINT array parameter. */
  static Array bigints(Connection connection, List<Long> values) throws SQLException {
    for (Long value : values) {
      Objects.requireNonNull(value, "monitor id");
    }
    return connection.createArrayOf("bigint", values.toArray(new Long[0]));
  }

  /** A VARCHAR array parameter. */
  static Array varchars(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("varchar", values.toArray(new String[0]));
  }
}
