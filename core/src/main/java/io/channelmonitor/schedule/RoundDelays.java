package io.channelmonitor.schedule;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** The delays between runs: jitter around the interval, a floor, and the spread at start. */
final class RoundDelays {
  /** No delay between two runs of a monitor is shorter than this. */
  static final Duration MIN_DELAY = Duration.ofSeconds(15);

  private RoundDelays() {}

  /**
   * The delay before the next round: {@code interval - jitter + uniform[0, 2 jitter]} at
   * millisecond resolution, never below {@link #MIN_DELAY}. A jitter outside {@code [0, interval]}
   * is clamped.
   */
  static Duration nextRound(int intervalSeconds, int jitterSeconds, RandomGenerator random) {
    long interval = Math.max(0, intervalSeconds) * 1000L;
    long jitter = Math.max(0, Math.min(jitterSeconds, intervalSeconds)) * 1000L;
    long delay = interval - jitter;
    if (jitter > 0) {
      delay += random.nextLong(2 * jitter + 1);
    }
    return Duration.ofMillis(Math.max(delay, MIN_DELAY.toMillis()));
  }

  /**
   * The delay of a monitor's first run after start: uniform in {@code [0, interval)} at millisecond
   * resolution, so monitors loaded together do not all fire together.
   */
  static Duration firstRun(int intervalSeconds, RandomGenerator random) {
    long interval = Math.max(1, intervalSeconds) * 1000L;
    return Duration.ofMillis(random.nextLong(interval));
  }
}
