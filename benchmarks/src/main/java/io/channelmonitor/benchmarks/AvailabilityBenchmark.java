package io.channelmonitor.benchmarks;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.history.AvailabilityCalculator;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.internal.SqlLiterals;
import io.channelmonitor.jdbc.JdbcStore;
import io.channelmonitor.store.ResultRecord;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * (b) and (c): {@link AvailabilityCalculator#availability} for a whole fleet over the windows 7, 15
 * and 30 days, on one history seen three ways:
 *
 * <ol>
 *   <li>raw rows only (31 days of them, no watermark): every window is counted from raw rows, as a
 *       store without rollups would have to;
 *   <li>after rolling up the 30 finished days (watermark yesterday) with the 31 days of raw rows
 *       still there;
 *   <li>after pruning raw rows older than 7 days as the rollup job does: the steady state.
 * </ol>
 *
 * The history: every monitor checks its three models {@code checksPerDay} times a day, spread over
 * the day, from {@code TODAY - 30} up to {@link #NOW}, written with {@code insertResults} one
 * fleet-wide tick (all monitors' runs of one moment) per call.
 */
final class AvailabilityBenchmark {
  static final LocalDate TODAY = LocalDate.parse("2026-03-31");
  static final Instant NOW = TODAY.atTime(12, 30).toInstant(ZoneOffset.UTC);
  static final Set<Integer> WINDOWS = Set.of(7, 15, 30);
  static final int RAW_DAYS = 31;
  static final int PRUNE_BATCH = ChannelMonitorSettings.DEFAULT_PRUNE_BATCH_SIZE;

  private final BenchPostgres postgres;
  private final String database;
  private final JdbcStore store;
  private final Fleet fleet;
  private final BenchConfig config;
  private final PrintStream out;
  private final AvailabilityCalculator calculator;

  AvailabilityBenchmark(
      BenchPostgres postgres,
      String database,
      JdbcStore store,
      Fleet fleet,
      BenchConfig config,
      PrintStream out) {
    this.postgres = postgres;
    this.database = database;
    this.store = store;
    this.fleet = fleet;
    this.config = config;
    this.out = out;
    this.calculator =
        new AvailabilityCalculator(
            store, ChannelMonitorSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  void run() throws Exception {
    seed();
    postgres.execute(database, "ANALYZE");
    out.println();
    out.println("(c) raw rows only: " + RAW_DAYS + " days of raw rows, no rollups, no watermark");
    measureCalculator(1, config.rawCalls());
    new StoreReads(store, fleet, 1, config.rawCalls(), out).rawOnly();
    rollUp();
    out.println();
    out.println(
        "after the rollup: watermark yesterday, the " + RAW_DAYS + " days of raw rows kept");
    measureCalculator(1, config.rawCalls());
    prune();
    out.println();
    out.println("(b) steady state: 30 days of rollups, raw rows of the last 7 days (+ today)");
    measureCalculator(config.warmUpCalls(), config.calls());
    new StoreReads(store, fleet, config.warmUpCalls(), config.readCalls(), out).withRollups();
    explain();
  }

  /**
   * Prints {@code EXPLAIN (ANALYZE, BUFFERS)} of each statement of {@code bench.explain} on the
   * steady-state tables, {@code :ids} standing for the fleet's ids as an IN list (printed as {@code
   * {...}}).
   */
  private void explain() throws SQLException {
    String ids = SqlLiterals.ids(fleet.ids());
    for (String statement : config.explain()) {
      out.println();
      out.println("EXPLAIN " + statement);
      String sql = "EXPLAIN (ANALYZE, BUFFERS) " + statement.replace(":ids", ids);
      // The id list would fill pages of the plan: shown as {...}.
      postgres
          .query(database, sql)
          .forEach(line -> out.println("  " + line.replaceAll("'\\{[0-9,]+}'", "'{...}'")));
    }
  }

  /** Writes the history tick by tick from {@code config.seedThreads()} threads. */
  private void seed() throws Exception {
    List<Instant> ticks = ticks();
    out.printf(
        Locale.ROOT,
        "seeding %,d ticks x %,d monitors x %d models with insertResults (%d threads)...%n",
        ticks.size(),
        fleet.size(),
        Fleet.MODELS.size(),
        config.seedThreads());
    ExecutorService pool = Executors.newFixedThreadPool(config.seedThreads());
    long start = System.nanoTime();
    long rows = 0;
    try {
      List<Future<Integer>> writes = new ArrayList<>();
      for (Instant tick : ticks) {
        writes.add(pool.submit(() -> writeTick(tick)));
      }
      for (Future<Integer> write : writes) {
        rows += join(write);
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "  %,d rows in %.1f s: %,.0f rows/s (batches of %,d rows)%n",
        rows,
        seconds,
        rows / seconds,
        fleet.size() * Fleet.MODELS.size());
  }

  /** The start of every tick from {@code TODAY - 30} to {@link #NOW}. */
  private List<Instant> ticks() {
    List<Instant> ticks = new ArrayList<>();
    long step = 86_400L / config.checksPerDay();
    Instant first = TODAY.minusDays(RAW_DAYS - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (Instant tick = first; tick.isBefore(NOW); tick = tick.plusSeconds(step)) {
      ticks.add(tick);
    }
    return ticks;
  }

  /** One call: the runs of every monitor in the tick, each at its own second, none after NOW. */
  private int writeTick(Instant tick) {
    long step = 86_400L / config.checksPerDay();
    List<ResultRecord> batch = new ArrayList<>(fleet.size() * Fleet.MODELS.size());
    for (int i = 0; i < fleet.size(); i++) {
      Instant at = tick.plusSeconds(step * i / fleet.size());
      if (at.isBefore(NOW)) {
        batch.addAll(fleet.run(i, at));
      }
    }
    store.insertResults(batch);
    return batch.size();
  }

  private void measureCalculator(int warmUp, int calls) {
    out.println("  " + JdbcStoreBenchmark.load());
    Samples samples =
        Samples.timeMillis(
            warmUp, calls, () -> calculator.availability(fleet.models(), WINDOWS).size());
    out.println(
        "  availability("
            + fleet.size()
            + " monitors x 3 models, 7/15/30 days): "
            + samples.describeMillis());
    Map<Long, MonitorAvailability> figures = calculator.availability(fleet.models(), WINDOWS);
    MonitorAvailability first = figures.get(fleet.id(0));
    out.printf(
        Locale.ROOT,
        "  check: monitor 1 %s 30-day %d checks, %.2f %% available; timeline %d points%n",
        first.primaryModel(),
        first.primary().window(30).total(),
        first.primary().window(30).availabilityPercent(),
        first.timeline().size());
  }

  /** Rolls up every finished day of the history and moves the watermark to yesterday. */
  private void rollUp() {
    out.println();
    double[] millis = new double[RAW_DAYS - 1];
    long rows = 0;
    long start = System.nanoTime();
    for (int d = 0; d < RAW_DAYS - 1; d++) {
      LocalDate day = TODAY.minusDays(RAW_DAYS - 1L - d);
      long dayStart = System.nanoTime();
      rows += store.rollUpDay(day);
      millis[d] = (System.nanoTime() - dayStart) / 1e6;
    }
    store.setRollupWatermark(TODAY.minusDays(1));
    out.printf(
        Locale.ROOT,
        "rollUpDay for %d days: %,d rollup rows in %.1f s; per day %s%n",
        RAW_DAYS - 1,
        rows,
        (System.nanoTime() - start) / 1e9,
        Samples.of(millis).describeMillis().replace("calls", "days"));
  }

  /** Deletes raw rows before {@code TODAY - 7} as the rollup job does, then vacuums. */
  private void prune() throws Exception {
    out.println();
    Instant before = TODAY.minusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant();
    long start = System.nanoTime();
    long deleted = 0;
    int batch;
    while ((batch = store.pruneResults(before, PRUNE_BATCH)) > 0) {
      deleted += batch;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "pruneResults before %s in batches of %,d: %,d rows in %.1f s (%,.0f rows/s)%n",
        before,
        PRUNE_BATCH,
        deleted,
        seconds,
        deleted / seconds);
    long vacuumStart = System.nanoTime();
    for (String statement : config.setupSql()) {
      out.println("  setup: " + statement);
      postgres.execute(database, statement);
    }
    postgres.execute(database, "VACUUM ANALYZE");
    out.printf(
        Locale.ROOT,
        "  VACUUM ANALYZE afterwards (what autovacuum would do): %.1f s%n",
        (System.nanoTime() - vacuumStart) / 1e9);
  }

  private static int join(Future<Integer> write) throws Exception {
    try {
      return write.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
