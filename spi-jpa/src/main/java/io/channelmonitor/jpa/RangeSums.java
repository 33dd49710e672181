package io.channelmonitor.jpa;

import io.channelmonitor.CheckStatus;
import io.channelmonitor.internal.SqlLiterals;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.StatusCounts;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Status counts per (monitor, model) over several ranges that share their end, read with one native
 * statement per chunk of ids.
 *
 * <p>The starts cut the widest range into segments: {@code [start 0, start 1)}, ..., {@code [start
 * k-1, end]}. The statement is one grouped SELECT per segment, joined with {@code UNION ALL}, so
 * each segment is read once through its own range condition, and a range is the sum of the segments
 * from its own on, added up here. Results are grouped by status too, with the latency summed per
 * group, so no row evaluates a {@code CASE} per counter. Every value of the statement (ids, starts,
 * end) is a literal (see {@link SqlLiterals}), so the plan never depends on bound values.
 *
 * @param <K> the type of the range starts: instants for results, days for rollups
 */
final class RangeSums<K extends Comparable<? super K>> {
  private final String table;
  private final String column;
  private final boolean results;
  private final Function<K, String> literal;

  private RangeSums(String table, String column, boolean results, Function<K, String> literal) {
    this.table = table;
    this.column = column;
    this.results = results;
    this.literal = literal;
  }

  /** Counts of the results table {@code table}, by {@code checked_at}. */
  static <K extends Comparable<? super K>> RangeSums<K> ofResults(
      String table, Function<K, String> literal) {
    return new RangeSums<>(table, "checked_at", true, literal);
  }

  /** Sums of the rollups table {@code table}, by {@code bucket_date}. */
  static <K extends Comparable<? super K>> RangeSums<K> ofRollups(
      String table, Function<K, String> literal) {
    return new RangeSums<>(table, "bucket_date", false, literal);
  }

  /**
   * The counts of every range starting at one of {@code froms} and ending where {@code end} (a
   * comparison with the column, such as {@code "< "} followed by the end's literal) says, for the
   * monitors {@code ids}, in one statement. Every start gets an entry; the ones {@code inRange}
   * rejects stay empty and are not read. A pair without rows in a range is left out of its list.
   */
  Map<K, List<ModelCounts>> read(
      EntityManager manager,
      List<Long> ids,
      Collection<K> froms,
      Predicate<K> inRange,
      String end) {
    Map<K, List<ModelCounts>> out = new TreeMap<>();
    Objects.requireNonNull(froms, "froms")
        .forEach(from -> out.put(Objects.requireNonNull(from, "from"), new ArrayList<>()));
    List<String> starts = out.keySet().stream().filter(inRange).map(literal).toList();
    if (starts.isEmpty()) {
      return out;
    }
    List<List<ModelCounts>> ranges = out.keySet().stream().filter(inRange).map(out::get).toList();
    if (ids.isEmpty()) {
      return out;
    }
    Map<Pair, Segments> pairs = new LinkedHashMap<>();
    for (Object row : manager.createNativeQuery(sql(ids, starts, end)).getResultList()) {
      Object[] columns = (Object[]) row;
      pairs
          .computeIfAbsent(
              new Pair(number(columns[0]), (String) columns[1]), key -> new Segments(starts.size()))
          .add((int) number(columns[2]), counts(columns));
    }
    pairs.forEach((pair, segments) -> segments.addRanges(pair, ranges));
    return out;
  }

  /**
   * One grouped SELECT per segment, joined with {@code UNION ALL}: each reads only its own rows
   * through the range condition, groups by (monitor, model) and carries its segment number.
   */
  private String sql(List<Long> ids, List<String> starts, String end) {
    String idList = SqlLiterals.ids(ids);
    StringBuilder sql = new StringBuilder();
    for (int segment = 0; segment < starts.size(); segment++) {
      String upTo =
          segment + 1 < starts.size()
              ? column + " < " + starts.get(segment + 1)
              : column + " " + end;
      sql.append(segment == 0 ? "" : " UNION ALL ")
          .append("SELECT monitor_id, model, ")
          .append(segment)
          .append(results ? ", status, SUM(latency_ms)" : rollupSums())
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

  private static String rollupSums() {
    StringBuilder sums = new StringBuilder();
    for (String counter : StatusSums.ROLLUP_COLUMNS) {
      sums.append(", SUM(").append(counter).append(')');
    }
    return sums.toString();
  }

  /** The counts of one row: six sums of rollups, or one status group of results. */
  private StatusCounts counts(Object[] row) {
    if (!results) {
      return StatusSums.read(row, 3);
    }
    Object status = row[3];
    long latency = number(row[4]);
    long count = number(row[5]);
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

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
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
