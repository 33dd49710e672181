package io.channelmonitor.jpa;

import io.channelmonitor.internal.SqlLiterals;
import io.channelmonitor.jpa.entity.RollupEntity;
import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.ModelCounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

  /** One native statement for any number of monitors, the ids and days written as literals. */
  List<DailyRollup> rollups(Collection<Long> monitorIds, LocalDate from, LocalDate to) {
    List<Long> ids = Ids.distinct(monitorIds);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to) || ids.isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM "
            + TABLE
            + " WHERE monitor_id IN ("
            + SqlLiterals.ids(ids)
            + ") AND bucket_date >= "
            + SqlLiterals.day(from)
            + " AND bucket_date <= "
            + SqlLiterals.day(to);
    return transactions.run(
        "rollups",
        manager -> {
          List<DailyRollup> rows = new ArrayList<>();
          for (Object row : manager.createNativeQuery(sql).getResultList()) {
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
   * The sums of every day range {@code from..to}: one native statement whose values are all
   * literals (see {@link RangeSums}).
   */
  Map<LocalDate, List<ModelCounts>> sumFrom(
      Collection<Long> monitorIds, Collection<LocalDate> froms, LocalDate to) {
    List<Long> ids = Ids.distinct(monitorIds);
    Objects.requireNonNull(to, "to");
    String end = "bucket_date <= " + SqlLiterals.day(to);
    return transactions.run(
        "sumRollupsFrom",
        manager -> RANGES.read(manager, ids, froms, from -> !from.isAfter(to), end));
  }

  /**
   * One native statement: deletes at most {@code batchSize} rows of days before the cut, oldest day
   * first.
   */
  int prune(LocalDate before, int batchSize) {
    Objects.requireNonNull(before, "before");
    if (batchSize < 1) {
      return 0;
    }
    String sql =
        "DELETE FROM "
            + TABLE
            + " WHERE id IN (SELECT id FROM "
            + TABLE
            + " WHERE bucket_date < "
            + SqlLiterals.day(before)
            + " ORDER BY bucket_date, id FETCH FIRST "
            + batchSize
            + " ROWS ONLY)";
    return transactions.run(
        "pruneRollups", manager -> manager.createNativeQuery(sql).executeUpdate());
  }
}
