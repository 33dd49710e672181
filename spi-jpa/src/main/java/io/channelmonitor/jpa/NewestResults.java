package io.channelmonitor.jpa;

import io.channelmonitor.internal.NewestRows;
import io.channelmonitor.jpa.entity.ResultEntity;
import io.channelmonitor.store.ResultPoint;
import io.channelmonitor.store.ResultRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The newest results of many (monitor, model) pairs in one native read; JPQL has neither {@code
 * LATERAL} nor window functions. The pairs go in as a {@code VALUES} list: each monitor id as an
 * integer literal, each distinct model name once as a bound parameter (model names are the caller's
 * strings and never enter SQL text).
 *
 * <p>PostgreSQL answers each pair with a {@code LATERAL} index scan of {@code (monitor_id, model,
 * checked_at DESC, id DESC)} that stops after the limit, so the cost follows the pairs, not the
 * stored rows. H2 2.x has no {@code LATERAL}: it ranks the rows of the asked pairs with {@code
 * ROW_NUMBER()}. A read is one statement whatever the number of monitors; only a read naming more
 * than {@link #MODELS} distinct models (bind parameters) is split, whole monitors per statement.
 */
final class NewestResults {
  /** Distinct model names per statement: one bind parameter each, far below the drivers' limits. */
  static final int MODELS = 10_000;

  /** The columns of {@link ResultEntity}, as a native entity query must return them. */
  private static final String COLUMNS =
      "id, monitor_id, model, status, failure_kind, latency_ms, first_token_latency_ms,"
          + " ping_latency_ms, message, checked_at";

  private final Transactions transactions;
  private final JpaDialect dialect;

  NewestResults(Transactions transactions, JpaDialect dialect) {
    this.transactions = transactions;
    this.dialect = dialect;
  }

  /** The newest result of each asked model of each asked monitor. */
  List<ResultRecord> latestPerModel(Map<Long, ? extends Collection<String>> modelsByMonitor) {
    return read(
        "latestPerModel",
        NewestRows.pairs(modelsByMonitor),
        1,
        (manager, chunk) -> records(query(manager, chunk, 1, true)));
  }

  /**
   * The newest {@code limit} results of the mapped model of each monitor, sorted here by monitor
   * id, then newest first.
   */
  List<ResultRecord> newest(Map<Long, String> modelByMonitor, int limit) {
    return sorted(
        read(
            "newestResults",
            NewestRows.onePerMonitor(modelByMonitor),
            limit,
            (manager, chunk) -> records(query(manager, chunk, limit, true))),
        NewestRows.RECORDS_BY_MONITOR_NEWEST_FIRST);
  }

  /**
   * {@link #newest} reading only the columns of a {@link ResultPoint}, as plain values: no entity
   * is built or kept in the persistence context.
   */
  List<ResultPoint> points(Map<Long, String> modelByMonitor, int limit) {
    return sorted(
        read(
            "newestPoints",
            NewestRows.onePerMonitor(modelByMonitor),
            limit,
            (manager, chunk) -> ResultPoints.read(query(manager, chunk, limit, false))),
        NewestRows.POINTS_BY_MONITOR_NEWEST_FIRST);
  }

  private static <T> List<T> sorted(List<T> rows, Comparator<T> order) {
    List<T> sorted = new ArrayList<>(rows);
    sorted.sort(order);
    return sorted;
  }

  /** The rows of every pair, a statement per chunk of pairs, in one transaction. */
  private <T> List<T> read(
      String operation, Map<Long, Set<String>> pairs, int limit, ChunkRead<T> chunkRead) {
    if (limit < 1 || pairs.isEmpty()) {
      return List.of();
    }
    List<List<Pair>> chunks = chunks(pairs);
    return transactions.run(
        operation,
        manager -> {
          List<T> rows = new ArrayList<>();
          for (List<Pair> chunk : chunks) {
            rows.addAll(chunkRead.read(manager, chunk));
          }
          return rows;
        });
  }

  /**
   * The pairs, whole monitors per chunk; a new chunk starts only where a monitor would bring the
   * chunk's distinct models above {@link #MODELS}.
   */
  private static List<List<Pair>> chunks(Map<Long, Set<String>> pairs) {
    List<List<Pair>> chunks = new ArrayList<>();
    List<Pair> chunk = new ArrayList<>();
    Set<String> models = new HashSet<>();
    for (Map.Entry<Long, Set<String>> monitor : pairs.entrySet()) {
      Set<String> more = new HashSet<>(monitor.getValue());
      more.removeAll(models);
      if (!chunk.isEmpty() && models.size() + more.size() > MODELS) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        models.clear();
        more = monitor.getValue();
      }
      models.addAll(more);
      for (String model : monitor.getValue()) {
        chunk.add(new Pair(monitor.getKey(), model));
      }
    }
    chunks.add(chunk);
    return chunks;
  }

  /**
   * The read of one chunk: every column as {@link ResultEntity} rows when {@code entities}, else
   * the columns of {@link ResultPoints#COLUMNS} as plain values.
   */
  private Query query(EntityManager manager, List<Pair> pairs, int limit, boolean entities) {
    Map<String, String> parameterByModel = new LinkedHashMap<>();
    StringBuilder list = new StringBuilder(pairs.size() * 16);
    for (Pair pair : pairs) {
      String parameter =
          parameterByModel.computeIfAbsent(pair.model(), model -> "p" + parameterByModel.size());
      list.append(list.length() == 0 ? "(" : ", (")
          .append(pair.monitorId())
          .append(", :")
          .append(parameter)
          .append(')');
    }
    String columns = entities ? COLUMNS : ResultPoints.COLUMNS;
    String sql = dialect == JpaDialect.POSTGRESQL ? lateral(list, columns) : ranked(list, columns);
    Query query =
        entities
            ? manager.createNativeQuery(sql, ResultEntity.class)
            : manager.createNativeQuery(sql);
    query.setParameter("limit", limit);
    parameterByModel.forEach((model, parameter) -> query.setParameter(parameter, model));
    return query;
  }

  /** PostgreSQL: an index scan per pair of the VALUES list, stopped after the limit. */
  private static String lateral(CharSequence pairs, String columns) {
    return "SELECT r.* FROM (VALUES "
        + pairs
        + ") AS wanted (monitor_id, model) CROSS JOIN LATERAL (SELECT "
        + columns
        + " FROM "
        + ResultEntity.TABLE
        + " n WHERE n.monitor_id = wanted.monitor_id AND n.model = wanted.model"
        + " ORDER BY n.checked_at DESC, n.id DESC LIMIT :limit) r";
  }

  /** H2: the rows of the asked pairs, numbered per pair newest first, up to the limit. */
  private static String ranked(CharSequence pairs, String columns) {
    return "SELECT "
        + columns
        + " FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.monitor_id, r.model"
        + " ORDER BY r.checked_at DESC, r.id DESC) AS newest_rank FROM "
        + ResultEntity.TABLE
        + " r WHERE (r.monitor_id, r.model) IN ("
        + pairs
        + ")) ranked WHERE newest_rank <= :limit";
  }

  private static List<ResultRecord> records(Query query) {
    List<?> rows = query.getResultList();
    List<ResultRecord> records = new ArrayList<>(rows.size());
    for (Object row : rows) {
      records.add(((ResultEntity) row).toRecord());
    }
    return records;
  }

  /** The read of one chunk of pairs. */
  @FunctionalInterface
  private interface ChunkRead<T> {
    List<T> read(EntityManager manager, List<Pair> chunk);
  }

  /** One (monitor, model) pair of a read. */
  private record Pair(long monitorId, String model) {}
}
