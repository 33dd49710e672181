package io.channelmonitor.schedule;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fire of a monitor's timer: claimed per run from the {@link ClusterCoordinator}. */
final class TimerRun implements DueRun {
  private static final Logger log = LoggerFactory.getLogger(MonitorScheduler.class);

  private final long monitorId;
  private final Instant dueAt;
  private final ClusterCoordinator coordinator;
  private final RunAction action;
  private final Runnable unschedule;

  /**
   * @param unschedule removes the timer of a monitor that cannot run any more
   */
  TimerRun(
      long monitorId,
      Instant dueAt,
      ClusterCoordinator coordinator,
      RunAction action,
      Runnable unschedule) {
    this.monitorId = monitorId;
    this.dueAt = dueAt;
    this.coordinator = coordinator;
    this.action = action;
    this.unschedule = unschedule;
  }

  @Override
  public long monitorId() {
    return monitorId;
  }

  @Override
  public boolean claim() {
    try {
      return coordinator.tryClaim(monitorId, dueAt);
    } catch (RuntimeException e) {
      log.warn("channel_monitor: claiming the run of monitor {} failed", monitorId, e);
      return false;
    }
  }

  @Override
  public void skipped() {
    // nothing was claimed; the timer is armed again
  }

  @Override
  public void run() {
    action.run(monitorId);
  }

  @Override
  public void unrunnable() {
    unschedule.run();
  }

  @Override
  public void ended(boolean dropped) {
    try {
      coordinator.release(monitorId);
    } catch (RuntimeException e) {
      log.warn("channel_monitor: releasing the claim of monitor {} failed", monitorId, e);
    }
  }
}
