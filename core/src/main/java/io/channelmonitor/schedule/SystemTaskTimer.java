package io.channelmonitor.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link TaskTimer#system()}: one scheduled executor with one daemon thread. */
final class SystemTaskTimer implements TaskTimer {
  /** The name of the timer's only thread. */
  static final String THREAD_NAME = "channel-monitor-timer";

  /** How long {@link #shutdown()} waits for a task that is running on the timer thread. */
  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(SystemTaskTimer.class);

  private final TrackedThreads threads = TrackedThreads.namedExactly(THREAD_NAME);
  private final ScheduledThreadPoolExecutor executor;

  SystemTaskTimer() {
    executor = new ScheduledThreadPoolExecutor(1, threads);
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(delay, "delay");
    try {
      ScheduledFuture<?> future =
          executor.schedule(() -> runGuarded(task), nanos(delay), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the timer is shut down", e);
    }
  }

  @Override
  public void shutdown() {
    executor.shutdownNow();
    try {
      long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
      if (!executor.awaitTermination(SHUTDOWN_WAIT.toNanos(), TimeUnit.NANOSECONDS)
          || threads.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) > 0) {
        log.warn("channel_monitor: timer thread still busy {} after shutdown", SHUTDOWN_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A task that throws must not cancel anything else the timer runs. */
  private static void runGuarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      log.error("channel_monitor: timer task failed", e);
    }
  }

  private static long nanos(Duration delay) {
    if (delay.isNegative()) {
      return 0;
    }
    try {
      return delay.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public String toString() {
    return "TaskTimer[system]";
  }
}
