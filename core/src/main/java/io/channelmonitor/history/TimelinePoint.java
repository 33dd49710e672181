package io.channelmonitor.history;

import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One bar of a monitor's timeline: one check of its primary model.
 *
 * @param status the verdict
 * @param latencyMs milliseconds the check took
 * @param pingLatencyMs milliseconds of the run's ping of the origin, or null when it failed
 * @param checkedAt when the check started
 */
public record TimelinePoint(
    CheckStatus status, long latencyMs, Long pingLatencyMs, Instant checkedAt) {

  public TimelinePoint {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(checkedAt, "checkedAt");
  }

  /** The point of one stored result. */
  public static TimelinePoint of(CheckResult result) {
    return new TimelinePoint(
        result.status(), result.latencyMs(), result.pingLatencyMs(), result.checkedAt());
  }
}
