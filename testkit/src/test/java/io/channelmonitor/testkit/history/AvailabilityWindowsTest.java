package io.channelmonitor.testkit.history;

import static io.channelmonitor.CheckStatus.DEGRADED;
import static io.channelmonitor.CheckStatus.ERROR;
import static io.channelmonitor.CheckStatus.FAILED;
import static io.channelmonitor.CheckStatus.OPERATIONAL;
import static io.channelmonitor.testkit.history.HistoryRows.NOW;
import static io.channelmonitor.testkit.history.HistoryRows.assertFigures;
import static io.channelmonitor.testkit.history.HistoryRows.monitor;
import static io.channelmonitor.testkit.history.HistoryRows.rollUp;
import static io.channelmonitor.testkit.history.HistoryRows.row;
import static io.channelmonitor.testkit.history.HistoryRows.startOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.history.AvailabilityCalculator;
import io.channelmonitor.history.ModelAvailability;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.MonitorModels;
import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.testkit.ManualClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Windows of 1, 7, 15 and 30 UTC days over rollups (days up to the watermark) and raw results
 * (after it). Today is 2026-03-20, so the windows start on 03-20, 03-14, 03-06 and 02-19.
 */
class AvailabilityWindowsTest {
  private static final Set<Integer> WINDOWS = Set.of(1, 7, 15, 30);

  private final ManualClock clock = ManualClock.at(NOW);
  private final InMemoryStore store = spy(new InMemoryStore(clock));
  private long first;
  private long second;

  @BeforeEach
  void seed() {
    first = monitor(store, "a", "b");
    second = monitor(store, "a");
    row(store, first, "a", "2026-02-18T23:59:59.999Z", ERROR, 45_000); // before every window
    row(store, first, "a", "2026-02-19T00:00:00Z", OPERATIONAL, 100); // 30
    row(store, first, "a", "2026-03-05T23:59:59.999Z", FAILED, 9_000); // 30
    row(store, first, "a", "2026-03-06T00:00:00Z", DEGRADED, 7_000); // 15, 30
    row(store, first, "a", "2026-03-13T12:00:00Z", OPERATIONAL, 200); // 15, 30
    row(store, first, "a", "2026-03-14T00:00:00Z", OPERATIONAL, 300); // 7, 15, 30
    row(store, first, "a", "2026-03-18T08:00:00Z", ERROR, 45_000); // 7, 15, 30
    row(store, first, "a", "2026-03-19T23:59:59Z", OPERATIONAL, 400); // 7, 15, 30
    row(store, first, "a", "2026-03-20T00:00:00Z", OPERATIONAL, 500); // all
    row(store, first, "a", "2026-03-20T09:00:00Z", FAILED, 1_000, 30L); // all; the latest
    row(store, second, "a", "2026-03-20T01:00:00Z", ERROR, 20_000);
  }

  private AvailabilityCalculator calculator(Clock withClock) {
    return new AvailabilityCalculator(store, ChannelMonitorSettings.defaults(), withClock);
  }

  private Map<Long, MonitorAvailability> compute() {
    return calculator(clock)
        .availability(
            List.of(MonitorModels.of(first, "a", "b"), MonitorModels.of(second, "a")), WINDOWS);
  }

  /**
   * By hand, model a of the first monitor:
   *
   * <pre>
   * 1 day  (03-20):   OP 500, FAILED                          total 2, ok 1, 50 %,     avg 500
   * 7 days (03-14..): + OP 300, ERROR, OP 400                 total 5, ok 3, 60 %,     avg 1200/3 = 400
   * 15 days (03-06..): + DEG 7000, OP 200                     total 7, ok 5, 500/7 %,  avg 8400/5 = 1680
   * 30 days (02-19..): + OP 100, FAILED                       total 9, ok 6, 600/9 %,  avg 8500/6 = 1416
   * </pre>
   */
  private static void assertExpectedFigures(Map<Long, MonitorAvailability> result, long id) {
    ModelAvailability a = result.get(id).primary();
    assertThat(a.windows().keySet()).containsExactly(1, 7, 15, 30);
    assertFigures(a.window(1), 2, 1, 50.0, 500L);
    assertFigures(a.window(7), 5, 3, 60.0, 400L);
    assertFigures(a.window(15), 7, 5, 71.428_571_428_571_43, 1_680L);
    assertFigures(a.window(30), 9, 6, 66.666_666_666_666_67, 1_416L);
  }

