package io.channelmonitor.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * A run of a monitor that this instance holds the lease of, taken by {@link
 * SharedScheduleCoordinator#claimDue} or {@link SharedScheduleCoordinator#claimNow}. Its completion
 * and its release are fenced by it: they take effect only while the shared store still names this
 * instance and this token.
 *
 * @param monitorId the monitor
 * @param token the fencing token: a number that grows with every claim of the monitor, so a claim
 *     that was taken over and claimed again can tell
 * @param dueAt the due time the claim found, by the shared store's clock; completing the run moves
 *     the due time on only when it is still this one (a due-now set during the run is kept)
 * @param intervalSeconds the monitor's interval when it was claimed, for its next round
 * @param jitterSeconds the monitor's jitter when it was claimed, for its next round
 */
public record RunClaim(
    long monitorId, long token, Instant dueAt, int intervalSeconds, int jitterSeconds) {
  public RunClaim {
    if (monitorId <= 0) {
      throw new IllegalArgumentException("monitorId must be positive: " + monitorId);
    }
    Objects.requireNonNull(dueAt, "dueAt");
    if (intervalSeconds <= 0 || jitterSeconds < 0) {
      throw new IllegalArgumentException(
          "intervalSeconds > 0 and jitterSeconds >= 0 are required: "
              + intervalSeconds
              + ", "
              + jitterSeconds);
    }
  }
}
