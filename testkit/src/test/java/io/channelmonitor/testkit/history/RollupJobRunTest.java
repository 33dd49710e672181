package io.channelmonitor.testkit.history;

import static io.channelmonitor.CheckStatus.OPERATIONAL;
import static io.channelmonitor.testkit.history.HistoryRows.NOW;
import static io.channelmonitor.testkit.history.HistoryRows.monitor;
import static io.channelmonitor.testkit.history.HistoryRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.StoreException;
import io.channelmonitor.history.RollupJob;
import io.channelmonitor.history.RollupJob.RunReport;
import io.channelmonitor.history.RollupJob.Step;
import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs as a whole: the lock, steps failing alone, meters, and when to run. */
class RollupJobRunTest {
  private final ManualClock clock = ManualClock.at(NOW);
  private final InMemoryStore store = spy(new InMemoryStore(clock));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RollupJob job =
      new RollupJob(store, ChannelMonitorSettings.defaults(), clock, meters, "node-a");

  private static StoreException storeDown() {
    return new StoreException("store down", new IllegalStateException("test"));
  }

  @Test
  void aLockHeldByAnotherOwnerSkipsTheRunAndIsLeftAlone() {
    assertThat(store.tryLock(RollupJob.LOCK_NAME, "node-b", RollupJob.LOCK_LEASE)).isTrue();

    RunReport report = job.runOnce();

    assertThat(report.skipped()).isTrue();
    assertThat(report.succeeded()).isFalse();
    assertThat(report.failedSteps()).isEmpty();
    verify(store, never()).rollUpDay(any());
    verify(store, never()).pruneResults(any(), anyInt());
    assertThat(store.rollupWatermark()).isEmpty();
    assertThat(store.tryLock(RollupJob.LOCK_NAME, "node-c", Duration.ofMinutes(1))).isFalse();
    assertThat(meters.timer("channel.monitor.rollup.duration").count()).isZero();

    clock.advance(RollupJob.LOCK_LEASE); // node-b's lease has run out
    assertThat(job.runOnce().succeeded()).isTrue();
  }

