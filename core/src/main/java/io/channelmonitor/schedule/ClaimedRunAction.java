package io.channelmonitor.schedule;

import io.channelmonitor.store.ResultWriter;

/**
 * One run of a monitor claimed from a {@link SharedScheduleCoordinator}: like {@link RunAction},
 * but the run's results must go through {@code results}, which stores them under the run's claim.
 * Called on a worker thread, never twice at once for the same monitor on this instance.
 */
@FunctionalInterface
public interface ClaimedRunAction {
  /**
   * Loads the monitor fresh, probes it and hands the results to {@code results}. Exceptions are
   * logged; {@link io.channelmonitor.KeyDecryptFailedException} and {@link
   * io.channelmonitor.MonitorNotFoundException} are expected ones. Either way the claim is given
   * back with the monitor's next round.
   */
  void run(long monitorId, ResultWriter results);
}
