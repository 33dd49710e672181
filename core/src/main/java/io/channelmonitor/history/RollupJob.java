package io.channelmonitor.history;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.store.ChannelMonitorStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily maintenance of history: rolls raw results up into per (monitor, model, UTC day) counts
 * and prunes old raw results and old rollups. Meant to run once a day shortly after midnight UTC
 * ({@link #delayUntilNextRun()}, {@link #runUntilCaughtUp()}) and at start-up when it is behind
 * ({@link #runAtStartupIfBehind()}); the owner schedules it.
 *
 * <p>A run holds the store lock {@value #LOCK_NAME} so that one instance among several does the
 * work; when another owner holds it the run is skipped. The three steps fail on their own: a failed
 * step is logged with its name and the next one still runs. Every step is idempotent, so a run that
 * outlives its lease or is repeated does no harm.
 *
 * <ol>
 *   <li>{@code aggregate}: from the day after the watermark (or, with no watermark, from {@code
 *       today - rollupRetentionDays}, the oldest day whose rollup would be kept: raw rows of any
 *       age may be there, say from a store that never ran the job) up to yesterday, at most {@code
 *       maxBackfillDays} days per run: roll the day up, then move the watermark to it. The first
 *       error stops the loop.
 *   <li>{@code prune_results}: delete raw results older than {@code today - rawRetentionDays}, but
 *       never a result of a day after the watermark, so no result is lost before it is rolled up.
 *       With no watermark nothing is deleted.
 *   <li>{@code prune_rollups}: delete rollups of days before {@code today - rollupRetentionDays}.
 * </ol>
 *
 * <p>Deletes run in batches of {@code pruneBatchSize} until a batch deletes nothing. Meters: timer
 * {@code channel.monitor.rollup.duration} (runs that held the lock), counter {@code
 * channel.monitor.rollup.rows} tagged {@code step} = {@code rolled_up}, {@code pruned_results} or
 * {@code pruned_rollups}, and counter {@code channel.monitor.rollup.failures} tagged with the
 * failed step. Thread-safe; runs are meant to be sequential.
 */
public final class RollupJob {
  /** The store lock a run holds. */
  public static final String LOCK_NAME = "channel-monitor-rollup";

  /** How long the lock is held at most when its holder dies. */
  public static final Duration LOCK_LEASE = Duration.ofMinutes(30);

  /** The UTC time of day of the daily run: a few minutes after the day it rolls up has ended. */
  public static final LocalTime DAILY_RUN_TIME = LocalTime.of(0, 5);

  private static final Logger log = LoggerFactory.getLogger(RollupJob.class);

  private final ChannelMonitorStore store;
  private final ChannelMonitorSettings settings;
  private final Clock clock;
  private final String owner;
  private final MeterRegistry meters;
  private final Timer duration;
  private final Counter rolledUpRows;
  private final Counter prunedResults;
  private final Counter prunedRollups;
  private final Map<Step, Counter> failures = new EnumMap<>(Step.class);

  /**
   * @param owner who takes the lock: unique per instance (a host name plus a random suffix)
   */
  public RollupJob(
      ChannelMonitorStore store,
      ChannelMonitorSettings settings,
      Clock clock,
      MeterRegistry meters,
      String owner) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.owner = Objects.requireNonNull(owner, "owner");
    if (owner.isBlank()) {
      throw new IllegalArgumentException("owner must not be blank");
    }
    this.duration =
        Timer.builder("channel.monitor.rollup.duration")
            .description("Time of one rollup run that held the lock")
            .register(meters);
    this.rolledUpRows = rows(meters, "rolled_up");
    this.prunedResults = rows(meters, "pruned_results");
    this.prunedRollups = rows(meters, "pruned_rollups");
    for (Step step : Step.values()) {
      failures.put(
          step,
          Counter.builder("channel.monitor.rollup.failures")
              .description("Rollup steps that failed")
              .tag("step", step.id())
              .register(meters));
    }
  }

  private static Counter rows(MeterRegistry meters, String step) {
    return Counter.builder("channel.monitor.rollup.rows")
        .description("Rows rolled up or pruned by the rollup job")
        .tag("step", step)
        .register(meters);
  }

  /**
   * Runs the three steps once under the lock. Never throws for a store failure: it is logged and
   * reported.
   *
   * @return what was done; {@link RunReport#skipped()} when the lock was not acquired
   */
  public RunReport runOnce() {
    boolean locked;
    try {
      locked = store.tryLock(LOCK_NAME, owner, LOCK_LEASE);
    } catch (RuntimeException e) {
      countFailure(Step.LOCK, e);
      return RunReport.skipped(List.of(Step.LOCK));
    }
    if (!locked) {
      log.debug("channel_monitor: rollup skipped, another instance holds the lock");
      return RunReport.skipped(List.of());
    }
    Timer.Sample sample = Timer.start(meters);
    try {
      return runSteps(today());
    } finally {
      sample.stop(duration);
      release();
    }
  }

  private RunReport runSteps(LocalDate today) {
    Progress run = new Progress();
    attempt(Step.AGGREGATE, run, () -> aggregate(today, run));
    attempt(Step.PRUNE_RESULTS, run, () -> pruneResults(today, run));
    attempt(Step.PRUNE_ROLLUPS, run, () -> pruneRollups(today, run));
    RunReport report = run.report();
    log.info(
        "channel_monitor: rollup run done: {} days rolled up ({} rows), {} results and {} rollups"
            + " pruned, failed steps {}",
        report.daysRolledUp(),
        report.rowsUpserted(),
        report.resultsPruned(),
        report.rollupsPruned(),
        report.failedSteps());
    return report;
  }

  private void attempt(Step step, Progress run, Runnable body) {
    try {
      body.run();
    } catch (RuntimeException e) {
      run.failed.add(step);
      countFailure(step, e);
    }
  }

  private void countFailure(Step step, RuntimeException e) {
    failures.get(step).increment();
    log.warn("channel_monitor: maintenance step failed: {}", step.id(), e);
  }

  private void aggregate(LocalDate today, Progress run) {
    Optional<LocalDate> watermark = store.rollupWatermark();
    LocalDate day =
        watermark
            .map(last -> last.plusDays(1))
            .orElse(today.minusDays(settings.rollupRetentionDays()));
    int cap = settings.maxBackfillDays();
    while (day.isBefore(today) && run.days < cap) {
      int written = store.rollUpDay(day);
      store.setRollupWatermark(day);
      run.days++;
      run.rows += written;
      rolledUpRows.increment(written);
      log.info("channel_monitor: rollups upserted for {}: {} rows", day, written);
      day = day.plusDays(1);
    }
    if (day.isBefore(today)) {
      run.capped = true;
      log.info(
          "channel_monitor: maintenance aggregation capped at {} days; the next run resumes at {}",
          cap,
          day);
    }
  }

  private void pruneResults(LocalDate today, Progress run) {
    Optional<LocalDate> watermark = store.rollupWatermark();
    if (watermark.isEmpty()) {
      log.info("channel_monitor: no day rolled up yet; raw results are kept");
      return;
    }
    Instant retained = startOf(today.minusDays(settings.rawRetentionDays()));
    Instant rolledUp = startOf(watermark.get().plusDays(1));
    Instant before = retained.isBefore(rolledUp) ? retained : rolledUp;
    int batch = settings.pruneBatchSize();
    deleteInBatches(() -> store.pruneResults(before, batch), prunedResults, n -> run.results += n);
    log.info("channel_monitor: history cleanup before {}: {} results", before, run.results);
  }

  private void pruneRollups(LocalDate today, Progress run) {
    LocalDate before = today.minusDays(settings.rollupRetentionDays());
    int batch = settings.pruneBatchSize();
    deleteInBatches(() -> store.pruneRollups(before, batch), prunedRollups, n -> run.rollups += n);
    log.info("channel_monitor: rollups cleanup before {}: {} rows", before, run.rollups);
  }

  private static void deleteInBatches(IntSupplier deleteBatch, Counter counter, IntConsumer tally) {
    int deleted;
    while ((deleted = deleteBatch.getAsInt()) > 0) {
      counter.increment(deleted);
      tally.accept(deleted);
    }
  }

  private void release() {
    try {
      store.unlock(LOCK_NAME, owner);
    } catch (RuntimeException e) {
      log.warn("channel_monitor: rollup lock release failed; it expires by itself", e);
    }
  }

  /**
   * Whether the job has days to roll up: no day was ever rolled up, or the watermark is before
   * yesterday (UTC).
   */
  public boolean isBehind() {
    LocalDate yesterday = today().minusDays(1);
    return store.rollupWatermark().map(last -> last.isBefore(yesterday)).orElse(true);
  }

  /**
   * Runs once when {@link #isBehind()}, then again while a run was stopped by the backfill cap, for
   * a host that starts after the daily run time was missed or with years-old raw rows. When the
   * watermark cannot be read it runs anyway: the run reports what failed.
   *
   * @return the reports of the runs, in order; empty when the job was up to date
   */
  public List<RunReport> runAtStartupIfBehind() {
    boolean behind;
    try {
      behind = isBehind();
    } catch (RuntimeException e) {
      log.warn("channel_monitor: rollup watermark unreadable at start-up; running anyway", e);
      behind = true;
    }
    return behind ? runUntilCaughtUp() : List.of();
  }

  /**
   * Runs once, then again while the previous run succeeded but was stopped by the backfill cap, so
   * that a long backlog is worked off now in runs of at most {@code maxBackfillDays} days each
   * instead of one run per day. Bounded by {@link #maxRunsToCatchUp()} runs.
   *
   * @return the reports of the runs, in order; never empty
   */
  public List<RunReport> runUntilCaughtUp() {
    List<RunReport> reports = new ArrayList<>();
    RunReport last;
    do {
      last = runOnce();
      reports.add(last);
    } while (last.capped()
        && last.succeeded()
        && reports.size() < maxRunsToCatchUp()
        && !Thread.currentThread().isInterrupted());
    return List.copyOf(reports);
  }

  /** Enough runs to roll up every day the rollup retention keeps, plus one. */
  int maxRunsToCatchUp() {
    int cap = settings.maxBackfillDays();
    return (settings.rollupRetentionDays() + cap - 1) / cap + 1;
  }

  /** The first {@link #DAILY_RUN_TIME} UTC strictly after the clock's instant. */
  public Instant nextRunAt() {
    return nextRunAfter(clock.instant());
  }

  /** How long until {@link #nextRunAt()}: the delay for the owner's scheduler. */
  public Duration delayUntilNextRun() {
    Instant now = clock.instant();
    return Duration.between(now, nextRunAfter(now));
  }

  private static Instant nextRunAfter(Instant now) {
    Instant next =
        LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(DAILY_RUN_TIME).toInstant(ZoneOffset.UTC);
    return next.isAfter(now) ? next : next.plus(Duration.ofDays(1));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** A step of a run, as logs, meters and reports name it. */
  public enum Step {
    /** Taking the lock (only when the store failed; a lock held by another is no failure). */
    LOCK,
    /** Rolling days up and moving the watermark. */
    AGGREGATE,
    /** Deleting old raw results. */
    PRUNE_RESULTS,
    /** Deleting old rollups. */
    PRUNE_ROLLUPS;

    /** The name in logs and meter tags: {@code lock}, {@code aggregate}, ... */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What one run did.
   *
   * @param skipped the lock was not acquired (held by another owner, or the store failed), so no
   *     step ran
   * @param daysRolledUp days rolled up, each followed by a watermark move
   * @param rowsUpserted rollup rows written
   * @param capped the backfill cap stopped the aggregation before yesterday
   * @param resultsPruned raw results deleted
   * @param rollupsPruned rollup rows deleted
   * @param failedSteps the steps that failed, in run order
   */
  public record RunReport(
      boolean skipped,
      int daysRolledUp,
      long rowsUpserted,
      boolean capped,
      long resultsPruned,
      long rollupsPruned,
      List<Step> failedSteps) {

    public RunReport {
      failedSteps = List.copyOf(failedSteps);
    }

    static RunReport skipped(List<Step> failedSteps) {
      return new RunReport(true, 0, 0, false, 0, 0, failedSteps);
    }

    /** Whether the run held the lock and every step succeeded. */
    public boolean succeeded() {
      return !skipped && failedSteps.isEmpty();
    }
  }

  /** The tallies of one run, filled in as the steps go, so a failed step keeps what it did. */
  private static final class Progress {
    private int days;
    private long rows;
    private boolean capped;
    private long results;
    private long rollups;
    private final List<Step> failed = new ArrayList<>();

    RunReport report() {
      return new RunReport(false, days, rows, capped, results, rollups, failed);
    }
  }
}
