package io.channelmonitor.jpa;

import io.channelmonitor.internal.SqlLiterals;
import io.channelmonitor.jpa.entity.RollupEntity;
import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.ModelCounts;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads and prunes the daily rollups; {@link RollupUpsert} writes them. Every query that compares
 * days is native SQL with the days as literals (see {@link SqlLiterals}); the same SQL runs on
 * PostgreSQL and H2.
 */
final class Rollups {
  private static final String TABLE = RollupEntity.TABLE;
  private static final RangeSums<LocalDate> RANGES = RangeSums.ofRollups(TABLE, SqlLiterals::day);

  /**
   * The columns of a {@link DailyRollup}, the day as text: an entity query would read it as a
   * {@code java.sql.Date}, which can shift it by a day (see {@link DayColumns}).
   */
  private static final String COLUMNS =
      "monitor_id, model, "
          + DayColumns.text("bucket_date")
          + ", "
          + String.join(", ", StatusSums.ROLLUP_COLUMNS);

  private final Transactions transactions;

  Rollups(Transactions transactions) {
    this.transactions = transactions;
  }

  List<DailyRollup> rollups(Collection<Long> monitorIds, LocalDate from, LocalDate to) {
    String sql = "SELECT " + COLUMNS + " FROM " + TABLE + inRange(from, to);
    return readRange(
        "rollups",
        monitorIds,
        from,
        to,
        (manager, chunk) -> {
          List<DailyRollup> rows = new ArrayList<>();
          for (Object row : ids(manager.createNativeQuery(sql), chunk)) {
            Object[] columns = (Object[]) row;
            rows.add(
                new DailyRollup(
                    ((Number) columns[0]).longValue(),
                    (String) columns[1],
                    DayColumns.parse(columns[2]),
                    StatusSums.read(columns, 3)));
          }
          return rows;
        });
  }

  /**
   * The sums of every day range {@code from..to}: one native statement per chunk of ids, whose
   * values are all literals (see {@link RangeSums}).
   */
  Map<LocalDate, List<ModelCounts>> sumFrom(
      Collection<Long> monitorIds, Collection<LocalDate> froms, LocalDate to) {
    List<List<Long>> chunks = Ids.chunks(monitorIds);
    Objects.requireNonNull(to, "to");
    String end = "<= " + SqlLiterals.day(to);
    return transactions.run(
        "sumRollupsFrom",
        manager -> RANGES.read(manager, chunks, froms, from -> !from.isAfter(to), end));
  }

  /** The WHERE clause of a range read; the ids are the parameter {@code ids}. */
  private static String inRange(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return " WHERE monitor_id IN (:ids) AND bucket_date >= "
        + SqlLiterals.day(from)
        + " AND bucket_date <= "
        + SqlLiterals.day(to);
  }

  private static List<?> ids(Query query, List<Long> chunk) {
    return query.setParameter("ids", chunk).getResultList();
  }

  /** Runs {@code read} once per chunk of ids in one transaction; empty inputs read nothing. */
  private <T> List<T> readRange(
      String operation,
      Collection<Long> monitorIds,
      LocalDate from,
      LocalDate to,
      ChunkRead<T> read) {
    List<List<Long>> chunks = Ids.chunks(monitorIds);
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

  /**
   * Selects the ids of at most {@code batchSize} rows of days before the cut, oldest day first, and
   * deletes them.
   */
  int prune(LocalDate before, int batchSize) {
    Objects.requireNonNull(before, "before");
    if (batchSize < 1) {
      return 0;
    }
    String oldest =
        "SELECT id FROM "
            + TABLE
            + " WHERE bucket_date < "
            + SqlLiterals.day(before)
            + " ORDER BY bucket_date, id";
    Function<EntityManager, Integer> work =
        manager -> {
          List<Long> ids = new ArrayList<>();
          for (Object id :
              manager.createNativeQuery(oldest).setMaxResults(batchSize).getResultList()) {
            ids.add(((Number) id).longValue());
          }
          if (ids.isEmpty()) {
            return 0;
          }
          return manager
              .createQuery("DELETE FROM " + RollupEntity.NAME + " d WHERE d.id IN :ids")
              .setParameter("ids", ids)
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
