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

/** SQL pieces shared by the tables: status sums, distinct ids and array parameters. */
final class SqlParts {
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

  /**
   * The distinct ids, in their first order, each checked for null. A read takes them all in one
   * statement whatever their number: as one array parameter (no bind-parameter limit applies), or
   * as an IN list of literals (about 8 characters of statement text per id).
   */
  static List<Long> distinct(Collection<Long> ids) {
    List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(Objects.requireNonNull(ids, "ids")));
    distinct.forEach(id -> Objects.requireNonNull(id, "monitor id"));
    return distinct;
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
