package io.channelmonitor.internal;

import io.channelmonitor.store.ResultRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The argument check of {@code ChannelMonitorStore.recordRun}, shared by the stores that override
 * it. Not part of the library's API.
 */
public final class RunResults {
  private RunResults() {}

  /**
   * A copy of {@code results} after checking that every one belongs to {@code monitorId}.
   *
   * @throws IllegalArgumentException when a result belongs to another monitor
   */
  public static List<ResultRecord> of(
      long monitorId, List<ResultRecord> results, Instant checkedAt) {
    Objects.requireNonNull(checkedAt, "checkedAt");
    List<ResultRecord> copy = List.copyOf(Objects.requireNonNull(results, "results"));
    for (ResultRecord result : copy) {
      if (result.monitorId() != monitorId) {
        throw new IllegalArgumentException(
            "a run of monitor " + monitorId + " holds a result of monitor " + result.monitorId());
      }
    }
    return copy;
  }
}
