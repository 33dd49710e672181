package io.channelmonitor.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.jdbc.JdbcClusterCoordinator;
import io.channelmonitor.jdbc.JdbcStore;
import io.channelmonitor.schedule.RunClaim;
import io.channelmonitor.store.ResultRecord;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Measures the claims of cluster mode on an embedded PostgreSQL 17 server: three {@link
 * JdbcClusterCoordinator}s, each with its own pool and one thread, as three instances of the
 * library would have, take every due run of a fleet whose runs are all due at once. Two loops:
 *
 * <ul>
 *   <li><b>claim + complete</b>: what a scheduler does per check, less the probe: claim a batch
 *       ({@code claimDue}, the batch being the instance's free workers), then complete each claim
 *       with the run's three result rows (one transaction each);
 *   <li><b>claim only</b>: {@code claimDue} alone until nothing is due, the statement's own rate.
 * </ul>
 *
 * Each round starts with every run due; one warm-up round, then measured rounds, reported as runs
 * per second (median, min, max) with each instance's share. Once with durable commits (PostgreSQL's
 * default) and once without. Knobs: {@code bench.claim.monitors} (6000), {@code
 * bench.claim.batches} (16,64), {@code bench.claim.rounds} (5).
 */
public final class ClaimThroughputBenchmark {
  private static final int INSTANCES = 3;
  private static final String DATABASE = "bench_cluster";

  private ClaimThroughputBenchmark() {}

  /** One loop an instance runs until nothing is due for it. */
  private enum Loop {
    CLAIM_AND_COMPLETE("claim + complete"),
    CLAIM_ONLY("claim only");

    final String label;

    Loop(String label) {
      this.label = label;
    }
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    int monitors = Integer.getInteger("bench.claim.monitors", 6000);
    int rounds = Integer.getInteger("bench.claim.rounds", 5);
    int[] batches =
        Arrays.stream(System.getProperty("bench.claim.batches", "16,64").split(","))
            .mapToInt(text -> Integer.parseInt(text.trim()))
            .toArray();
    long start = System.nanoTime();
    out.println("channel-monitor ClaimThroughputBenchmark, " + Instant.now());
    out.printf(
        Locale.ROOT,
        "Java %s, %d cores; %d instances, %d monitors (3 models each), %d rounds%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        INSTANCES,
        monitors,
        rounds);
    try (BenchPostgres postgres = BenchPostgres.start("")) {
      out.println(postgres.describe());
      postgres.createDatabase(DATABASE);
      HikariDataSource setUp = postgres.pool(DATABASE, 2, false);
      Fleet fleet =
          Fleet.create(JdbcStore.builder(setUp).createSchemaIfMissing(true).build(), monitors);
      for (boolean durable : new boolean[] {true, false}) {
        measure(postgres, setUp, fleet, durable, batches, rounds, out);
      }
    }
    out.printf(Locale.ROOT, "%ntotal %.0f s%n", (System.nanoTime() - start) / 1e9);
  }

  private static void measure(
      BenchPostgres postgres,
      DataSource setUp,
      Fleet fleet,
      boolean durable,
      int[] batches,
      int rounds,
      PrintStream out)
      throws Exception {
    out.println();
    out.println(
        durable
            ? "synchronous_commit=on (durable, PostgreSQL's default)"
            : "synchronous_commit=off (zonky's default)");
    List<JdbcClusterCoordinator> instances = instances(postgres, durable);
    for (int batch : batches) {
      for (Loop loop : Loop.values()) {
        out.println("  " + JdbcStoreBenchmark.load());
        double[] rates = new double[rounds];
        long[] split = new long[INSTANCES];
        for (int round = -1; round < rounds; round++) {
          makeAllDue(setUp);
          long[] claimed = new long[INSTANCES];
          double rate = round(instances, fleet, loop, batch, claimed);
          if (round >= 0) {
            rates[round] = rate;
            split = claimed;
          }
        }
        Samples samples = Samples.of(rates);
        out.printf(
            Locale.ROOT,
            "  %-16s batch %3d: median %7.0f runs/s (min %.0f, max %.0f), split %s%n",
            loop.label,
            batch,
            samples.median(),
            samples.min(),
            samples.max(),
            Arrays.toString(split));
      }
    }
    for (JdbcClusterCoordinator instance : instances) {
      instance.leave();
    }
  }

  /** Three coordinators on pools of their own, registered so each counts three live instances. */
  private static List<JdbcClusterCoordinator> instances(BenchPostgres postgres, boolean durable)
      throws InterruptedException {
    List<JdbcClusterCoordinator> instances = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      instances.add(
          JdbcClusterCoordinator.builder(postgres.pool(DATABASE, 2, durable))
              .instanceId("bench-" + (durable ? "durable-" : "async-") + i)
              .pollInterval(Duration.ofMillis(100))
              .heartbeatInterval(Duration.ofMillis(100))
              .leaseTime(Duration.ofMinutes(10))
              .build());
    }
    instances.forEach(JdbcClusterCoordinator::join);
    Thread.sleep(150);
    instances.forEach(JdbcClusterCoordinator::heartbeat);
    return instances;
  }

  /** Every monitor due a second ago, no lease. */
  private static void makeAllDue(DataSource setUp) throws Exception {
    try (Connection connection = setUp.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE channel_monitor_schedule SET owner = NULL, lease_until = NULL,"
              + " next_due_at = CURRENT_TIMESTAMP - INTERVAL '1 second'");
      statement.execute("VACUUM ANALYZE channel_monitor_schedule");
    }
  }

  /**
   * One round: each instance on its own thread until nothing is due for it.
   *
   * @return runs per second over all instances
   */
  private static double round(
      List<JdbcClusterCoordinator> instances, Fleet fleet, Loop loop, int batch, long[] claimed)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
    try {
      long start = System.nanoTime();
      List<Future<Long>> done = new ArrayList<>();
      for (JdbcClusterCoordinator instance : instances) {
        done.add(threads.submit(() -> drain(instance, loop, batch)));
      }
      long total = 0;
      for (int i = 0; i < INSTANCES; i++) {
        claimed[i] = done.get(i).get();
        total += claimed[i];
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (total != fleet.size()) {
        throw new IllegalStateException(total + " claims for " + fleet.size() + " due runs");
      }
      return total / seconds;
    } finally {
      threads.shutdownNow();
    }
  }

  private static long drain(JdbcClusterCoordinator instance, Loop loop, int batch) {
    long claimed = 0;
    for (List<RunClaim> claims = instance.claimDue(batch);
        !claims.isEmpty();
        claims = instance.claimDue(batch)) {
      claimed += claims.size();
      if (loop == Loop.CLAIM_AND_COMPLETE) {
        for (RunClaim claim : claims) {
          Instant at = Instant.now();
          instance.complete(claim, results(claim.monitorId(), at), at, Duration.ofHours(1));
        }
      }
    }
    return claimed;
  }

  private static List<ResultRecord> results(long monitorId, Instant at) {
    List<ResultRecord> rows = new ArrayList<>(Fleet.MODELS.size());
    for (String model : Fleet.MODELS) {
      CheckResult result =
          new CheckResult(model, CheckStatus.OPERATIONAL, FailureKind.NONE, 420, null, 12L, "", at);
      rows.add(new ResultRecord(0, monitorId, result));
    }
    return rows;
  }
}
