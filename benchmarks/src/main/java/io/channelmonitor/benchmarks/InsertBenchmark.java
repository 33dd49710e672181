package io.channelmonitor.benchmarks;

import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.ResultRecord;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * (a) How fast {@code insertResults} stores check results: rows per second for a given batch size
 * (3 rows = one run of a 3-model monitor; 30 or 300 = the runs of 10 or 100 monitors written
 * together) and number of writing threads. Each thread writes the runs of its own share of the
 * fleet. One warm-up round, then {@code rounds} measured rounds of about {@code rowsPerRound} rows.
 */
final class InsertBenchmark {
  /** One configuration: how many rows per call and how many threads call at once. */
  record Scenario(int batchRows, int threads) {
    String label() {
      return "batch " + batchRows + " rows, " + threads + (threads == 1 ? " thread" : " threads");
    }
  }

  private final ChannelMonitorStore store;
  private final Fleet fleet;
  private final int rowsPerRound;
  private final int rounds;
  private final AtomicLong clockSeconds =
      new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());

  InsertBenchmark(ChannelMonitorStore store, Fleet fleet, int rowsPerRound, int rounds) {
    this.store = store;
    this.fleet = fleet;
    this.rowsPerRound = rowsPerRound;
    this.rounds = rounds;
  }

  /** Measures {@code scenario} and prints one line. */
  Samples measure(Scenario scenario, PrintStream out) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(scenario.threads());
    try {
      round(pool, scenario);
      double[] rates = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        rates[r] = round(pool, scenario);
      }
      Samples samples = Samples.of(rates);
      out.println("  " + scenario.label() + ": " + samples.describeRate("rows/s"));
      return samples;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One round: every thread writes its share; rows per second over the whole round. */
  private double round(ExecutorService pool, Scenario scenario) throws Exception {
    int runsPerBatch = Math.max(1, scenario.batchRows() / Fleet.MODELS.size());
    int batchesPerThread = Math.max(1, rowsPerRound / (scenario.batchRows() * scenario.threads()));
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> writers = new ArrayList<>();
    for (int t = 0; t < scenario.threads(); t++) {
      writers.add(pool.submit(writer(t, scenario.threads(), runsPerBatch, batchesPerThread, go)));
    }
    long start = System.nanoTime();
    go.countDown();
    long rows = 0;
    for (Future<Long> writer : writers) {
      rows += join(writer);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return rows / seconds;
  }

  private Callable<Long> writer(
      int thread, int threads, int runsPerBatch, int batches, CountDownLatch go) {
    return () -> {
      go.await();
      long rows = 0;
      int next = thread;
      for (int b = 0; b < batches; b++) {
        Instant at = Instant.ofEpochSecond(clockSeconds.getAndAdd(1));
        List<ResultRecord> batch = new ArrayList<>(runsPerBatch * Fleet.MODELS.size());
        for (int r = 0; r < runsPerBatch; r++) {
          batch.addAll(fleet.run(next, at));
          next = (next + threads) % fleet.size();
        }
        store.insertResults(batch);
        rows += batch.size();
      }
      return rows;
    };
  }

  private static long join(Future<Long> writer) throws Exception {
    try {
      return writer.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
