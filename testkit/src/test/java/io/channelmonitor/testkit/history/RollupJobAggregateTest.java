package io.channelmonitor.testkit.history;

import static io.channelmonitor.CheckStatus.DEGRADED;
import static io.channelmonitor.CheckStatus.ERROR;
import static io.channelmonitor.CheckStatus.FAILED;
import static io.channelmonitor.CheckStatus.OPERATIONAL;
import static io.channelmonitor.testkit.history.HistoryRows.NOW;
import static io.channelmonitor.testkit.history.HistoryRows.monitor;
import static io.channelmonitor.testkit.history.HistoryRows.rawCount;
import static io.channelmonitor.testkit.history.HistoryRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.history.RollupJob;
import io.channelmonitor.history.RollupJob.RunReport;
import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.store.StatusCounts;
import io.channelmonitor.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aggregate step: which days are rolled up, into which bucket, and how the watermark moves. */
class RollupJobAggregateTest {
  private final ManualClock clock = ManualClock.at(NOW);
  private final InMemoryStore store = new InMemoryStore(clock);
  private final RollupJob job =
      new RollupJob(
          store, ChannelMonitorSettings.defaults(), clock, new SimpleMeterRegistry(), "node-a");
  private long id;

  @BeforeEach
  void seed() {
    id = monitor(store, "a");
    // today is 2026-03-20, raw retention 7 days, rollup retention 90 days.
    row(store, id, "a", "2026-03-12T12:00:00Z", OPERATIONAL, 50);
    row(store, id, "a", "2026-03-13T00:00:00Z", OPERATIONAL, 100);
    row(store, id, "a", "2026-03-14T23:59:59.999Z", ERROR, 45_000);
    row(store, id, "a", "2026-03-15T00:00:00Z", DEGRADED, 7_000);
    row(store, id, "a", "2026-03-15T23:59:59.999Z", FAILED, 2_000);
    row(store, id, "a", "2026-03-19T23:59:59.999Z", OPERATIONAL, 300);
    row(store, id, "a", "2026-03-20T00:00:00Z", OPERATIONAL, 400);
  }

