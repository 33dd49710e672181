package io.channelmonitor.history;

import io.channelmonitor.store.StatusCounts;

/**
 * The figures of one model over a window of UTC days: today and the {@code days - 1} days before.
 *
 * @param days the window's length in UTC days
 * @param total checks counted
 * @param ok available checks (operational or degraded)
 * @param availabilityPercent {@code ok * 100 / total}, not rounded; null when there is no check in
 *     the window ("no data" is never shown as 0 %)
 * @param averageLatencyMs the mean latency of the available checks only, truncated to whole
 *     milliseconds; null when no check was available (failed and errored checks, timeouts included,
 *     never count)
 */
public record WindowFigures(
    int days, long total, long ok, Double availabilityPercent, Long averageLatencyMs) {

  public WindowFigures {
    if (days < 1) {
      throw new IllegalArgumentException("days must be >= 1: " + days);
    }
    if (ok < 0 || ok > total) {
      throw new IllegalArgumentException("need 0 <= ok <= total: ok=" + ok + ", total=" + total);
    }
    if ((availabilityPercent == null) != (total == 0)) {
      throw new IllegalArgumentException("availabilityPercent is null exactly when total is 0");
    }
  }

  /** The figures of {@code counts} over a window of {@code days}. */
  static WindowFigures of(int days, StatusCounts counts) {
    long total = counts.total();
    long ok = counts.ok();
    Double percent = total == 0 ? null : ok * 100.0 / total;
    Long average =
        counts.latencyCount() == 0 ? null : counts.latencySumMs() / counts.latencyCount();
    return new WindowFigures(days, total, ok, percent, average);
  }

  /** Whether any check fell in the window. */
  public boolean hasData() {
    return total > 0;
  }
}