  @ParameterizedTest(name = "watermark {0}, rolled-up raw rows pruned: {1}")
  @CsvSource({
    "'', false",
    "2026-02-18, true",
    "2026-03-05, true",
    "2026-03-05, false",
    "2026-03-13, true",
    "2026-03-16, false",
    "2026-03-19, true",
    "2026-03-19, false",
  })
  void theFiguresAreTheSameWhereverTheWatermarkIs(String watermark, boolean pruneRolledUp) {
    if (!watermark.isEmpty()) {
      LocalDate last = LocalDate.parse(watermark);
      rollUp(store, LocalDate.parse("2026-02-15"), last);
      if (pruneRolledUp) {
        // From here on only the rollups know these days.
        store.pruneResults(startOf(last.plusDays(1).toString()), 10_000);
      }
    }

    Map<Long, MonitorAvailability> result = compute();

    assertExpectedFigures(result, first);
    assertFigures(result.get(second).primary().window(1), 1, 0, 0.0, null);
    assertFigures(result.get(second).primary().window(30), 1, 0, 0.0, null);
  }

  @Test
  void beforeTheNightlyJobEverRanOnlyRawResultsAreRead() {
    assertExpectedFigures(compute(), first);

    verify(store, never()).sumRollupsFrom(any(), any(), any());
    verify(store, never()).rollups(any(), any(), any());
  }

  @Test
  void aRowAtTheLastSecondOfTheWatermarkDayCountsOnceThroughTheRollup() {
    long id = monitor(store, "edge");
    row(store, id, "edge", "2026-03-19T23:59:59Z", OPERATIONAL, 400);
    row(store, id, "edge", "2026-03-20T00:00:00Z", ERROR, 45_000);
    rollUp(store, LocalDate.parse("2026-03-19"), LocalDate.parse("2026-03-19"));

    ModelAvailability edge =
        calculator(clock).availability(MonitorModels.of(id, "edge"), WINDOWS).primary();

    assertFigures(edge.window(1), 1, 0, 0.0, null); // today: the error only
    assertFigures(edge.window(7), 2, 1, 50.0, 400L); // not 3 rows
  }

  @Test
  void aDayRolledUpPastTheWatermarkIsStillReadRaw() {
    // The job rolled 03-19 up but died before it moved the watermark.
    long id = monitor(store, "edge");
    row(store, id, "edge", "2026-03-19T12:00:00Z", OPERATIONAL, 400);
    rollUp(store, LocalDate.parse("2026-03-18"), LocalDate.parse("2026-03-18"));
    store.rollUpDay(LocalDate.parse("2026-03-19"));

    ModelAvailability edge =
        calculator(clock).availability(MonitorModels.of(id, "edge"), WINDOWS).primary();

    assertFigures(edge.window(7), 1, 1, 100.0, 400L);
  }

