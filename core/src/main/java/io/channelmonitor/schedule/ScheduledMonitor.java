package io.channelmonitor.schedule;

import io.channelmonitor.MonitorConfig;
import java.time.Instant;

/**
 * The timer of one scheduled monitor. Its fields change only under the scheduler's lock; a task
 * replaced by a new schedule is a new object, so a late callback of the old one can tell.
 */
final class ScheduledMonitor {
  private final long id;
  private MonitorConfig config;
  private TaskTimer.Cancellable timer;
  private Instant dueAt;

  ScheduledMonitor(long id, MonitorConfig config) {
    this.id = id;
    this.config = config;
  }

  long id() {
    return id;
  }

  MonitorConfig config() {
    return config;
  }

  /** Takes a new name or group; the probe and the timer stay as they are. */
  void relabel(MonitorConfig newConfig) {
    this.config = newConfig;
  }

  Instant dueAt() {
    return dueAt;
  }

  void armed(TaskTimer.Cancellable newTimer, Instant newDueAt) {
    this.timer = newTimer;
    this.dueAt = newDueAt;
  }

  void cancel() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }
}
