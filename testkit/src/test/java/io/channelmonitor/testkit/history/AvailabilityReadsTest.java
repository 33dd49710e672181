package io.channelmonitor.testkit.history;

import static io.channelmonitor.CheckStatus.DEGRADED;
import static io.channelmonitor.CheckStatus.ERROR;
import static io.channelmonitor.CheckStatus.OPERATIONAL;
import static io.channelmonitor.testkit.history.HistoryRows.NOW;
import static io.channelmonitor.testkit.history.HistoryRows.assertFigures;
import static io.channelmonitor.testkit.history.HistoryRows.monitor;
import static io.channelmonitor.testkit.history.HistoryRows.rollUp;
import static io.channelmonitor.testkit.history.HistoryRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.spy;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.history.AvailabilityCalculator;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.MonitorModels;
import io.channelmonitor.history.TimelinePoint;
import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.testkit.ManualClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;

/** The timeline, the arguments, and the number of store reads for few and many monitors. */
class AvailabilityReadsTest {
  private final ManualClock clock = ManualClock.at(NOW);
  private final InMemoryStore store = spy(new InMemoryStore(clock));

  private AvailabilityCalculator calculator(ChannelMonitorSettings settings) {
    return new AvailabilityCalculator(store, settings, clock);
  }

  @Test
  void theTimelineHoldsTheNewestChecksOfThePrimaryModelNewestFirst() {
    long id = monitor(store, "p", "x");
    row(store, id, "p", "2026-03-19T10:00:00Z", OPERATIONAL, 100, 5L);
    row(store, id, "p", "2026-03-20T08:00:00Z", ERROR, 45_000, null);
    row(store, id, "p", "2026-03-18T10:00:00Z", OPERATIONAL, 90, 4L); // oldest: cut by the limit
    row(store, id, "p", "2026-03-20T09:00:00Z", DEGRADED, 7_000, 6L);
    row(store, id, "x", "2026-03-20T09:30:00Z", OPERATIONAL, 10, 7L); // not the primary model
    long other = monitor(store, "p");
    row(store, other, "p", "2026-03-20T09:45:00Z", OPERATIONAL, 11, 8L);
    long silent = monitor(store, "p");

    Map<Long, MonitorAvailability> result =
        calculator(ChannelMonitorSettings.builder().timelinePoints(3).build())
            .availability(
                List.of(
                    MonitorModels.of(id, "p", "x"),
                    MonitorModels.of(other, "p"),
                    MonitorModels.of(silent, "p")),
                Set.of(7));

    assertThat(result.get(id).timeline())
        .containsExactly(
            new TimelinePoint(DEGRADED, 7_000, 6L, Instant.parse("2026-03-20T09:00:00Z")),
            new TimelinePoint(ERROR, 45_000, null, Instant.parse("2026-03-20T08:00:00Z")),
            new TimelinePoint(OPERATIONAL, 100, 5L, Instant.parse("2026-03-19T10:00:00Z")));
    assertThat(result.get(other).timeline())
        .containsExactly(
            new TimelinePoint(OPERATIONAL, 11, 8L, Instant.parse("2026-03-20T09:45:00Z")));
    assertThat(result.get(silent).timeline()).isEmpty();
    assertThat(result.keySet()).containsExactly(id, other, silent);
  }

  @Test
  void modelsComeInTheGivenOrderWithThePrimaryAlwaysIncluded() {
    long id = monitor(store, "p", "x", "y");

    MonitorAvailability result =
        calculator(ChannelMonitorSettings.defaults())
            .availability(new MonitorModels(id, "p", List.of("y", "x", "y")), Set.of(7));

    assertThat(result.models()).extracting("model").containsExactly("p", "y", "x");
    assertThat(result.primary().model()).isEqualTo("p");
    assertThat(result.model("z")).isEmpty();
  }

  @Test
  void windowsMustBeWithinRollupRetention() {
    AvailabilityCalculator calculator = calculator(ChannelMonitorSettings.defaults());
    List<MonitorModels> one = List.of(MonitorModels.of(1, "p"));

    assertThatThrownBy(() -> calculator.availability(one, Set.of(7, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calculator.availability(one, Set.of(91)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(calculator.availability(one, Set.of(1, 90)).get(1L).primary().windows())
        .containsOnlyKeys(1, 90);
    assertThatThrownBy(
            () ->
                calculator.availability(
                    List.of(MonitorModels.of(1, "p"), MonitorModels.of(1, "q"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noMonitorsMeansNoRead() {
    clearInvocations(store);

    assertThat(calculator(ChannelMonitorSettings.defaults()).availability(List.of())).isEmpty();

    assertThat(mockingDetails(store).getInvocations()).isEmpty();
  }

  @Test
  void oneMonitorAndFiveHundredTakeTheSameReads() {
    List<MonitorModels> monitors = seed(500);
    rollUp(store, LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-19"));
    AvailabilityCalculator calculator = calculator(ChannelMonitorSettings.defaults());

    Map<String, Integer> forOne = reads(() -> calculator.availability(monitors.subList(0, 1)));
    Map<String, Integer> forAll = reads(() -> calculator.availability(monitors));

    // 3 + one rollup read for the window starts 02-19, 03-06 and 03-14 + one raw count for today.
    Map<String, Integer> expected =
        Map.of(
            "rollupWatermark", 1,
            "latestPerModel", 1,
            "newestPoints", 1,
            "sumRollupsFrom", 1,
            "countResultsFrom", 1);
    assertThat(forOne).isEqualTo(expected);
    assertThat(forAll).isEqualTo(expected);

    Map<Long, MonitorAvailability> result = calculator.availability(monitors);
    MonitorAvailability last = result.get(monitors.get(499).monitorId());
    assertFigures(last.primary().window(7), 1, 1, 100.0, 100L); // today's raw row
    assertFigures(last.primary().window(15), 2, 1, 50.0, 100L); // + the 03-10 rollup
    assertFigures(last.model("b").orElseThrow().window(30), 0, 0, null, null);
    assertThat(last.timeline()).hasSize(2);
  }

  @Test
  void withoutWatermarkOneRawReadCoversEveryWindow() {
    List<MonitorModels> monitors = seed(50);
    AvailabilityCalculator calculator = calculator(ChannelMonitorSettings.defaults());

    Map<String, Integer> expected =
        Map.of("rollupWatermark", 1, "latestPerModel", 1, "newestPoints", 1, "countResultsFrom", 1);
    assertThat(reads(() -> calculator.availability(monitors.subList(0, 1)))).isEqualTo(expected);
    assertThat(reads(() -> calculator.availability(monitors))).isEqualTo(expected);
  }

  /** Monitors with models a and b; model a checked on 03-10 (failed) and today (operational). */
  private List<MonitorModels> seed(int count) {
    List<MonitorModels> monitors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long id = monitor(store, "a", "b");
      row(store, id, "a", "2026-03-10T12:00:00Z", ERROR, 45_000);
      row(store, id, "a", "2026-03-20T06:00:00Z", OPERATIONAL, 100);
      monitors.add(MonitorModels.of(id, "a", "b"));
    }
    return monitors;
  }

  /** The store methods called while {@code action} ran, with their counts. */
  private Map<String, Integer> reads(Runnable action) {
    clearInvocations(store);
    action.run();
    Map<String, Integer> calls = new TreeMap<>();
    for (Invocation invocation : mockingDetails(store).getInvocations()) {
      calls.merge(invocation.getMethod().getName(), 1, Integer::sum);
    }
    return calls;
  }
}
