package io.channelmonitor;

import io.channelmonitor.history.RollupJob;
import io.channelmonitor.internal.DaemonThreads;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rollup job: at start when the watermark is behind, then daily; each time again while a
 * run was stopped by the backfill cap. One daemon thread, created at start and gone after close.
 */
final class RollupSchedule {
  private static final Logger log = LoggerFactory.getLogger(RollupSchedule.class);

  private final RollupJob job;
  private ScheduledExecutorService executor;

  RollupSchedule(RollupJob job) {
    this.job = job;
  }

  synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("channel-monitor-rollup"));
    executor.execute(() -> guarded(job::runAtStartupIfBehind));
    scheduleNext();
  }

  synchronized void stop() {
    if (executor == null) {
      return;
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void scheduleNext() {
    try {
      executor.schedule(
          () -> {
            guarded(job::runUntilCaughtUp);
            scheduleNext();
          },
          job.delayUntilNextRun().toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      log.debug("channel_monitor: rollup schedule stopped");
    }
  }

  private static void guarded(Runnable run) {
    try {
      run.run();
    } catch (RuntimeException e) {
      log.warn("channel_monitor: rollup run failed: {}", e.getClass().getName());
    }
  }
}
