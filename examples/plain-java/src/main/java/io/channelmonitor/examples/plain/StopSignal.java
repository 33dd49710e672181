package io.channelmonitor.examples.plain;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends the demo when its duration is over or on Ctrl-C. A shutdown hook (the JVM runs hooks on
 * SIGINT and SIGTERM) asks the demo to stop and then holds the JVM until the demo says it has
 * printed its summary and closed everything, or {@link #HOOK_WAIT} passed.
 */
final class StopSignal {
  /** Longest a shutdown hook keeps the JVM alive for the demo to finish. */
  static final Duration HOOK_WAIT = Duration.ofSeconds(60);

  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook = new Thread(this::onShutdown, "channel-monitor-demo-shutdown");
  private volatile boolean bySignal;

  /** A signal with its shutdown hook installed. */
  static StopSignal install() {
    StopSignal signal = new StopSignal();
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  /**
   * Waits until {@code duration} is over or the JVM is asked to shut down.
   *
   * @return true when the JVM is shutting down (Ctrl-C), false when the time is over
   */
  boolean await(Duration duration) {
    try {
      stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
    return bySignal;
  }

  /** Says the demo has finished; removes the hook when the JVM is not already shutting down. */
  void finished() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it returns now that the demo has finished
    }
  }

  private void onShutdown() {
    bySignal = true;
    stop.countDown();
    try {
      finished.await(HOOK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
