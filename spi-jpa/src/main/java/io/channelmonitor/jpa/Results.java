package io.channelmonitor.jpa;

import io.channelmonitor.internal.SqlLiterals;
import io.channelmonitor.jpa.entity.MonitorEntity;
import io.channelmonitor.jpa.entity.ResultEntity;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.ResultRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The results: batch inserts, newest-first history, window counts and pruning. */
final class Results {
  private static final String RESULT = ResultEntity.NAME;
  private static final RangeSums<Instant> RANGES =
      RangeSums.ofResults(ResultEntity.TABLE, SqlLiterals::instant);

  private final Transactions transactions;

  Results(Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * One transaction: share-lock the batch's monitors that still exist, in id order (a concurrent
   * delete either waits for this transaction or has already removed its monitor, whose rows are
   * then dropped), then insert the other rows in list order, so ids follow the list.
   */
  void insert(List<ResultRecord> results) {
    List<ResultRecord> rows = List.copyOf(results);
    if (rows.isEmpty()) {
      return;
    }
    Set<Long> asked = new HashSet<>();
    rows.forEach(row -> asked.add(row.monitorId()));
    transactions.run(
        "insertResults",
        manager -> {
          Set<Long> live = lockExisting(manager, asked);
          List<ResultRecord> kept =
              rows.stream().filter(r -> live.contains(r.monitorId())).toList();
          ResultInsert.insert(manager, kept);
          return null;
        });
  }

  private static Set<Long> lockExisting(EntityManager manager, Set<Long> ids) {
    Set<Long> live = new HashSet<>();
    for (List<Long> chunk : Ids.chunks(ids)) {
      live.addAll(
          manager
              .createQuery(
                  "SELECT m.id FROM " + MonitorEntity.NAME + " m WHERE m.id IN :ids ORDER BY m.id",
                  Long.class)
              .setParameter("ids", chunk)
              .setLockMode(LockModeType.PESSIMISTIC_READ)
              .getResultList());
    }
    return live;
  }

  List<ResultRecord> history(long monitorId, String model, int limit) {
    if (limit < 1) {
      return List.of();
    }
    String jpql =
        "SELECT r FROM "
            + RESULT
            + " r WHERE r.monitorId = :monitorId"
            + (model == null ? "" : " AND r.model = :model")
            + " ORDER BY r.checkedAt DESC, r.id DESC";
    return transactions.run(
        "history",
        manager -> {
          TypedQuery<ResultEntity> query =
              manager
                  .createQuery(jpql, ResultEntity.class)
                  .setParameter("monitorId", monitorId)
                  .setMaxResults(limit);
          if (model != null) {
            query.setParameter("model", model);
          }
          return query.getResultList().stream().map(ResultEntity::toRecord).toList();
        });
  }

  /**
   * The counts of every range {@code [from, to)}: one native statement per chunk of ids, whose
   * values are all literals (see {@link RangeSums}).
   */
  Map<Instant, List<ModelCounts>> countFrom(
      Collection<Long> monitorIds, Collection<Instant> froms, Instant to) {
    List<List<Long>> chunks = Ids.chunks(monitorIds);
    Objects.requireNonNull(to, "to");
    String end = "< " + SqlLiterals.instant(to);
    return transactions.run(
        "countResultsFrom",
        manager -> RANGES.read(manager, chunks, froms, from -> from.isBefore(to), end));
  }

  /** Selects the ids of the oldest {@code batchSize} rows before the cut-off and deletes them. */
  int prune(Instant before, int batchSize) {
    Objects.requireNonNull(before, "before");
    if (batchSize < 1) {
      return 0;
    }
    return transactions.run(
        "pruneResults",
        manager -> {
          List<Long> oldest =
              manager
                  .createQuery(
                      "SELECT r.id FROM "
                          + RESULT
                          + " r WHERE r.checkedAt < :before ORDER BY r.checkedAt, r.id",
                      Long.class)
                  .setParameter("before", before)
                  .setMaxResults(batchSize)
                  .getResultList();
          if (oldest.isEmpty()) {
            return 0;
          }
          return manager
              .createQuery("DELETE FROM " + RESULT + " r WHERE r.id IN :ids")
              .setParameter("ids", oldest)
              .executeUpdate();
        });
  }
}
