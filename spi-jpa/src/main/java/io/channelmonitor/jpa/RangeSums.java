package io.channelmonitor.jpa;

import io.channelmonitor.store.ModelCounts;
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
 * statement per chunk of ids: the WHERE clause covers the widest range, and each narrower range
 * sums only its own rows with {@code CASE WHEN column >= start}. Per range the statement returns
 * the six counters and the number of rows, so a pair with rows in the widest range but none in a
 * narrower one is left out of the narrower one. Every value of the statement (ids, starts, end) is
 * a literal (see {@link SqlLiterals}), so the plan never depends on bound values.
 *
 * @param <K> the type of the range starts: instants for results, days for rollups
 */
final class RangeSums<K extends Comparable<? super K>> {
  /** The six counters and the row itself, as values of one results row. */
  static final List<String> RESULT_VALUES = withRow(StatusSums.values("status", "latency_ms"));

  /** The six counters and the row itself, as values of one rollup row. */
  static final List<String> ROLLUP_VALUES = withRow(StatusSums.ROLLUP_COLUMNS);

  private final String table;
  private final String column;
  private final List<String> values;
  private final Function<K, String> literal;

  /**
   * @param table the table to read
   * @param column the column the ranges are on
   * @param values the per-row values to sum: {@link #RESULT_VALUES} or {@link #ROLLUP_VALUES}
   * @param literal writes a start or end as an SQL literal
   */
  RangeSums(String table, String column, List<String> values, Function<K, String> literal) {
    this.table = table;
    this.column = column;
    this.values = values;
    this.literal = literal;
  }

  /**
   * The counts of every range starting at one of {@code froms} and ending where {@code end} (a
   * comparison with the column, such as {@code "< "} followed by the end's literal) says, for the
   * monitors {@code ids}. Every start gets an entry; the ones {@code inRange} rejects stay empty
   * and are not read.
   */
  Map<K, List<ModelCounts>> read(
      EntityManager manager,
      List<List<Long>> chunks,
      Collection<K> froms,
      Predicate<K> inRange,
      String end) {
    Map<K, List<ModelCounts>> out = new TreeMap<>();
    Objects.requireNonNull(froms, "froms")
        .forEach(from -> out.put(Objects.requireNonNull(from, "from"), new ArrayList<>()));
    List<K> starts = out.keySet().stream().filter(inRange).toList();
    if (starts.isEmpty()) {
      return out;
    }
    for (List<Long> chunk : chunks) {
      for (Object row : manager.createNativeQuery(sql(chunk, starts, end)).getResultList()) {
        add((Object[]) row, starts, out);
      }
    }
    return out;
  }

  private void add(Object[] row, List<K> starts, Map<K, List<ModelCounts>> out) {
    long monitorId = ((Number) row[0]).longValue();
    String model = (String) row[1];
    for (int range = 0; range < starts.size(); range++) {
      int first = 2 + range * values.size();
      if (row[first + 6] != null && ((Number) row[first + 6]).longValue() > 0) {
        out.get(starts.get(range))
            .add(new ModelCounts(monitorId, model, StatusSums.read(row, first)));
      }
    }
  }

  private String sql(List<Long> ids, List<K> starts, String end) {
    StringBuilder sql = new StringBuilder("SELECT monitor_id, model");
    for (int range = 0; range < starts.size(); range++) {
      String from = column + " >= " + literal.apply(starts.get(range));
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
        .append(literal.apply(starts.get(0)))
        .append(" AND ")
        .append(column)
        .append(' ')
        .append(end)
        .append(" GROUP BY monitor_id, model")
        .toString();
  }

  private static List<String> withRow(List<String> counters) {
    List<String> values = new ArrayList<>(counters);
    values.add("1");
    return List.copyOf(values);
  }
}
