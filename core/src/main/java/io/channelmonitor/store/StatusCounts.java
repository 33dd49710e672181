package io.channelmonitor.store;

import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;

/**
 * Counts of check results by status, with the latency of the available ones.
 *
 * @param operational operational results
 * @param degraded degraded results
 * @param failed failed results
 * @param error error results
 * @param latencySumMs the sum of latencies of available (operational or degraded) results
 * @param latencyCount how many latencies {@code latencySumMs} adds up
 */
public record StatusCounts(
    long operational,
    long degraded,
    long failed,
    long error,
    long latencySumMs,
    long latencyCount) {

  public static final StatusCounts ZERO = new StatusCounts(0, 0, 0, 0, 0, 0);

  public StatusCounts {
    if (operational < 0 || degraded < 0 || failed < 0 || error < 0 || latencyCount < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }

  /** All results counted. */
  public long total() {
    return operational + degraded + failed + error;
  }

  /** Available results: operational plus degraded. */
  public long ok() {
    return operational + degraded;
  }

  /** These counts plus {@code other}. */
  public StatusCounts plus(StatusCounts other) {
    return new StatusCounts(
        operational + other.operational,
        degraded + other.degraded,
        failed + other.failed,
        error + other.error,
        latencySumMs + other.latencySumMs,
        latencyCount + other.latencyCount);
  }

  /** These counts plus one result. */
  public StatusCounts plus(CheckResult result) {
    CheckStatus status = result.status();
    boolean available = status.available();
    return plus(
        new StatusCounts(
            status == CheckStatus.OPERATIONAL ? 1 : 0,
            status == CheckStatus.DEGRADED ? 1 : 0,
            status == CheckStatus.FAILED ? 1 : 0,
            status == CheckStatus.ERROR ? 1 : 0,
            available ? result.latencyMs() : 0,
            available ? 1 : 0));
  }
}
