package io.channelmonitor.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor checks run on: the host's (never shut down by the scheduler) or one the scheduler
 * created (shut down with it, its threads awaited).
 */
final class SchedulerExecutor {
  private static final Logger log = LoggerFactory.getLogger(SchedulerExecutor.class);

  private final Executor executor;
  private final ExecutorService owned;
  private final Optional<TrackedThreads> threads;

  private SchedulerExecutor(
      Executor executor, ExecutorService owned, Optional<TrackedThreads> threads) {
    this.executor = executor;
    this.owned = owned;
    this.threads = threads;
  }

  /** The injected executor when not null, else a created one sized {@code maxConcurrentChecks}. */
  static SchedulerExecutor of(Executor injected, int maxConcurrentChecks) {
    if (injected != null) {
      return new SchedulerExecutor(injected, null, Optional.empty());
    }
    WorkerExecutors.Created created = WorkerExecutors.create(maxConcurrentChecks);
    log.debug(
        "channel_monitor: checks run on {} threads",
        created.virtual() ? "virtual" : "platform (" + maxConcurrentChecks + ")");
    return new SchedulerExecutor(created.executor(), created.executor(), created.threads());
  }

  Executor executor() {
    return executor;
  }

  boolean owned() {
    return owned != null;
  }

  /**
   * Shuts a created executor down, interrupting what still runs, and waits up to {@code wait} for
   * its threads to end. Does nothing for an injected executor.
   *
   * @return whether this thread was interrupted while it waited
   */
  boolean shutdown(Duration wait) {
    if (owned == null) {
      return false;
    }
    owned.shutdownNow();
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      boolean terminated = owned.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS);
      int alive = 0;
      if (threads.isPresent()) {
        alive = threads.get().join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
      if (!terminated || alive > 0) {
        log.warn("channel_monitor: check threads still alive {} after stop", wait);
      }
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }
}
