package io.channelmonitor.examples.plain;

import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;

/**
 * One line of the live table: a model of a monitor, its newest result and what this run counted.
 *
 * @param monitorId the monitor
 * @param channel the monitor's name
 * @param provider its provider id
 * @param model the model
 * @param latest the newest result of this run, or null before the first
 * @param tally the results of this run by status
 * @param availableLatencySumMs the summed latency of this run's available results
 */
record BoardRow(
    long monitorId,
    String channel,
    String provider,
    String model,
    CheckResult latest,
    Tally tally,
    long availableLatencySumMs) {

  static BoardRow empty(long monitorId, String channel, String provider, String model) {
    return new BoardRow(monitorId, channel, provider, model, null, Tally.NONE, 0);
  }

  /** This row after {@code result}. */
  BoardRow with(CheckResult result) {
    long latency = availableLatencySumMs + (result.available() ? result.latencyMs() : 0);
    return new BoardRow(
        monitorId, channel, provider, model, result, tally.plus(result.status()), latency);
  }

  /** The mean latency of this run's available results, or null when there was none. */
  Long averageAvailableLatencyMs() {
    long ok = tally.ok();
    return ok == 0 ? null : availableLatencySumMs / ok;
  }

  /**
   * Results counted by status.
   *
   * @param operational operational results
   * @param degraded degraded results
   * @param failed failed results
   * @param error error results
   */
  record Tally(int operational, int degraded, int failed, int error) {
    static final Tally NONE = new Tally(0, 0, 0, 0);

    Tally plus(CheckStatus status) {
      return switch (status) {
        case OPERATIONAL -> new Tally(operational + 1, degraded, failed, error);
        case DEGRADED -> new Tally(operational, degraded + 1, failed, error);
        case FAILED -> new Tally(operational, degraded, failed + 1, error);
        case ERROR -> new Tally(operational, degraded, failed, error + 1);
      };
    }

    int total() {
      return operational + degraded + failed + error;
    }

    int ok() {
      return operational + degraded;
    }
  }
}
