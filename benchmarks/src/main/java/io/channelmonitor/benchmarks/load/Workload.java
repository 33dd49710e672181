package io.channelmonitor.benchmarks.load;

import java.util.Map;

/** One thing under load: the library or a reference, firing checks at the same rate. */
interface Workload extends AutoCloseable {
  /** Short name for the report. */
  String name();

  /** Starts firing checks. */
  void start() throws Exception;

  /** Checks completed since start. */
  long completed();

  /** Where the lateness of each check's start is recorded. */
  Lateness lateness();

  /** Called about once a second while the window runs, to sample gauges. */
  default void sample() {}

  /** Marks the start of the measured window (for counters kept per window). */
  default void windowStarted() {}

  /** Extra figures of the window, shown under the phase in the report. */
  default Map<String, String> notes() {
    return Map.of();
  }

  /** Stops firing and releases every thread and connection. */
  @Override
  void close();
}
