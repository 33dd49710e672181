package io.channelmonitor.benchmarks;

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
    String planCacheMode) {

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
        System.getProperty("bench.planCacheMode", ""));
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
