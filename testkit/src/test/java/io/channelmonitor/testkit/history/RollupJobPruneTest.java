package io.channelmonitor.testkit.history;

import static io.channelmonitor.CheckStatus.OPERATIONAL;
import static io.channelmonitor.testkit.history.HistoryRows.NOW;
import static io.channelmonitor.testkit.history.HistoryRows.monitor;
import static io.channelmonitor.testkit.history.HistoryRows.rawCount;
import static io.channelmonitor.testkit.history.HistoryRows.row;
import static io.channelmonitor.testkit.history.HistoryRows.startOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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
import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prune steps: raw results only once rolled up, in batches, and old rollups. */
class RollupJobPruneTest {
  private final ManualClock clock = ManualClock.at(NOW);
  private final InMemoryStore store = spy(new InMemoryStore(clock));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final long id = monitor(store, "a");

  private RollupJob job(ChannelMonitorSettings settings) {
    return new RollupJob(store, settings, clock, meters, "node-a");
  }

  /** One row a day at noon, {@code from..to} inclusive. */
  private void dailyRows(String from, String to) {
    for (LocalDate day = LocalDate.parse(from);
        !day.isAfter(LocalDate.parse(to));
        day = day.plusDays(1)) {
      row(store, id, "a", day + "T12:00:00Z", OPERATIONAL, 100);
    }
  }

  private Instant oldestRaw() {
    List<ResultRecord> all = store.history(id, null, 1000);
    return all.get(all.size() - 1).result().checkedAt();
  }

  private static StoreException storeDown() {
    return new StoreException("store down", new IllegalStateException("test"));
  }

