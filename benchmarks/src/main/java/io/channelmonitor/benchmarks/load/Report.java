package io.channelmonitor.benchmarks.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Prints the figures of a harness run as Markdown tables, with the ratios and the goals. */
final class Report {
  private static final double MB = 1024.0 * 1024.0;

  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void idle(IdleMemory.Result idle) {
    line("%n### Idle memory per scheduled monitor (%s store)%n", idle.store());
    line("| monitors | scheduled | live heap without | with | per monitor |%n");
    line("|---:|---:|---:|---:|---:|%n");
    line(
        "| %,d | %,d | %.1f MiB | %.1f MiB | **%,.0f bytes** |%n",
        idle.monitors(),
        idle.scheduled(),
        idle.baselineBytes() / MB,
        idle.loadedBytes() / MB,
        idle.bytesPerMonitor());
    verdict("idle memory per scheduled monitor < 2 KB", idle.bytesPerMonitor() < 2048);
  }

  void phases(List<PhaseResult> results, HarnessOptions options) {
    line("%n### Load phases (target %.1f checks/s)%n", options.targetRate());
    line(
        "| phase | window | checks/s | lateness p50 / p99 / max | CPU s per 1,000 checks"
            + " | max heap after GC | live heap | peak threads (before) | upstream CPU s"
            + " | database CPU s |%n");
    line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
    for (PhaseResult r : results) {
      line(
          "| %s | %.0f s | %.1f | %.1f / %.1f / %.1f ms | %.3f | %.1f MiB | %.1f MiB | %d (%d)"
              + " | %.1f | %s |%n",
          r.name(),
          r.seconds(),
          r.checksPerSecond(),
          r.lateness().p50(),
          r.lateness().p99(),
          r.lateness().max(),
          r.cpuPerThousand(),
          r.maxHeapAfterGcBytes() / MB,
          r.liveHeapBytes() / MB,
          r.peakThreads(),
          r.threadsBefore(),
          r.upstreamCpuSeconds(),
          r.databaseCpuSeconds() < 0
              ? "-"
              : String.format(Locale.ROOT, "%.1f", r.databaseCpuSeconds()));
    }
    for (PhaseResult r : results) {
      line(
          "%n%s: %d checks, %d lateness samples, %d collections",
          r.name(), r.checks(), r.lateness().samples(), r.collections());
      r.notes().forEach((name, value) -> line("; %s %s", name, value));
      line("%n");
    }
    ratios(results, options);
  }

  private void ratios(List<PhaseResult> results, HarnessOptions options) {
    Optional<PhaseResult> library = find(results, "library");
    if (library.isEmpty()) {
      return;
    }
    PhaseResult lib = library.get();
    line("%nCPU per check, library against each reference:%n");
    for (PhaseResult r : results) {
      if (r != lib) {
        line("- %s: %.2fx%n", r.name(), lib.cpuPerThousand() / r.cpuPerThousand());
      }
    }
    line("%n");
    verdict(
        String.format(Locale.ROOT, "sustained >= 99%% of %.1f checks/s", options.targetRate()),
        lib.checksPerSecond() >= 0.99 * options.targetRate());
    verdict("lateness p99 < 1 s", lib.lateness().p99() < 1000);
    long maxHeap = Runtime.getRuntime().maxMemory();
    verdict(
        String.format(
            Locale.ROOT, "heap under 512 MB (max heap of this JVM %.0f MiB)", maxHeap / MB),
        maxHeap <= 512 * MB * 1.0001 && lib.maxHeapAfterGcBytes() < 512 * MB);
    double floor =
        results.stream()
            .filter(r -> r.name().contains("HEAD + POST"))
            .mapToDouble(PhaseResult::cpuPerThousand)
            .average()
            .orElse(Double.NaN);
    if (!Double.isNaN(floor)) {
      line(
          "CPU per check against the mean of the HEAD + POST floor phases: %.2fx%n",
          lib.cpuPerThousand() / floor);
      verdict(
          "CPU per check <= 1.5x the bare-loop floor (HEAD + POST)",
          lib.cpuPerThousand() <= 1.5 * floor);
    }
  }

  private static Optional<PhaseResult> find(List<PhaseResult> results, String text) {
    return results.stream().filter(r -> r.name().contains(text)).findFirst();
  }

  private void verdict(String goal, boolean met) {
    line("goal %s: %s%n", goal, met ? "met" : "MISSED");
  }

  private void line(String format, Object... args) {
    out.printf(Locale.ROOT, format, args);
  }
}
