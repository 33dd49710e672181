package io.channelmonitor.jpa;

import io.channelmonitor.internal.RunResults;
import io.channelmonitor.internal.SqlLiterals;
import io.channelmonitor.jpa.entity.MonitorEntity;
import io.channelmonitor.jpa.entity.ResultEntity;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.ResultRecord;
import jakarta.persistence.EntityManager;
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
  private final JpaDialect dialect;

  Results(Transactions transactions, JpaDialect dialect) {
    this.transactions = transactions;
    this.dialect = dialect;
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
          Set<Long> live = lockExisting(manager, dialect, asked);
          List<ResultRecord> kept =
              rows.stream().filter(r -> live.contains(r.monitorId())).toList();
          ResultInsert.insert(manager, kept);
          return null;
        });
  }

  /**
   * One transaction for a whole run: the monitor's last check, whose UPDATE also locks its row (a
   * monitor deleted meanwhile is not found, and nothing is stored), then the results' INSERTs.
   */
  void recordRun(long monitorId, List<ResultRecord> results, Instant checkedAt) {
    List<ResultRecord> rows = RunResults.of(monitorId, results, checkedAt);
    transactions.run(
        "recordRun",
        manager -> {
          int found =
              manager
                  .createQuery(
                      "UPDATE "
                          + MonitorEntity.NAME
                          + " m SET m.lastCheckedAt = :at WHERE m.id = :id")
                  .setParameter("at", checkedAt)
                  .setParameter("id", monitorId)
                  .executeUpdate();
          if (found > 0) {
            ResultInsert.insert(manager, rows);
          }
          return null;
        });
  }

  /** One native statement: the asked monitors that exist, locked in id order. */
  private static Set<Long> lockExisting(EntityManager manager, JpaDialect dialect, Set<Long> ids) {
    String sql =
        "SELECT id FROM "
            + MonitorEntity.TABLE
            + " WHERE id IN ("
            + SqlLiterals.ids(Ids.distinct(ids))
            + ") ORDER BY id"
            + dialect.parentLockClause();
    Set<Long> live = new HashSet<>();
    for (Object id : manager.createNativeQuery(sql).getResultList()) {
      live.add(((Number) id).longValue());
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
   * The counts of every range {@code [from, to)}: one native statement whose values are all
   * literals (see {@link RangeSums}).
   */
  Map<Instant, List<ModelCounts>> countFrom(
      Collection<Long> monitorIds, Collection<Instant> froms, Instant to) {
    List<Long> ids = Ids.distinct(monitorIds);
    Objects.requireNonNull(to, "to");
    String end = "checked_at < " + SqlLiterals.instant(to);
    return transactions.run(
        "countResultsFrom",
        manager -> RANGES.read(manager, ids, froms, from -> from.isBefore(to), end));
  }

  /**
   * One native statement: deletes the oldest {@code batchSize} rows before the cut-off, the cut-off
   * written as a UTC literal.
   */
  int prune(Instant before, int batchSize) {
    Objects.requireNonNull(before, "before");
    if (batchSize < 1) {
      return 0;
    }
    String sql =
        "DELETE FROM "
            + ResultEntity.TABLE
            + " WHERE id IN (SELECT id FROM "
            + ResultEntity.TABLE
            + " WHERE checked_at < "
            + SqlLiterals.instant(before)
            + " ORDER BY checked_at, id FETCH FIRST "
            + batchSize
            + " ROWS ONLY)";
    return transactions.run(
        "pruneResults", manager -> manager.createNativeQuery(sql).executeUpdate());
  }
}