  @Test
  void rawRowsThatAreNotRolledUpSurviveAFailedAggregation() {
    store.setRollupWatermark(LocalDate.parse("2026-03-01"));
    dailyRows("2026-02-25", "2026-03-20"); // 4 + 20 = 24 rows
    doThrow(storeDown()).when(store).rollUpDay(LocalDate.parse("2026-03-02"));

    RunReport report = job(ChannelMonitorSettings.defaults()).runOnce();

    assertThat(report.failedSteps()).containsExactly(Step.AGGREGATE);
    assertThat(report.daysRolledUp()).isZero();
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-03-01"));
    // Retention alone would delete up to 03-13; the watermark holds it at 03-02 00:00.
    assertThat(report.resultsPruned()).isEqualTo(5); // 02-25 .. 03-01
    assertThat(rawCount(store, id)).isEqualTo(19);
    assertThat(oldestRaw()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
  }

  @Test
  void aFailureHalfWayKeepsTheDaysNotYetRolledUp() {
    dailyRows("2026-03-01", "2026-03-20"); // 20 rows
    doThrow(storeDown()).when(store).rollUpDay(LocalDate.parse("2026-03-15"));

    RunReport report =
        job(ChannelMonitorSettings.builder().rollupRetentionDays(30).build()).runOnce();

    assertThat(report.failedSteps()).containsExactly(Step.AGGREGATE);
    assertThat(report.daysRolledUp()).isEqualTo(25); // 02-18 (today - 30) .. 03-14
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-03-14"));
    // min(retention 03-13, watermark + 1 = 03-15) = 03-13: rows 03-01 .. 03-12 go, rolled up.
    assertThat(report.resultsPruned()).isEqualTo(12);
    assertThat(rawCount(store, id)).isEqualTo(8);
  }

  @Test
  void withoutAnyWatermarkNothingIsPruned() {
    dailyRows("2026-03-01", "2026-03-20");
    // The first day without a watermark: today - rollup retention (90 days).
    doThrow(storeDown()).when(store).rollUpDay(LocalDate.parse("2025-12-20"));

    RunReport report = job(ChannelMonitorSettings.defaults()).runOnce();

    assertThat(report.failedSteps()).containsExactly(Step.AGGREGATE);
    assertThat(store.rollupWatermark()).isEmpty();
    assertThat(report.resultsPruned()).isZero();
    assertThat(rawCount(store, id)).isEqualTo(20);
    verify(store, never()).pruneResults(any(), anyInt());
  }

  @Test
  void rawRowsOlderThanTheRawRetentionAreRolledUpBeforeTheyArePruned() {
    // A store that never ran the job: 79 daily rows, 72 of them older than the raw retention.
    dailyRows("2026-01-01", "2026-03-20");

    List<RunReport> runs = job(ChannelMonitorSettings.defaults()).runUntilCaughtUp();

    assertThat(runs).allMatch(RunReport::succeeded);
    assertThat(runs.stream().mapToLong(RunReport::resultsPruned).sum()).isEqualTo(71);
    assertThat(rawCount(store, id)).isEqualTo(8); // 03-13 .. 03-20
    List<DailyRollup> rollups =
        store.rollups(List.of(id), LocalDate.parse("2025-01-01"), LocalDate.parse("2026-12-31"));
    assertThat(rollups).hasSize(78); // 01-01 .. 03-19, one a day
    assertThat(rollups.stream().mapToLong(r -> r.counts().operational()).sum()).isEqualTo(78);
  }

  @Test
  void rawResultsAreDeletedInBatchesUntilABatchDeletesNothing() {
    store.setRollupWatermark(LocalDate.parse("2026-03-19"));
    for (int i = 0; i < 10; i++) {
      row(store, id, "a", "2026-03-05T0" + i + ":00:00Z", OPERATIONAL, 100);
    }
    row(store, id, "a", "2026-03-13T00:00:00Z", OPERATIONAL, 100);
    row(store, id, "a", "2026-03-12T23:59:59.999Z", OPERATIONAL, 100);

    RunReport report = job(ChannelMonitorSettings.builder().pruneBatchSize(3).build()).runOnce();

    assertThat(report.succeeded()).isTrue();
    assertThat(report.resultsPruned()).isEqualTo(11);
    // 11 rows before 03-13 00:00 in batches of 3: 3, 3, 3, 2, then 0.
    verify(store, times(5)).pruneResults(startOf("2026-03-13"), 3);
    assertThat(rawCount(store, id)).isEqualTo(1);
    assertThat(oldestRaw()).isEqualTo(Instant.parse("2026-03-13T00:00:00Z"));
    assertThat(meters.counter("channel.monitor.rollup.rows", "step", "pruned_results").count())
        .isEqualTo(11.0);
  }

  @Test
  void rollupsOlderThanTheirRetentionArePrunedInBatches() {
    long five = monitor(store, "m1", "m2", "m3", "m4", "m5");
    for (String model : List.of("m1", "m2", "m3", "m4", "m5")) {
      row(store, five, model, "2026-03-09T23:59:59.999Z", OPERATIONAL, 100);
      row(store, five, model, "2026-03-10T00:00:00Z", OPERATIONAL, 100);
    }
    store.rollUpDay(LocalDate.parse("2026-03-09"));
    store.rollUpDay(LocalDate.parse("2026-03-10"));
    store.setRollupWatermark(LocalDate.parse("2026-03-19"));
    ChannelMonitorSettings settings =
        ChannelMonitorSettings.builder().rollupRetentionDays(10).pruneBatchSize(2).build();

    RunReport report = job(settings).runOnce();

    // today - 10 days = 03-10: the five rows of 03-09 go, in batches of 2, 2, 1, then 0.
    assertThat(report.rollupsPruned()).isEqualTo(5);
    verify(store, times(4)).pruneRollups(LocalDate.parse("2026-03-10"), 2);
    List<DailyRollup> left =
        store.rollups(List.of(five), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
    assertThat(left).hasSize(5).allMatch(r -> r.day().equals(LocalDate.parse("2026-03-10")));
    assertThat(meters.counter("channel.monitor.rollup.rows", "step", "pruned_rollups").count())
        .isEqualTo(5.0);
  }
}
