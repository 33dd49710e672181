package io.channelmonitor.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoundDelaysTest {
  private final Random random = new Random(7);

  @Test
  void withoutJitterEveryRoundIsTheInterval() {
    for (int i = 0; i < 100; i++) {
      assertThat(RoundDelays.nextRound(60, 0, random)).isEqualTo(Duration.ofSeconds(60));
    }
  }

  @Test
  void jitteredRoundsStayWithinIntervalPlusOrMinusJitterAndUseTheWholeRange() {
    Duration min = Duration.ofSeconds(50);
    Duration max = Duration.ofSeconds(70);
    Set<Long> seconds = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      Duration delay = RoundDelays.nextRound(60, 10, random);
      assertThat(delay).isBetween(min, max);
      seconds.add(delay.toSeconds());
    }
    assertThat(seconds).contains(50L, 60L, 69L);
  }

  @Test
  void noRoundIsShorterThanFifteenSeconds() {
    for (int i = 0; i < 1000; i++) {
      assertThat(RoundDelays.nextRound(20, 20, random))
          .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(40));
      assertThat(RoundDelays.nextRound(5, 0, random)).isEqualTo(RoundDelays.MIN_DELAY);
    }
  }

  @Test
  void aJitterLargerThanTheIntervalIsClamped() {
    for (int i = 0; i < 1000; i++) {
      assertThat(RoundDelays.nextRound(30, 500, random))
          .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(60));
      assertThat(RoundDelays.nextRound(30, -5, random)).isEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void firstRunsAreSpreadOverTheInterval() {
    Set<Duration> offsets = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      Duration offset = RoundDelays.firstRun(60, random);
      assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofSeconds(60));
      offsets.add(offset);
    }
    assertThat(offsets).hasSizeGreaterThan(900);
  }
}
