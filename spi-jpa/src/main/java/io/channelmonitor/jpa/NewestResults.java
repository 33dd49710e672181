package io.channelmonitor.jpa;

import io.channelmonitor.jpa.entity.ResultEntity;
import io.channelmonitor.store.ResultRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The newest results of many monitors in one read: a native query ranks the rows of each partition
 * with {@code ROW_NUMBER()} (newest first, ties on checkedAt by id) and keeps the first ones. JPQL
 * has no window functions, and the same SQL runs on PostgreSQL and H2. Lists longer than {@link
 * Ids#CHUNK} monitors take one query per chunk.
 */
final class NewestResults {
  /** The columns of {@link ResultEntity}, as a native entity query must return them. */
  private static final String COLUMNS =
      "id, monitor_id, model, status, failure_kind, latency_ms, first_token_latency_ms,"
          + " ping_latency_ms, message, checked_at";

  private final Transactions transactions;

  NewestResults(Transactions transactions) {
    this.transactions = transactions;
  }

  /** The first row of each (monitor, model) partition of the given monitors. */
  List<ResultRecord> latestPerModel(Collection<Long> monitorIds) {
    List<List<Long>> chunks = Ids.chunks(monitorIds);
    if (chunks.isEmpty()) {
      return List.of();
    }
    String sql = ranked("PARTITION BY r.monitor_id, r.model", "r.monitor_id IN (:ids)") + " = 1";
    return transactions.run(
        "latestPerModel",
        manager -> {
          List<ResultRecord> latest = new ArrayList<>();
          for (List<Long> chunk : chunks) {
            latest.addAll(read(entityQuery(manager, sql).setParameter("ids", chunk)));
          }
          return latest;
        });
  }

  /**
   * The (monitor, model) pairs go in as a row-value IN list; a window per monitor keeps the newest
   * {@code limit}. Chunks follow ascending monitor ids, so their concatenation keeps the order.
   */
  List<ResultRecord> newest(Map<Long, String> modelByMonitor, int limit) {
    Map<Long, String> sorted = new TreeMap<>();
    Objects.requireNonNull(modelByMonitor, "modelByMonitor")
        .forEach(
            (id, model) -> {
              if (model != null) {
                sorted.put(Objects.requireNonNull(id, "monitor id"), model);
              }
            });
    if (limit < 1 || sorted.isEmpty()) {
      return List.of();
    }
    List<List<Long>> chunks = Ids.chunks(sorted.keySet());
    return transactions.run(
        "newestResults",
        manager -> {
          List<ResultRecord> newest = new ArrayList<>();
          for (List<Long> chunk : chunks) {
            newest.addAll(read(pairQuery(manager, chunk, sorted, limit)));
          }
          return newest;
        });
  }

  private static Query pairQuery(
      EntityManager manager, List<Long> ids, Map<Long, String> modelByMonitor, int limit) {
    StringBuilder pairs = new StringBuilder("(r.monitor_id, r.model) IN (");
    for (int i = 0; i < ids.size(); i++) {
      pairs.append(i == 0 ? "" : ", ").append("(:m").append(i).append(", :p").append(i).append(')');
    }
    pairs.append(')');
    String sql =
        ranked("PARTITION BY r.monitor_id", pairs.toString())
            + " <= :limit ORDER BY monitor_id, checked_at DESC, id DESC";
    Query query = entityQuery(manager, sql).setParameter("limit", limit);
    for (int i = 0; i < ids.size(); i++) {
      query.setParameter("m" + i, ids.get(i)).setParameter("p" + i, modelByMonitor.get(ids.get(i)));
    }
    return query;
  }

  /**
   * The result columns of the rows matching {@code where}, numbered per {@code partition} newest
   * first, up to a comparison of the number that the caller appends.
   */
  private static String ranked(String partition, String where) {
    return "SELECT "
        + COLUMNS
        + " FROM (SELECT r.*, ROW_NUMBER() OVER ("
        + partition
        + " ORDER BY r.checked_at DESC, r.id DESC) AS newest_rank FROM "
        + ResultEntity.TABLE
        + " r WHERE "
        + where
        + ") ranked WHERE newest_rank";
  }

  private static Query entityQuery(EntityManager manager, String sql) {
    return manager.createNativeQuery(sql, ResultEntity.class);
  }

  private static List<ResultRecord> read(Query query) {
    List<?> rows = query.getResultList();
    List<ResultRecord> records = new ArrayList<>(rows.size());
    for (Object row : rows) {
      records.add(((ResultEntity) row).toRecord());
    }
    return records;
  }
}
