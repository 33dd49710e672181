package io.channelmonitor.probe;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires request cancellations at their deadlines on one daemon thread, {@value #THREAD_NAME}, owned
 * by one transport. The thread starts with the first deadline and ends in {@link #close()}.
 * Thread-safe.
 */
final class DeadlineTimer implements AutoCloseable {
  static final String THREAD_NAME = "channel-monitor-deadline";

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineTimer.class);
  private static final long JOIN_MILLIS = 5_000;

  private final AtomicReference<Thread> thread = new AtomicReference<>();
  private final ScheduledThreadPoolExecutor executor;

  DeadlineTimer() {
    ThreadFactory factory =
        task -> {
          Thread t = new Thread(task, THREAD_NAME);
          t.setDaemon(true);
          thread.set(t);
          return t;
        };
    executor = new ScheduledThreadPoolExecutor(1, factory);
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
  }

  /**
   * Runs {@code onExpiry} once {@code delayNanos} have passed, unless the returned deadline is
   * cancelled first.
   *
   * @throws IllegalStateException when the timer is closed
   */
  Deadline schedule(Runnable onExpiry, long delayNanos) {
    Deadline deadline = new Deadline(onExpiry);
    try {
      deadline.future = executor.schedule(deadline::fire, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("transport is closed", e);
    }
    return deadline;
  }

  boolean isClosed() {
    return executor.isShutdown();
  }

  /** Drops pending deadlines and waits until the timer thread has ended. Idempotent. */
  @Override
  public void close() {
    executor.shutdownNow();
    boolean interrupted = false;
    try {
      if (!executor.awaitTermination(JOIN_MILLIS, TimeUnit.MILLISECONDS)) {
        LOG.warn("Deadline timer did not stop within {} ms", JOIN_MILLIS);
      }
      Thread t = thread.get();
      if (t != null) {
        t.join(JOIN_MILLIS);
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** One scheduled expiry. */
  static final class Deadline {
    private final Runnable onExpiry;
    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile ScheduledFuture<?> future;

    private Deadline(Runnable onExpiry) {
      this.onExpiry = onExpiry;
    }

    /** Whether the expiry action ran (or started to run). */
    boolean fired() {
      return fired.get();
    }

    /** Stops the expiry from firing; harmless after it fired. */
    void cancel() {
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }

    private void fire() {
      fired.set(true);
      try {
        onExpiry.run();
      } catch (RuntimeException e) {
        LOG.debug("Deadline action failed: {}", e.getClass().getName());
      }
    }
  }
}
