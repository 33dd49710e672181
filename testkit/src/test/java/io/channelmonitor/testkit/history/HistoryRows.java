package io.channelmonitor.testkit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.history.WindowFigures;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.StatusCounts;
import io.channelmonitor.testkit.store.StoreFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Monitors, results and rollups for the history tests, on a fixed "today" of 2026-03-20 UTC. */
final class HistoryRows {
  /** The tests' current instant: 10:00 UTC, which is already the next day in Kiritimati. */
  static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");

  static final LocalDate TODAY = LocalDate.parse("2026-03-20");

  private HistoryRows() {}

  /** Inserts an enabled monitor and returns its id. */
  static long monitor(ChannelMonitorStore store, String primary, String... extras) {
    return store
        .insertMonitor(StoreFixtures.monitor().primaryModel(primary).extraModels(extras).record())
        .id();
  }

  /** Stores one result, without a ping. */
  static void row(
      ChannelMonitorStore store,
      long monitorId,
      String model,
      String checkedAt,
      CheckStatus status,
      long latencyMs) {
    row(store, monitorId, model, checkedAt, status, latencyMs, null);
  }

  static void row(
      ChannelMonitorStore store,
      long monitorId,
      String model,
      String checkedAt,
      CheckStatus status,
      long latencyMs,
      Long pingMs) {
    FailureKind kind = status.available() ? FailureKind.NONE : FailureKind.PROTOCOL;
    store.insertResults(
        List.of(
            StoreFixtures.result(model, Instant.parse(checkedAt))
                .failure(status, kind)
                .latency(latencyMs)
                .ping(pingMs)
                .of(monitorId)));
  }

  /** Rolls every day in {@code from..watermark} up, then sets the watermark. */
  static void rollUp(ChannelMonitorStore store, LocalDate from, LocalDate watermark) {
    for (LocalDate day = from; !day.isAfter(watermark); day = day.plusDays(1)) {
      store.rollUpDay(day);
    }
    store.setRollupWatermark(watermark);
  }

  /** How many raw results the store holds for the given monitors. */
  static long rawCount(ChannelMonitorStore store, Long... monitorIds) {
    return store
        .countResults(
            List.of(monitorIds),
            Instant.parse("2000-01-01T00:00:00Z"),
            Instant.parse("2100-01-01T00:00:00Z"))
        .stream()
        .map(ModelCounts::counts)
        .mapToLong(StatusCounts::total)
        .sum();
  }

  static Instant startOf(String day) {
    return StoreFixtures.startOf(LocalDate.parse(day));
  }

  /** Asserts one window's figures; {@code percent} is compared to 1e-9. */
  static void assertFigures(
      WindowFigures figures, long total, long ok, Double percent, Long averageLatencyMs) {
    assertThat(figures.total()).as("total of %s", figures).isEqualTo(total);
    assertThat(figures.ok()).as("ok of %s", figures).isEqualTo(ok);
    if (percent == null) {
      assertThat(figures.availabilityPercent()).as("percent of %s", figures).isNull();
    } else {
      assertThat(figures.availabilityPercent())
          .as("percent of %s", figures)
          .isCloseTo(percent, within(1e-9));
    }
    assertThat(figures.averageLatencyMs()).as("average of %s", figures).isEqualTo(averageLatencyMs);
  }
}
