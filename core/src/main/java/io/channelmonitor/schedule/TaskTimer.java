package io.channelmonitor.schedule;

import java.time.Duration;

/**
 * Runs a task once after a delay. {@link MonitorScheduler} arms one task per monitor and re-arms it
 * after each fire. The default, {@link #system()}, is one daemon thread; tests use a manual timer
 * that runs due tasks when the test says so (see the testkit's {@code ManualTaskTimer}).
 */
public interface TaskTimer {
  /**
   * Runs {@code task} once, {@code delay} from now (a negative delay counts as zero).
   *
   * @return a handle that cancels the task if it has not started yet
   * @throws IllegalStateException after {@link #shutdown()}
   */
  Cancellable schedule(Runnable task, Duration delay);

  /** Drops every pending task and stops the timer's thread, if it has one. Idempotent. */
  void shutdown();

  /**
   * A timer over one scheduled executor with a single daemon thread named {@code
   * channel-monitor-timer}, created when the first task is armed.
   */
  static TaskTimer system() {
    return new SystemTaskTimer();
  }

  /** Cancels a task armed with {@link TaskTimer#schedule}. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task unless it has already started; calling it again does nothing. */
    void cancel();
  }
}
