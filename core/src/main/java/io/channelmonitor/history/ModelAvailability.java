package io.channelmonitor.history;

import io.channelmonitor.CheckStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is known about one model of one monitor: its newest check over all retained history, and its
 * figures per window. A model that was never checked has null latest fields and windows without
 * data.
 *
 * @param model the model
 * @param latestStatus the verdict of its newest check, or null when it has none
 * @param latestLatencyMs the latency of its newest check, or null
 * @param latestPingMs the ping of its newest check's run, or null (also when that ping failed)
 * @param latestCheckedAt when its newest check started, or null
 * @param windows the figures per window length in days, shortest first
 */
public record ModelAvailability(
    String model,
    CheckStatus latestStatus,
    Long latestLatencyMs,
    Long latestPingMs,
    Instant latestCheckedAt,
    SortedMap<Integer, WindowFigures> windows) {

  public ModelAvailability {
    Objects.requireNonNull(model, "model");
    windows = Collections.unmodifiableSortedMap(new TreeMap<>(windows));
  }

  /**
   * The figures of the window of {@code days}.
   *
   * @throws IllegalArgumentException when that window was not asked for
   */
  public WindowFigures window(int days) {
    WindowFigures figures = windows.get(days);
    if (figures == null) {
      throw new IllegalArgumentException(
          "no " + days + "-day window; computed: " + windows.keySet());
    }
    return figures;
  }

  /** Whether this model has ever been checked (within retained history). */
  public boolean hasLatest() {
    return latestStatus != null;
  }

  static ModelAvailability unchecked(String model, Map<Integer, WindowFigures> windows) {
    return new ModelAvailability(model, null, null, null, null, new TreeMap<>(windows));
  }
}
