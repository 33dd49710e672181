package io.channelmonitor.schedule;

import java.time.Instant;

/**
 * Decides whether this instance runs a due check. With one instance it always does ({@link
 * #singleInstance()}, the default). In cluster mode several instances share one store, and a {@link
 * SharedScheduleCoordinator} keeps the monitors' due times and run leases there: the scheduler then
 * polls it for due runs instead of arming a timer per monitor.
 *
 * <p>With per-monitor timers, {@link MonitorScheduler} calls {@link #tryClaim} on the timer thread
 * after the in-flight guard is taken, and {@link #release} once the run has ended or was not
 * started.
 */
public interface ClusterCoordinator {
  /**
   * Claims the run of {@code monitorId} planned for {@code dueAt}.
   *
   * @return false when another instance runs it (the run is skipped and counted as {@code
   *     not_claimed}); an exception counts as false
   */
  boolean tryClaim(long monitorId, Instant dueAt);

  /** Ends a claim taken by {@link #tryClaim}; called exactly once per successful claim. */
  void release(long monitorId);

  /** The coordinator of a single instance: every claim succeeds, release does nothing. */
  static ClusterCoordinator singleInstance() {
    return new SingleInstanceCoordinator();
  }
}
