package io.channelmonitor.jpa;

import io.channelmonitor.internal.RangeSegments;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.StatusCounts;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Status counts per (monitor, model) over several ranges that share their end, read with one native
 * statement built by {@link RangeSegments}, which also adds the segments up into ranges.
 *
 * @param <K> the type of the range starts: instants for results, days for rollups
 */
final class RangeSums<K extends Comparable<? super K>> {
  private final String table;
  private final boolean results;
  private final Function<K, String> literal;

  private RangeSums(String table, boolean results, Function<K, String> literal) {
    this.table = table;
    this.results = results;
    this.literal = literal;
  }

  /** Counts of the results table {@code table}, by {@code checked_at}. */
  static <K extends Comparable<? super K>> RangeSums<K> ofResults(
      String table, Function<K, String> literal) {
    return new RangeSums<>(table, true, literal);
  }

  /** Sums of the rollups table {@code table}, by {@code bucket_date}. */
  static <K extends Comparable<? super K>> RangeSums<K> ofRollups(
      String table, Function<K, String> literal) {
    return new RangeSums<>(table, false, literal);
  }

  /**
   * The counts of every range starting at one of {@code froms} and ending where the condition
   * {@code end} (for example {@code checked_at < ...}) says, for the monitors {@code ids}, in one
   * statement. Every start gets an entry; the ones {@code inRange} rejects stay empty and are not
   * read. A pair without rows in a range is left out of its list.
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
    if (starts.isEmpty() || ids.isEmpty()) {
      return out;
    }
    List<List<ModelCounts>> ranges = out.keySet().stream().filter(inRange).map(out::get).toList();
    String sql =
        results
            ? RangeSegments.results(table, ids, starts, end)
            : RangeSegments.rollups(table, ids, starts, end);
    RangeSegments.Accumulator sums = new RangeSegments.Accumulator(starts.size());
    for (Object row : manager.createNativeQuery(sql).getResultList()) {
      Object[] columns = (Object[]) row;
      sums.add(number(columns[0]), (String) columns[1], (int) number(columns[2]), counts(columns));
    }
    sums.addTo(ranges);
    return out;
  }

  /** The counts of one row: six sums of rollups, or one status group of results. */
  private StatusCounts counts(Object[] row) {
    if (!results) {
      return StatusSums.read(row, 3);
    }
    return RangeSegments.ofStatus(row[3], number(row[4]), number(row[5]));
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