  @Test
  void theLockIsReleasedAfterARunEvenWhenAStepFails() {
    doThrow(storeDown()).when(store).pruneRollups(any(), anyInt());

    assertThat(job.runOnce().failedSteps()).containsExactly(Step.PRUNE_ROLLUPS);

    assertThat(store.tryLock(RollupJob.LOCK_NAME, "node-b", Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void aStoreThatCannotLockIsReportedAndNoStepRuns() {
    doThrow(storeDown()).when(store).tryLock(any(), any(), any());

    RunReport report = job.runOnce();

    assertThat(report.skipped()).isTrue();
    assertThat(report.failedSteps()).containsExactly(Step.LOCK);
    verify(store, never()).rollupWatermark();
    assertThat(meters.counter("channel.monitor.rollup.failures", "step", "lock").count())
        .isEqualTo(1.0);
  }

  @ParameterizedTest
  @EnumSource(
      value = Step.class,
      names = {"AGGREGATE", "PRUNE_RESULTS", "PRUNE_ROLLUPS"})
  void eachStepFailsAloneAndTheOthersStillRun(Step failing) {
    long id = monitor(store, "a");
    store.setRollupWatermark(LocalDate.parse("2026-03-17"));
    row(store, id, "a", "2025-12-19T12:00:00Z", OPERATIONAL, 100);
    store.rollUpDay(LocalDate.parse("2025-12-19")); // before today - 90 = 2025-12-20
    row(store, id, "a", "2026-03-01T12:00:00Z", OPERATIONAL, 100);
    row(store, id, "a", "2026-03-18T12:00:00Z", OPERATIONAL, 100);
    switch (failing) {
      case AGGREGATE -> doThrow(storeDown()).when(store).rollUpDay(any());
      case PRUNE_RESULTS -> doThrow(storeDown()).when(store).pruneResults(any(), anyInt());
      default -> doThrow(storeDown()).when(store).pruneRollups(any(), anyInt());
    }

    RunReport report = job.runOnce();

    assertThat(report.skipped()).isFalse();
    assertThat(report.failedSteps()).containsExactly(failing);
    boolean aggregated = failing != Step.AGGREGATE;
    assertThat(report.daysRolledUp()).isEqualTo(aggregated ? 2 : 0); // 03-18, 03-19
    assertThat(report.rowsUpserted()).isEqualTo(aggregated ? 1 : 0);
    assertThat(store.rollupWatermark())
        .contains(LocalDate.parse(aggregated ? "2026-03-19" : "2026-03-17"));
    // Both old raw rows are before min(03-13, watermark + 1) either way.
    assertThat(report.resultsPruned()).isEqualTo(failing == Step.PRUNE_RESULTS ? 0 : 2);
    assertThat(report.rollupsPruned()).isEqualTo(failing == Step.PRUNE_ROLLUPS ? 0 : 1);
    assertThat(meters.counter("channel.monitor.rollup.failures", "step", failing.id()).count())
        .isEqualTo(1.0);
  }

  @Test
  void metersCountRowsPerStepAndTimeTheRun() {
    long id = monitor(store, "a", "b");
    row(store, id, "a", "2026-03-18T12:00:00Z", OPERATIONAL, 100);
    row(store, id, "b", "2026-03-18T12:00:00Z", OPERATIONAL, 100);
    row(store, id, "a", "2026-03-19T12:00:00Z", OPERATIONAL, 100);
    row(store, id, "a", "2026-03-01T12:00:00Z", OPERATIONAL, 100); // rolled up, then pruned

    job.runUntilCaughtUp();

    assertThat(meters.counter("channel.monitor.rollup.rows", "step", "rolled_up").count())
        .isEqualTo(4.0);
    assertThat(meters.counter("channel.monitor.rollup.rows", "step", "pruned_results").count())
        .isEqualTo(1.0);
    assertThat(meters.counter("channel.monitor.rollup.rows", "step", "pruned_rollups").count())
        .isZero();
    assertThat(meters.timer("channel.monitor.rollup.duration").count()).isEqualTo(3);
  }

  @Test
  void behindMeansNoWatermarkOrOneBeforeYesterday() {
    assertThat(job.isBehind()).isTrue();
    store.setRollupWatermark(LocalDate.parse("2026-03-18"));
    assertThat(job.isBehind()).isTrue();
    store.setRollupWatermark(LocalDate.parse("2026-03-19"));
    assertThat(job.isBehind()).isFalse();
    clock.set(Instant.parse("2026-03-20T23:59:59.999Z"));
    assertThat(job.isBehind()).isFalse();
    clock.set(Instant.parse("2026-03-21T00:00:00Z"));
    assertThat(job.isBehind()).isTrue();
  }

  @Test
  void atStartupItRunsOnlyWhenBehind() {
    // No watermark: 90 days from 2025-12-20, in runs of at most 35 days, one after the other.
    assertThat(job.runAtStartupIfBehind())
        .extracting(RunReport::daysRolledUp)
        .containsExactly(35, 35, 20);
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-03-19"));

    assertThat(job.runAtStartupIfBehind()).isEmpty();
    verify(store, times(3)).tryLock(RollupJob.LOCK_NAME, "node-a", RollupJob.LOCK_LEASE);
  }

  @Test
  void catchingUpStopsAtTheFirstFailedRun() {
    doThrow(storeDown()).when(store).rollUpDay(LocalDate.parse("2026-02-01"));

    List<RunReport> runs = job.runUntilCaughtUp();

    assertThat(runs).extracting(RunReport::daysRolledUp).containsExactly(35, 8);
    assertThat(runs.get(1).failedSteps()).containsExactly(Step.AGGREGATE);
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-01-31"));
  }

  @Test
  void aBacklogThatNeverShrinksStopsAfterEnoughRunsForTheRetention() {
    doNothing().when(store).setRollupWatermark(any()); // every run starts over at 2025-12-20

    List<RunReport> runs = job.runUntilCaughtUp();

    // ceil(90 / 35) + 1 runs, each capped, and then it waits for the next daily run.
    assertThat(runs).hasSize(4).allMatch(RunReport::capped);
  }

  @Test
  void atStartupAnUnreadableWatermarkStillRunsAndReports() {
    doThrow(storeDown()).when(store).rollupWatermark();

    assertThat(job.runAtStartupIfBehind())
        .singleElement()
        .satisfies(
            report ->
                assertThat(report.failedSteps())
                    .containsExactly(Step.AGGREGATE, Step.PRUNE_RESULTS));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-03-20T10:00:00Z, PT14H5M",
    "2026-03-20T00:00:00Z, PT5M",
    "2026-03-20T00:04:59.999Z, PT0.001S",
    "2026-03-20T00:05:00Z, PT24H",
    "2026-03-20T23:59:59Z, PT5M1S",
  })
  void theNextRunIsAtFivePastMidnightUtc(String now, String delay) {
    clock.set(Instant.parse(now));
    RollupJob zoned =
        new RollupJob(
            store,
            ChannelMonitorSettings.defaults(),
            clock.withZone(ZoneId.of("America/Los_Angeles")),
            meters,
            "node-a");

    assertThat(job.delayUntilNextRun()).isEqualTo(Duration.parse(delay));
    assertThat(zoned.delayUntilNextRun()).isEqualTo(Duration.parse(delay));
    assertThat(job.nextRunAt()).isEqualTo(Instant.parse(now).plus(Duration.parse(delay)));
  }

  @Test
  void anOwnerIsRequired() {
    assertThatThrownBy(
            () -> new RollupJob(store, ChannelMonitorSettings.defaults(), clock, meters, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
