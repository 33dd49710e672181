package io.channelmonitor.internal;

import io.channelmonitor.CheckStatus;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.StatusCounts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status counts per (monitor, model) over several ranges that share their end, read with one
 * statement; the SQL and the adding up, shared by the JDBC and JPA stores, which only run it. Not
 * part of the library's API.
 *
 * <p>The starts cut the widest range into segments: {@code [start 0, start 1)}, ..., {@code [start
 * k-1, end]}. The statement is one grouped SELECT per segment, joined with {@code UNION ALL}, so
 * each segment is read once through its own range condition, and a range is the sum of the segments
 * from its own on, added up by {@link Accumulator}. Results are grouped by status too, with the
 * latency summed per group, so no row evaluates a {@code CASE} per counter. On PostgreSQL, summing
 * every counter of every range with its own {@code CASE} cost about twice as much, and numbering
 * segments with a {@code CASE} in one grouped scan a third more; the branches of the {@code UNION
 * ALL} may also run as a parallel append. Every value of the statement is a literal (see {@link
 * SqlLiterals}).
 *
 * <p>Each row of the statement is (monitor_id, model, segment, ...): for results then status,
 * latency sum and count ({@link #ofStatus}); for rollups the six sums of the counters and a count.
 */
public final class RangeSegments {
  private static final String ROLLUP_SUMS =
      ", SUM(operational_count), SUM(degraded_count), SUM(failed_count), SUM(error_count),"
          + " SUM(latency_sum_ms), SUM(latency_count)";

  private RangeSegments() {}

  /**
   * The statement over the results table, by {@code checked_at}.
   *
   * @param starts the literals of the range starts, ascending
   * @param end the condition that ends every range, for example {@code checked_at < ...}
   */
  public static String results(String table, List<Long> ids, List<String> starts, String end) {
    return sql(table, "checked_at", ", status, SUM(latency_ms)", ", status", ids, starts, end);
  }

  /**
   * The statement over the rollups table, by {@code bucket_date}.
   *
   * @param starts the literals of the first days, ascending
   * @param end the condition that ends every range, for example {@code bucket_date <= ...}
   */
  public static String rollups(String table, List<Long> ids, List<String> starts, String end) {
    return sql(table, "bucket_date", ROLLUP_SUMS, "", ids, starts, end);
  }

  private static String sql(
      String table,
      String column,
      String sums,
      String groupMore,
      List<Long> ids,
      List<String> starts,
      String end) {
    String idList = SqlLiterals.ids(ids);
    StringBuilder sql = new StringBuilder();
    for (int segment = 0; segment < starts.size(); segment++) {
      String upTo = segment + 1 < starts.size() ? column + " < " + starts.get(segment + 1) : end;
      sql.append(segment == 0 ? "" : " UNION ALL ")
          .append("SELECT monitor_id, model, ")
          .append(segment)
          .append(sums)
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
          .append(groupMore);
    }
    return sql.toString();
  }

  /** The counts of one status group of results: {@code count} checks of {@code status}. */
  public static StatusCounts ofStatus(Object status, long latency, long count) {
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

  /** Adds the rows of one statement up into the ranges. */
  public static final class Accumulator {
    private final int segments;
    private final Map<Pair, Segments> pairs = new LinkedHashMap<>();

    /** For a statement of {@code segments} segments (the number of starts). */
    public Accumulator(int segments) {
      this.segments = segments;
    }

    /** Adds the counts of one row. */
    public void add(long monitorId, String model, int segment, StatusCounts counts) {
      pairs
          .computeIfAbsent(new Pair(monitorId, model), key -> new Segments(segments))
          .add(segment, counts);
    }

    /**
     * Adds each range's counts to the list of the same index in {@code ranges}; a pair without rows
     * in a range is left out of its list.
     */
    public void addTo(List<List<ModelCounts>> ranges) {
      pairs.forEach((pair, counts) -> counts.addRanges(pair, ranges));
    }
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
