package io.channelmonitor.benchmarks.load;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Schedule lateness samples in microseconds: how long after its planned time a check started. A
 * preallocated array, so recording allocates nothing; samples past its capacity are counted, not
 * kept. Thread-safe for recording; read the figures once recording has stopped.
 */
final class Lateness {
  private final long[] samples;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean open;

  Lateness(int capacity) {
    this.samples = new long[capacity];
  }

  /** Starts keeping samples (from the start of the measured window). */
  void open() {
    open = true;
  }

  /** Stops keeping samples. */
  void close() {
    open = false;
  }

  boolean isOpen() {
    return open;
  }

  void record(long micros) {
    if (!open) {
      return;
    }
    int slot = next.getAndIncrement();
    if (slot < samples.length) {
      samples[slot] = micros;
    } else {
      dropped.incrementAndGet();
    }
  }

  /** p50, p99 and max in milliseconds, and how many samples they come from. */
  Figures figures() {
    int count = Math.min(next.get(), samples.length);
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    return new Figures(
        count,
        percentile(sorted, 0.50) / 1000.0,
        percentile(sorted, 0.99) / 1000.0,
        count == 0 ? 0 : sorted[count - 1] / 1000.0,
        dropped.get());
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Lateness figures in milliseconds. */
  record Figures(int samples, double p50, double p99, double max, long dropped) {}
}