  private Map<LocalDate, StatusCounts> rollupsByDay() {
    Map<LocalDate, StatusCounts> byDay = new TreeMap<>();
    for (DailyRollup rollup :
        store.rollups(List.of(id), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"))) {
      byDay.put(rollup.day(), rollup.counts());
    }
    return byDay;
  }

  /** The rollups the seeded rows give: each row in the UTC day it was checked in. */
  private static Map<LocalDate, StatusCounts> expectedRollups() {
    return Map.of(
        LocalDate.parse("2026-03-12"), new StatusCounts(1, 0, 0, 0, 50, 1),
        LocalDate.parse("2026-03-13"), new StatusCounts(1, 0, 0, 0, 100, 1),
        LocalDate.parse("2026-03-14"), new StatusCounts(0, 0, 0, 1, 0, 0),
        LocalDate.parse("2026-03-15"), new StatusCounts(0, 1, 1, 0, 7_000, 1),
        LocalDate.parse("2026-03-19"), new StatusCounts(1, 0, 0, 0, 300, 1));
  }

  @Test
  void withoutWatermarkTheFirstRunStartsAtTheRollupRetentionAndPrunesNothingNotRolledUp() {
    RunReport first = job.runOnce();

    // 2025-12-20 (today - 90) .. 2026-01-23: the backfill cap stops it; no row is that old.
    assertThat(first.succeeded()).isTrue();
    assertThat(first.daysRolledUp()).isEqualTo(35);
    assertThat(first.capped()).isTrue();
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-01-23"));
    // Raw retention alone would delete the 03-12 row; it is not rolled up yet, so it stays.
    assertThat(first.resultsPruned()).isZero();
    assertThat(rawCount(store, id)).isEqualTo(7);
  }

  @Test
  void catchingUpRollsUpEveryDayInUtcDaysBeforeRawRowsArePruned() {
    List<RunReport> runs = job.runUntilCaughtUp();

    assertThat(runs).allMatch(RunReport::succeeded);
    assertThat(runs).extracting(RunReport::daysRolledUp).containsExactly(35, 35, 20);
    assertThat(runs).extracting(RunReport::capped).containsExactly(true, true, false);
    assertThat(runs.get(2).rowsUpserted()).isEqualTo(5); // days with results: 12, 13, 14, 15, 19
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-03-19"));
    // 03-20 is today and not over yet.
    assertThat(rollupsByDay()).isEqualTo(expectedRollups());
    // Raw rows before 03-13 go (the 03-12 row, now rolled up); everything from 03-13 stays.
    assertThat(runs.get(2).resultsPruned()).isEqualTo(1);
    assertThat(rawCount(store, id)).isEqualTo(6);
  }

  @Test
  void aRerunChangesNothingAndRedoingDaysReplacesRatherThanAdds() {
    job.runUntilCaughtUp();

    RunReport again = job.runOnce();
    assertThat(again.daysRolledUp()).isZero();
    assertThat(again.rowsUpserted()).isZero();
    assertThat(rollupsByDay()).isEqualTo(expectedRollups());

    store.setRollupWatermark(LocalDate.parse("2026-03-12"));
    RunReport redo = job.runOnce();
    assertThat(redo.daysRolledUp()).isEqualTo(7);
    assertThat(redo.rowsUpserted()).isEqualTo(4);
    assertThat(rollupsByDay()).isEqualTo(expectedRollups());
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-03-19"));
  }

  @Test
  void theWatermarkMovesOneDayPerNewDay() {
    job.runUntilCaughtUp();
    row(store, id, "a", "2026-03-20T23:00:00Z", FAILED, 900);
    row(store, id, "a", "2026-03-21T00:00:00Z", OPERATIONAL, 10);

    clock.set(Instant.parse("2026-03-21T00:05:00Z"));
    RunReport report = job.runOnce();

    assertThat(report.daysRolledUp()).isEqualTo(1);
    assertThat(report.rowsUpserted()).isEqualTo(1);
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-03-20"));
    // 03-20 00:00:00 OPERATIONAL 400 and 03-20 23:00 FAILED; 03-21 00:00 is tomorrow's.
    assertThat(rollupsByDay())
        .containsEntry(LocalDate.parse("2026-03-20"), new StatusCounts(1, 0, 1, 0, 400, 1))
        .doesNotContainKey(LocalDate.parse("2026-03-21"));
    // Raw retention now starts at 03-14: the 03-13 row goes.
    assertThat(report.resultsPruned()).isEqualTo(1);
  }

  @Test
  void fiftyDaysBehindTakesTwoRunsOfAtMostThirtyFiveDays() {
    store.setRollupWatermark(LocalDate.parse("2026-01-28"));
    // Days to do: 01-29 .. 03-19 = 3 + 28 + 19 = 50.
    row(store, id, "a", "2026-02-10T08:00:00Z", OPERATIONAL, 70);
    row(store, id, "a", "2026-03-10T08:00:00Z", DEGRADED, 8_000);

    RunReport first = job.runOnce();
    assertThat(first.daysRolledUp()).isEqualTo(35);
    assertThat(first.capped()).isTrue();
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-03-04"));
    assertThat(rollupsByDay())
        .containsEntry(LocalDate.parse("2026-02-10"), new StatusCounts(1, 0, 0, 0, 70, 1))
        .doesNotContainKey(LocalDate.parse("2026-03-10"));
    // Pruning stops at the watermark (03-05 00:00), not at raw retention (03-13): only the
    // 02-10 row goes, 03-10 stays until it is rolled up.
    assertThat(first.resultsPruned()).isEqualTo(1);
    assertThat(rawCount(store, id)).isEqualTo(8);

    RunReport second = job.runOnce();
    assertThat(second.daysRolledUp()).isEqualTo(15);
    assertThat(second.capped()).isFalse();
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-03-19"));
    assertThat(rollupsByDay())
        .containsEntry(LocalDate.parse("2026-03-10"), new StatusCounts(0, 1, 0, 0, 8_000, 1))
        .containsEntry(LocalDate.parse("2026-03-19"), new StatusCounts(1, 0, 0, 0, 300, 1));
    assertThat(second.resultsPruned()).isEqualTo(2); // 03-10 and 03-12, before 03-13
  }

  @Test
  void aSmallerCapIsHonoured() {
    RollupJob capped =
        new RollupJob(
            store,
            ChannelMonitorSettings.builder().maxBackfillDays(3).rollupRetentionDays(8).build(),
            clock,
            new SimpleMeterRegistry(),
            "node-a");

    // With no watermark the first day is today - 8 = 03-12.
    assertThat(capped.runOnce().daysRolledUp()).isEqualTo(3);
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-03-14"));
    assertThat(capped.runOnce().daysRolledUp()).isEqualTo(3);
    assertThat(capped.runOnce().daysRolledUp()).isEqualTo(2);
    assertThat(capped.runOnce().daysRolledUp()).isZero();
    assertThat(rollupsByDay()).isEqualTo(expectedRollups());
  }

  @Test
  void aClockInAnotherZoneStillBucketsByUtcDay() {
    RollupJob zoned =
        new RollupJob(
            store,
            ChannelMonitorSettings.defaults(),
            clock.withZone(ZoneId.of("Pacific/Kiritimati")),
            new SimpleMeterRegistry(),
            "node-a");
    clock.advance(Duration.ofHours(13)); // 23:00 UTC on 03-20, 13:00 on 03-21 in Kiritimati

    assertThat(zoned.runUntilCaughtUp())
        .extracting(RunReport::daysRolledUp)
        .containsExactly(35, 35, 20);
    assertThat(store.rollupWatermark()).contains(LocalDate.parse("2026-03-19"));
    assertThat(rollupsByDay()).isEqualTo(expectedRollups());
  }
}
