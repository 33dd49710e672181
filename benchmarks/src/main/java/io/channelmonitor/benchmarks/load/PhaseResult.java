package io.channelmonitor.benchmarks.load;

import java.util.Map;

/**
 * What one phase measured over its window.
 *
 * @param name the workload
 * @param seconds the window's length
 * @param checks checks completed in the window
 * @param lateness how late checks started, in milliseconds
 * @param cpuSeconds this JVM's CPU time in the window
 * @param maxHeapAfterGcBytes the largest heap in use right after a collection in the window
 * @param liveHeapBytes heap in use after a full collection at the end of the window
 * @param collections garbage collections in the window
 * @param peakThreads the most live threads in the window, this JVM's own included
 * @param threadsBefore live threads before the workload started
 * @param upstreamCpuSeconds the fake upstream's CPU time in the window
 * @param databaseCpuSeconds the database server's CPU time in the window, or -1 without one
 * @param notes extra figures of the workload
 */
record PhaseResult(
    String name,
    double seconds,
    long checks,
    Lateness.Figures lateness,
    double cpuSeconds,
    long maxHeapAfterGcBytes,
    long liveHeapBytes,
    long collections,
    int peakThreads,
    int threadsBefore,
    double upstreamCpuSeconds,
    double databaseCpuSeconds,
    Map<String, String> notes) {

  double checksPerSecond() {
    return checks / seconds;
  }

  /** CPU seconds per 1,000 checks. */
  double cpuPerThousand() {
    return checks == 0 ? Double.NaN : cpuSeconds * 1000.0 / checks;
  }
}
