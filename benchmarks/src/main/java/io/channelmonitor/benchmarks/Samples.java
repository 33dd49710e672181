package io.channelmonitor.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Measured values, sorted, with the order statistics the report prints. */
final class Samples {
  /** Folded results of timed actions; printed at the end so they stay observable. */
  static volatile long sink;

  private final double[] sorted;

  private Samples(double[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
  }

  static Samples of(double... values) {
    return new Samples(values);
  }

  /**
   * Times {@code action} {@code warmUp} times without keeping the figures, then {@code measured}
   * times, in milliseconds. The action returns a number that is folded into {@link #sink} so the
   * JIT cannot drop the work.
   */
  static Samples timeMillis(int warmUp, int measured, LongSupplier action) {
    for (int i = 0; i < warmUp; i++) {
      sink += action.getAsLong();
    }
    double[] millis = new double[measured];
    for (int i = 0; i < measured; i++) {
      long start = System.nanoTime();
      sink += action.getAsLong();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    return new Samples(millis);
  }

  int count() {
    return sorted.length;
  }

  double min() {
    return sorted[0];
  }

  double max() {
    return sorted[sorted.length - 1];
  }

  double median() {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The nearest-rank percentile: the smallest sample with at least p % of the samples <= it. */
  double percentile(double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** "median 12.3 ms, p95 15.0 ms, min 11.9 ms, max 16.2 ms (20 calls)". */
  String describeMillis() {
    return String.format(
        Locale.ROOT,
        "median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms (%d calls)",
        median(),
        percentile(95),
        min(),
        max(),
        count());
  }

  /** "median 6,120 rows/s (min 5,900, max 6,300; 3 rounds)". */
  String describeRate(String unit) {
    return String.format(
        Locale.ROOT,
        "median %,.0f %s (min %,.0f, max %,.0f; %d rounds)",
        median(),
        unit,
        min(),
        max(),
        count());
  }
}
