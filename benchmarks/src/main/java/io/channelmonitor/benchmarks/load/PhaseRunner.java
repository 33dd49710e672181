package io.channelmonitor.benchmarks.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/** Runs one workload: start, warm up, measure a window, take the live heap, stop. */
final class PhaseRunner {
  private final JvmMeter meter;
  private final Supplier<Duration> upstreamCpu;
  private final Supplier<Duration> databaseCpu;
  private final PrintStream out;

  /**
   * @param databaseCpu the database server's CPU time so far, or null without a server
   */
  PhaseRunner(
      JvmMeter meter,
      Supplier<Duration> upstreamCpu,
      Supplier<Duration> databaseCpu,
      PrintStream out) {
    this.meter = meter;
    this.upstreamCpu = upstreamCpu;
    this.databaseCpu = databaseCpu;
    this.out = out;
  }

  PhaseResult run(Workload workload, Duration warmup, Duration window) throws Exception {
    int threadsBefore = meter.liveThreads();
    try (workload) {
      out.printf("%n[%s] starting, %s%n", workload.name(), LoadHarness.loadAverage());
      workload.start();
      pause(workload, warmup);
      meter.reset();
      Snapshot before = snapshot(workload);
      workload.windowStarted();
      workload.lateness().open();
      out.printf("[%s] measuring %d s%n", workload.name(), window.toSeconds());
      pause(workload, window);
      workload.lateness().close();
      Snapshot after = snapshot(workload);
      long maxAfterGc = meter.maxHeapAfterGc();
      long gcs = meter.collections();
      int peak = meter.peakThreads();
      long live = JvmMeter.heapAfterFullGc();
      out.printf("[%s] done, %s%n", workload.name(), LoadHarness.loadAverage());
      return new PhaseResult(
          workload.name(),
          (after.nanoTime - before.nanoTime) / 1e9,
          after.checks - before.checks,
          workload.lateness().figures(),
          (after.cpuNanos - before.cpuNanos) / 1e9,
          maxAfterGc,
          live,
          gcs,
          peak,
          threadsBefore,
          seconds(after.upstream.minus(before.upstream)),
          databaseCpu == null ? -1 : seconds(after.database.minus(before.database)),
          workload.notes());
    }
  }

  /** The counters a window is the difference of. */
  private record Snapshot(
      long nanoTime, long checks, long cpuNanos, Duration upstream, Duration database) {}

  private Snapshot snapshot(Workload workload) {
    return new Snapshot(
        System.nanoTime(),
        workload.completed(),
        meter.cpuNanos(),
        upstreamCpu.get(),
        databaseCpu == null ? Duration.ZERO : databaseCpu.get());
  }

  /** Sleeps {@code length}, sampling the workload about once a second. */
  private static void pause(Workload workload, Duration length) throws InterruptedException {
    long end = System.nanoTime() + length.toNanos();
    for (long left = length.toNanos(); left > 0; left = end - System.nanoTime()) {
      Thread.sleep(Math.max(1, Math.min(1000, left / 1_000_000)));
      workload.sample();
    }
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
