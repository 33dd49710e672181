package io.channelmonitor.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * The knobs of a run, read from system properties so one command line can change them, e.g. {@code
 * -Dbench.monitors=200}.
 *
 * @param monitors monitors in the fleet (3 models each)
 * @param checksPerDay checks per model per day in the seeded history
 * @param seedThreads threads writing the history
 * @param warmUpCalls calls before measuring a read
 * @param calls measured calls of {@code availability} in the steady state
 * @param readCalls measured calls of each single store read in the steady state
 * @param rawCalls measured calls of a read while only raw rows exist (after one warm-up call):
 *     those take seconds each
 * @param insertRowsPerRound rows one insert round writes (all threads together)
 * @param insertRounds measured insert rounds per scenario, after one warm-up round
 * @param skipInsert skip part (a)
 * @param skipAvailability skip parts (b) and (c)
 * @param planCacheMode PostgreSQL's {@code plan_cache_mode} for the pooled sessions, blank for the
 *     default ({@code auto})
 * @param setupSql statements run on the history database before the steady state's {@code VACUUM
 *     ANALYZE} ({@code bench.setupSql}, separated by {@code ;}), for trying an index
 * @param explain statements whose {@code EXPLAIN (ANALYZE, BUFFERS)} is printed at the end ({@code
 *     bench.explain}, separated by {@code ;}; {@code :ids} stands for the fleet's ids)
 */
record BenchConfig(
    int monitors,
    int checksPerDay,
    int seedThreads,
    int warmUpCalls,
    int calls,
    int readCalls,
    int rawCalls,
    int insertRowsPerRound,
    int insertRounds,
    boolean skipInsert,
    boolean skipAvailability,
    String planCacheMode,
    List<String> setupSql,
    List<String> explain) {

  static BenchConfig fromSystemProperties() {
    return new BenchConfig(
        Integer.getInteger("bench.monitors", 1000),
        Integer.getInteger("bench.checksPerDay", 24),
        Integer.getInteger("bench.seedThreads", 2),
        Integer.getInteger("bench.warmUpCalls", 5),
        Integer.getInteger("bench.calls", 20),
        Integer.getInteger("bench.readCalls", 10),
        Integer.getInteger("bench.rawCalls", 5),
        Integer.getInteger("bench.insertRowsPerRound", 24_000),
        Integer.getInteger("bench.insertRounds", 3),
        Boolean.getBoolean("bench.skipInsert"),
        Boolean.getBoolean("bench.skipAvailability"),
        System.getProperty("bench.planCacheMode", ""),
        statements(System.getProperty("bench.setupSql", "")),
        statements(System.getProperty("bench.explain", "")));
  }

  private static List<String> statements(String text) {
    return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Override
  public String toString() {
    return "monitors="
        + monitors
        + ", checksPerDay="
        + checksPerDay
        + ", seedThreads="
        + seedThreads
        + ", warmUpCalls="
        + warmUpCalls
        + ", calls="
        + calls
        + ", readCalls="
        + readCalls
        + ", rawCalls="
        + rawCalls
        + ", insertRowsPerRound="
        + insertRowsPerRound
        + ", insertRounds="
        + insertRounds;
  }
}
