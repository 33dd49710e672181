package io.channelmonitor.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.channelmonitor.benchmarks.InsertBenchmark.Scenario;
import io.channelmonitor.jdbc.JdbcStore;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Measures the JDBC store on an embedded PostgreSQL 17 server: (a) result insert throughput, (b)
 * the availability of a fleet over 7/15/30 days read from rollups, (c) the same answered from raw
 * rows alone. Plain Java: each figure is a warm-up followed by repeated measurements. Prints a
 * report to standard output; BENCHMARKS.md at the repository root keeps the figures and the
 * command.
 *
 * <p>Settings come from system properties (see {@link BenchConfig}); the defaults are the ones
 * BENCHMARKS.md reports.
 */
public final class JdbcStoreBenchmark {
  private static final List<Scenario> INSERT_SCENARIOS =
      List.of(
          new Scenario(3, 1),
          new Scenario(3, 2),
          new Scenario(3, 4),
          new Scenario(30, 1),
          new Scenario(30, 4),
          new Scenario(300, 1));

  private JdbcStoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    BenchConfig config = BenchConfig.fromSystemProperties();
    long start = System.nanoTime();
    out.println("channel-monitor JdbcStoreBenchmark, " + Instant.now());
    out.println(machine());
    out.println("settings: " + config);
    try (BenchPostgres postgres = BenchPostgres.start(config.planCacheMode())) {
      out.println(postgres.describe());
      if (!config.skipInsert()) {
        insertThroughput(postgres, config, out);
      }
      if (!config.skipAvailability()) {
        availability(postgres, config, out);
      }
    }
    out.printf(
        Locale.ROOT,
        "%ntotal %.0f s (checksum %d)%n",
        (System.nanoTime() - start) / 1e9,
        Samples.sink);
  }

  /** The system load average of the last minute, to tell a quiet machine from a busy one. */
  static String load() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "load average n/a" : String.format(Locale.ROOT, "load average %.2f", load);
  }

  private static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "Java %s (%s), %s %s, %d cores, max heap %d MiB",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        runtime.availableProcessors(),
        runtime.maxMemory() / (1024 * 1024));
  }

  /** (a): every scenario with durable commits (PostgreSQL's default) and with async commits. */
  private static void insertThroughput(BenchPostgres postgres, BenchConfig config, PrintStream out)
      throws Exception {
    String database = "bench_insert";
    postgres.createDatabase(database);
    HikariDataSource setUp = postgres.pool(database, 2, false);
    JdbcStore schema = JdbcStore.builder(setUp).createSchemaIfMissing(true).build();
    Fleet fleet = Fleet.create(schema, config.monitors());
    for (boolean durable : new boolean[] {true, false}) {
      out.println();
      out.println(
          "(a) insertResults throughput, "
              + (durable
                  ? "synchronous_commit=on (durable, PostgreSQL's default)"
                  : "synchronous_commit=off (zonky's default)"));
      HikariDataSource pool = postgres.pool(database, 8, durable);
      JdbcStore store = JdbcStore.builder(pool).build();
      out.println("  " + load());
      InsertBenchmark bench =
          new InsertBenchmark(store, fleet, config.insertRowsPerRound(), config.insertRounds());
      for (Scenario scenario : INSERT_SCENARIOS) {
        bench.measure(scenario, out);
      }
    }
  }

  /** (b) and (c) on one seeded history. */
  private static void availability(BenchPostgres postgres, BenchConfig config, PrintStream out)
      throws Exception {
    String database = "bench_history";
    postgres.createDatabase(database);
    HikariDataSource pool = postgres.pool(database, Math.max(4, config.seedThreads()), false);
    JdbcStore store = JdbcStore.builder(pool).createSchemaIfMissing(true).build();
    Fleet fleet = Fleet.create(store, config.monitors());
    out.println();
    new AvailabilityBenchmark(postgres, database, store, fleet, config, out).run();
  }
}
