package io.channelmonitor.jpa;

import io.channelmonitor.CheckStatus;
import io.channelmonitor.store.StatusCounts;
import java.util.List;

/**
 * The six sums that count results by status, written once for JPQL and for native SQL (the two
 * differ only in how the status and latency are named). The status literals are the library's own
 * wire names, never input.
 */
final class StatusSums {
  /** The counter columns of the rollups table, in the order of the sums. */
  static final List<String> ROLLUP_COLUMNS =
      List.of(
          "operational_count",
          "degraded_count",
          "failed_count",
          "error_count",
          "latency_sum_ms",
          "latency_count");

  private StatusSums() {}

  /**
   * The six sums over rows whose status is {@code status} and latency {@code latency}, comma
   * separated: operational, degraded, failed and error counts, then the latency sum and count of
   * the available rows.
   */
  static String of(String status, String latency) {
    return String.join(", ", expressions(status, latency));
  }

  /** The sums of {@link #of}, each named after its rollup column. */
  static String named(String status, String latency) {
    List<String> sums = expressions(status, latency);
    StringBuilder named = new StringBuilder();
    for (int i = 0; i < sums.size(); i++) {
      named
          .append(i == 0 ? "" : ", ")
          .append(sums.get(i))
          .append(" AS ")
          .append(ROLLUP_COLUMNS.get(i));
    }
    return named.toString();
  }

  private static List<String> expressions(String status, String latency) {
    String available =
        status
            + " IN ('"
            + CheckStatus.OPERATIONAL.wire()
            + "', '"
            + CheckStatus.DEGRADED.wire()
            + "')";
    return List.of(
        count(status, CheckStatus.OPERATIONAL),
        count(status, CheckStatus.DEGRADED),
        count(status, CheckStatus.FAILED),
        count(status, CheckStatus.ERROR),
        "SUM(CASE WHEN " + available + " THEN " + latency + " ELSE 0 END)",
        "SUM(CASE WHEN " + available + " THEN 1 ELSE 0 END)");
  }

  private static String count(String status, CheckStatus counted) {
    return "SUM(CASE WHEN " + status + " = '" + counted.wire() + "' THEN 1 ELSE 0 END)";
  }

  /** The counts in {@code row} from index {@code first} on, in the order of {@link #of}. */
  static StatusCounts read(Object[] row, int first) {
    return new StatusCounts(
        number(row[first]),
        number(row[first + 1]),
        number(row[first + 2]),
        number(row[first + 3]),
        number(row[first + 4]),
        number(row[first + 5]));
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
