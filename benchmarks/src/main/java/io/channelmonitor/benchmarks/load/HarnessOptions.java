package io.channelmonitor.benchmarks.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load harness's flags, each {@code --name value}.
 *
 * @param monitors monitors scheduled in the load phases (one model each, providers in turn)
 * @param interval each monitor's interval
 * @param duration the measured window of the library phase
 * @param warmup run before each measured window and not counted
 * @param referenceDuration the measured window of each reference phase
 * @param store {@code memory} or {@code jdbc} (embedded PostgreSQL)
 * @param idleMonitors monitors of the idle-memory phase (0 skips it)
 * @param phases which phases run, in order (a phase may repeat): idle, library, floor, floor-post,
 *     naive
 * @param latencyMinMillis the fake upstream's answer time, lower bound (0: instant)
 * @param latencyMaxMillis upper bound; answers spread over [min, max] in 500 ms steps
 * @param stream whether probes ask for streamed (SSE) answers
 * @param maxConcurrentChecks the library's cap on checks in flight (0: its default)
 * @param referenceThreads worker threads of the bare loop and of the naive monitor
 * @param dbPoolSize JDBC connections (jdbc store only)
 */
record HarnessOptions(
    int monitors,
    Duration interval,
    Duration duration,
    Duration warmup,
    Duration referenceDuration,
    String store,
    int idleMonitors,
    List<String> phases,
    int latencyMinMillis,
    int latencyMaxMillis,
    boolean stream,
    int maxConcurrentChecks,
    int referenceThreads,
    int dbPoolSize) {

  static final List<String> ALL_PHASES = List.of("idle", "library", "floor", "floor-post", "naive");

  private static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("monitors", "10000");
    values.put("interval", "15");
    values.put("duration", "300");
    values.put("warmup", "30");
    values.put("reference-duration", "60");
    values.put("store", "memory");
    values.put("idle-monitors", "10000");
    // the floor before and after the library: the machine's load drifts, the mean is fairer
    values.put("phases", "idle,floor,library,floor,floor-post,naive");
    values.put("latency-ms", "0");
    values.put("stream", "false");
    values.put("max-concurrent-checks", "0");
    values.put("reference-threads", "16");
    values.put("db-pool", "10");
    return values;
  }

  /** Parses {@code --name value} pairs; unknown names are refused. Durations are in seconds. */
  static HarnessOptions parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : args[i];
      if (!values.containsKey(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown flag or missing value: " + args[i] + usage());
      }
      values.put(name, args[i + 1]);
    }
    String[] latency = values.get("latency-ms").split("-");
    int latencyMin = Integer.parseInt(latency[0]);
    int latencyMax = latency.length > 1 ? Integer.parseInt(latency[1]) : latencyMin;
    String store = values.get("store").toLowerCase(Locale.ROOT);
    if (!store.equals("memory") && !store.equals("jdbc")) {
      throw new IllegalArgumentException("--store is memory or jdbc");
    }
    List<String> phases = List.of(values.get("phases").split(","));
    if (!ALL_PHASES.containsAll(phases)) {
      throw new IllegalArgumentException("--phases takes " + ALL_PHASES);
    }
    return new HarnessOptions(
        integer(values, "monitors"),
        seconds(values, "interval"),
        seconds(values, "duration"),
        seconds(values, "warmup"),
        seconds(values, "reference-duration"),
        store,
        integer(values, "idle-monitors"),
        phases,
        latencyMin,
        latencyMax,
        Boolean.parseBoolean(values.get("stream")),
        integer(values, "max-concurrent-checks"),
        integer(values, "reference-threads"),
        integer(values, "db-pool"));
  }

  /** Checks per second every phase aims at: monitors / interval. */
  double targetRate() {
    return monitors / (interval.toMillis() / 1000.0);
  }

  private static int integer(Map<String, String> values, String name) {
    return Integer.parseInt(values.get(name));
  }

  private static Duration seconds(Map<String, String> values, String name) {
    return Duration.ofMillis(Math.round(Double.parseDouble(values.get(name)) * 1000));
  }

  private static String usage() {
    StringBuilder text = new StringBuilder("\nflags (defaults):");
    DEFAULTS.forEach((name, value) -> text.append("\n  --").append(name).append(' ').append(value));
    return text.toString();
  }
}
