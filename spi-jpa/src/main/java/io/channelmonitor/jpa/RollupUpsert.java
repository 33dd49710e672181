package io.channelmonitor.jpa;

import io.channelmonitor.internal.SqlLiterals;
import io.channelmonitor.jpa.entity.MonitorEntity;
import io.channelmonitor.jpa.entity.ResultEntity;
import io.channelmonitor.jpa.entity.RollupEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Writes one UTC day's rollups with a native upsert computed from the results between the day's UTC
 * midnights, which Java computes and binds: no session or JVM time zone decides what a day is. Rows
 * of (monitor, model) pairs without results that day are left alone, and running it twice writes
 * the same rows.
 */
final class RollupUpsert {
  private static final String COUNTERS = String.join(", ", StatusSums.ROLLUP_COLUMNS);
  private static final String INSERT_COLUMNS =
      "monitor_id, model, bucket_date, " + COUNTERS + ", computed_at";

  private final Transactions transactions;
  private final JpaDialect dialect;
  private final Clock clock;

  RollupUpsert(Transactions transactions, JpaDialect dialect, Clock clock) {
    this.transactions = transactions;
    this.dialect = dialect;
    this.clock = clock;
  }

  int rollUpDay(LocalDate day) {
    Objects.requireNonNull(day, "day");
    Window window =
        new Window(
            day,
            day.atStartOfDay(ZoneOffset.UTC).toInstant(),
            day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            clock.instant());
    if (dialect == JpaDialect.POSTGRESQL) {
      return transactions.run("rollUpDay", manager -> upsertPostgres(manager, window));
    }
    return transactions.run("rollUpDay", manager -> mergeH2(manager, window));
  }

  /**
   * One statement. The day's results are read once; the monitors they belong to are key-share
   * locked, so a monitor deleted meanwhile is either kept until this commits or already gone (and
   * its results with it), and no rollup row can point at a deleted monitor.
   */
  private static int upsertPostgres(EntityManager manager, Window window) {
    String sql =
        "WITH day_results AS (SELECT r.monitor_id, r.model, r.status, r.latency_ms FROM "
            + ResultEntity.TABLE
            + " r WHERE r.checked_at >= :from AND r.checked_at < :to),"
            + " live AS (SELECT m.id FROM "
            + MonitorEntity.TABLE
            + " m WHERE m.id IN (SELECT monitor_id FROM day_results) FOR KEY SHARE OF m)"
            + " INSERT INTO "
            + RollupEntity.TABLE
            + " ("
            + INSERT_COLUMNS
            + ") SELECT d.monitor_id, d.model, "
            + SqlLiterals.day(window.day())
            + ", "
            + StatusSums.of("d.status", "d.latency_ms")
            + ", CAST(:now AS TIMESTAMP WITH TIME ZONE) FROM day_results d"
            + " JOIN live ON live.id = d.monitor_id GROUP BY d.monitor_id, d.model"
            + " ON CONFLICT (monitor_id, model, bucket_date) DO UPDATE SET "
            + assignEach("EXCLUDED")
            + ", computed_at = EXCLUDED.computed_at";
    return window.bind(manager.createNativeQuery(sql)).executeUpdate();
  }

  /**
   * H2's foreign key check does not see a delete that another transaction has not committed, so the
   * monitors with results that day are locked first, in id order, and the MERGE reads only their
   * results; a monitor deleted meanwhile is skipped by the lock.
   */
  private static int mergeH2(EntityManager manager, Window window) {
    List<Long> live = lockMonitorsWithResults(manager, window);
    if (live.isEmpty()) {
      return 0;
    }
    return window.bind(manager.createNativeQuery(h2Merge(window.day(), live))).executeUpdate();
  }

  /** Locks, in id order, the existing monitors that have results in the window. */
  private static List<Long> lockMonitorsWithResults(EntityManager manager, Window window) {
    return manager
        .createQuery(
            "SELECT m.id FROM "
                + MonitorEntity.NAME
                + " m WHERE m.id IN (SELECT r.monitorId FROM "
                + ResultEntity.NAME
                + " r WHERE r.checkedAt >= :from AND r.checkedAt < :to) ORDER BY m.id",
            Long.class)
        .setParameter("from", window.from())
        .setParameter("to", window.to())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  /** The MERGE of the sums of the results of the monitors {@code ids} into {@code day}'s rows. */
  private static String h2Merge(LocalDate day, List<Long> ids) {
    return "MERGE INTO "
        + RollupEntity.TABLE
        + " t USING (SELECT r.monitor_id, r.model, "
        + StatusSums.named("r.status", "r.latency_ms")
        + " FROM "
        + ResultEntity.TABLE
        + " r WHERE r.monitor_id IN ("
        + SqlLiterals.ids(ids)
        + ") AND r.checked_at >= :from AND r.checked_at < :to"
        + " GROUP BY r.monitor_id, r.model) s"
        + " ON t.monitor_id = s.monitor_id AND t.model = s.model AND t.bucket_date = "
        + SqlLiterals.day(day)
        + " WHEN MATCHED THEN UPDATE SET "
        + assignEach("s")
        + ", computed_at = :now WHEN NOT MATCHED THEN INSERT ("
        + INSERT_COLUMNS
        + ") VALUES (s.monitor_id, s.model, "
        + SqlLiterals.day(day)
        + ", "
        + qualifiedCounters("s")
        + ", :now)";
  }

  private static String assignEach(String source) {
    StringBuilder set = new StringBuilder();
    for (String column : StatusSums.ROLLUP_COLUMNS) {
      set.append(set.length() == 0 ? "" : ", ")
          .append(column)
          .append(" = ")
          .append(source)
          .append('.')
          .append(column);
    }
    return set.toString();
  }

  private static String qualifiedCounters(String source) {
    return source + "." + String.join(", " + source + ".", StatusSums.ROLLUP_COLUMNS);
  }

  /**
   * The day, its UTC bounds and the time the rollup is computed at. The day goes into the SQL as a
   * literal (see {@link SqlLiterals}); the instants are parameters.
   */
  private record Window(LocalDate day, Instant from, Instant to, Instant now) {
    Query bind(Query query) {
      return query.setParameter("from", from).setParameter("to", to).setParameter("now", now);
    }
  }
}