  @Test
  void aJvmAndAClockInOtherZonesGiveTheSameFigures() {
    rollUp(store, LocalDate.parse("2026-02-15"), LocalDate.parse("2026-03-16"));
    TimeZone saved = TimeZone.getDefault();
    try {
      // 10:00 UTC on 03-20 is 00:00 on 03-21 in Kiritimati and 03:00 on 03-20 in Los Angeles.
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      Map<Long, MonitorAvailability> result =
          calculator(clock.withZone(ZoneId.of("Pacific/Kiritimati")))
              .availability(List.of(MonitorModels.of(first, "a")), WINDOWS);
      assertExpectedFigures(result, first);

      // Days that started at local midnight in Los Angeles (07:00 UTC) would drop the rows at
      // 00:00 UTC that open the 7- and 30-day windows.
      TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
      clock.set(Instant.parse("2026-03-20T23:59:59.999Z"));
      result =
          calculator(clock.withZone(ZoneId.of("America/Los_Angeles")))
              .availability(List.of(MonitorModels.of(first, "a")), WINDOWS);
      assertExpectedFigures(result, first);
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void noDataIsNullNeverZero() {
    Map<Long, MonitorAvailability> result = compute();

    ModelAvailability b = result.get(first).model("b").orElseThrow();
    assertThat(b.hasLatest()).isFalse();
    assertThat(b.latestStatus()).isNull();
    assertThat(b.latestLatencyMs()).isNull();
    assertThat(b.latestPingMs()).isNull();
    assertThat(b.latestCheckedAt()).isNull();
    for (int days : WINDOWS) {
      assertFigures(b.window(days), 0, 0, null, null);
      assertThat(b.window(days).hasData()).isFalse();
    }
  }

  @Test
  void theAverageLatencyCountsAvailableChecksOnly() {
    long id = monitor(store, "m");
    row(store, id, "m", "2026-03-19T01:00:00Z", OPERATIONAL, 100);
    row(store, id, "m", "2026-03-19T02:00:00Z", FAILED, 40_000);
    row(store, id, "m", "2026-03-20T01:00:00Z", DEGRADED, 300);
    row(store, id, "m", "2026-03-20T02:00:00Z", ERROR, 45_000);
    long down = monitor(store, "m");
    row(store, down, "m", "2026-03-20T01:00:00Z", FAILED, 10);
    row(store, down, "m", "2026-03-20T02:00:00Z", ERROR, 20);
    rollUp(store, LocalDate.parse("2026-03-19"), LocalDate.parse("2026-03-19"));

    Map<Long, MonitorAvailability> result =
        calculator(clock)
            .availability(List.of(MonitorModels.of(id, "m"), MonitorModels.of(down, "m")), WINDOWS);

    // (100 + 300) / 2; the 40 s and 45 s failures do not count.
    assertFigures(result.get(id).primary().window(7), 4, 2, 50.0, 200L);
    assertFigures(result.get(id).primary().window(1), 2, 1, 50.0, 300L);
    // Checks but none available: 0 %, and no average.
    assertFigures(result.get(down).primary().window(7), 2, 0, 0.0, null);
  }

  @Test
  void theLatestCheckIsOverAllHistoryAndPerModel() {
    long id = monitor(store, "x", "y");
    row(store, id, "x", "2026-01-10T10:00:00Z", DEGRADED, 6_500, 12L); // outside every window
    row(store, id, "y", "2026-03-20T09:59:59Z", OPERATIONAL, 80);

    MonitorAvailability result =
        calculator(clock).availability(MonitorModels.of(id, "x", "y"), WINDOWS);

    ModelAvailability x = result.primary();
    assertThat(x.latestStatus()).isEqualTo(DEGRADED);
    assertThat(x.latestLatencyMs()).isEqualTo(6_500L);
    assertThat(x.latestPingMs()).isEqualTo(12L);
    assertThat(x.latestCheckedAt()).isEqualTo(Instant.parse("2026-01-10T10:00:00Z"));
    assertFigures(x.window(30), 0, 0, null, null);
    assertThat(result.model("y").orElseThrow().latestStatus()).isEqualTo(OPERATIONAL);

    ModelAvailability a = compute().get(first).primary();
    assertThat(a.latestStatus()).isEqualTo(FAILED);
    assertThat(a.latestLatencyMs()).isEqualTo(1_000L);
    assertThat(a.latestPingMs()).isEqualTo(30L);
  }
}
