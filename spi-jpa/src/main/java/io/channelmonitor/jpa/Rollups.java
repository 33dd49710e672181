package io.channelmonitor.jpa;

import io.channelmonitor.jpa.entity.RollupEntity;
import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.ModelCounts;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Reads and prunes the daily rollups; {@link RollupUpsert} writes them. */
final class Rollups {
  private static final String ROLLUP = RollupEntity.NAME;

  private final Transactions transactions;

  Rollups(Transactions transactions) {
    this.transactions = transactions;
  }

  List<DailyRollup> rollups(Collection<Long> monitorIds, LocalDate from, LocalDate to) {
    String jpql = "SELECT d FROM " + ROLLUP + inRange(from, to);
    return readRange(
        "rollups",
        monitorIds,
        from,
        to,
        (manager, chunk) ->
            manager
                .createQuery(jpql, RollupEntity.class)
                .setParameter("ids", chunk)
                .getResultList()
                .stream()
                .map(RollupEntity::toRollup)
                .toList());
  }

  List<ModelCounts> sum(Collection<Long> monitorIds, LocalDate from, LocalDate to) {
    String jpql =
        "SELECT d.monitorId, d.model, SUM(d.operational), SUM(d.degraded), SUM(d.failed),"
            + " SUM(d.error), SUM(d.latencySumMs), SUM(d.latencyCount) FROM "
            + ROLLUP
            + inRange(from, to)
            + " GROUP BY d.monitorId, d.model";
    return readRange(
        "sumRollups",
        monitorIds,
        from,
        to,
        (manager, chunk) ->
            manager
                .createQuery(jpql, Object[].class)
                .setParameter("ids", chunk)
                .getResultList()
                .stream()
                .map(
                    row -> new ModelCounts((Long) row[0], (String) row[1], StatusSums.read(row, 2)))
                .toList());
  }

  /**
   * The WHERE clause of a range read, for the alias {@code d}, with the days as literals (see
   * {@link DayLiterals}); the ids are the parameter {@code ids}.
   */
  private static String inRange(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return " d WHERE d.monitorId IN :ids AND d.bucketDate >= "
        + DayLiterals.jpql(from)
        + " AND d.bucketDate <= "
        + DayLiterals.jpql(to);
  }

  /** Runs {@code read} once per chunk of ids in one transaction; empty inputs read nothing. */
  private <T> List<T> readRange(
      String operation,
      Collection<Long> monitorIds,
      LocalDate from,
      LocalDate to,
      ChunkRead<T> read) {
    List<List<Long>> chunks = Ids.chunks(monitorIds);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to) || chunks.isEmpty()) {
      return List.of();
    }
    return transactions.run(
        operation,
        manager -> {
          List<T> out = new ArrayList<>();
          for (List<Long> chunk : chunks) {
            out.addAll(read.apply(manager, chunk));
          }
          return out;
        });
  }

  /** Selects the ids of at most {@code batchSize} rows of days before the cut and deletes them. */
  int prune(LocalDate before, int batchSize) {
    Objects.requireNonNull(before, "before");
    if (batchSize < 1) {
      return 0;
    }
    Function<EntityManager, Integer> work =
        manager -> {
          List<Long> oldest =
              manager
                  .createQuery(
                      "SELECT d.id FROM "
                          + ROLLUP
                          + " d WHERE d.bucketDate < "
                          + DayLiterals.jpql(before)
                          + " ORDER BY d.bucketDate, d.id",
                      Long.class)
                  .setMaxResults(batchSize)
                  .getResultList();
          if (oldest.isEmpty()) {
            return 0;
          }
          return manager
              .createQuery("DELETE FROM " + ROLLUP + " d WHERE d.id IN :ids")
              .setParameter("ids", oldest)
              .executeUpdate();
        };
    return transactions.run("pruneRollups", work);
  }

  /** Reads the rows of one chunk of monitor ids. */
  @FunctionalInterface
  private interface ChunkRead<T> {
    List<T> apply(EntityManager manager, List<Long> chunk);
  }
}
