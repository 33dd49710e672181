package io.channelmonitor.benchmarks.load;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.store.ChannelMonitorStore;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Memory per scheduled monitor: the live heap of a started {@link ChannelMonitor} with {@code n}
 * monitors on the longest interval (3,600 s), minus the same instance with none, divided by {@code
 * n}. The global switch is off while it runs, so the one run each new monitor fires at once is
 * skipped and no result is kept: what remains is the store's record, the scheduler's timer and the
 * monitor's configuration.
 */
final class IdleMemory {
  static final int IDLE_INTERVAL_SECONDS = 3600;

  /**
   * @param bytesPerMonitor (heap with monitors - heap without) / monitors
   * @param baselineBytes live heap with the instance started and no monitor
   * @param loadedBytes live heap with the monitors scheduled
   * @param scheduled monitors the scheduler held
   */
  record Result(
      int monitors,
      double bytesPerMonitor,
      long baselineBytes,
      long loadedBytes,
      int scheduled,
      String store) {}

  private IdleMemory() {}

  /**
   * @param store the store, or null for the in-memory default
   */
  static Result measure(
      HarnessOptions options, String endpoint, ChannelMonitorStore store, PrintStream out)
      throws InterruptedException {
    AtomicBoolean on = new AtomicBoolean(false);
    ChannelMonitor.Builder builder =
        ChannelMonitor.builder().ssrfPolicy(ProbeFleet.LOOPBACK).settingsProvider(on::get);
    if (store != null) {
      builder.store(store).keyRing(KeyRing.ephemeral());
    }
    out.printf(
        "%n[idle memory] %d monitors, %s%n", options.idleMonitors(), LoadHarness.loadAverage());
    try (ChannelMonitor monitor = builder.build().start()) {
      // one monitor created and deleted first, so lazily made parts exist in the baseline too
      long warm =
          monitor
              .monitors()
              .create(ProbeFleet.draft(0, options, endpoint, IDLE_INTERVAL_SECONDS))
              .id();
      monitor.monitors().delete(warm);
      long baseline = JvmMeter.heapAfterFullGc();
      for (int i = 0; i < options.idleMonitors(); i++) {
        monitor.monitors().create(ProbeFleet.draft(i, options, endpoint, IDLE_INTERVAL_SECONDS));
      }
      long loaded = JvmMeter.heapAfterFullGc();
      int scheduled = monitor.scheduler().scheduledCount();
      return new Result(
          options.idleMonitors(),
          (loaded - baseline) / (double) options.idleMonitors(),
          baseline,
          loaded,
          scheduled,
          store == null ? "memory" : "jdbc");
    }
  }
}
