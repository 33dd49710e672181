package io.channelmonitor.schedule;

/**
 * One scheduled run of a monitor: load it fresh, probe it and store the results. Called on a worker
 * thread, never twice at once for the same monitor.
 */
@FunctionalInterface
public interface RunAction {
  /**
   * Runs the monitor. Any exception is logged and the monitor stays scheduled, except these two,
   * which unschedule it: {@link io.channelmonitor.KeyDecryptFailedException} (its key cannot be
   * decrypted) and {@link io.channelmonitor.MonitorNotFoundException} (it was deleted).
   */
  void run(long monitorId);
}
