package io.channelmonitor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {
  private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void startsAtTheDefaultStartInUtc() {
    ManualClock clock = ManualClock.start();

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
  }

  @Test
  void movesOnlyWhenSetOrAdvanced() {
    ManualClock clock = ManualClock.at(NOON);

    assertThat(clock.instant()).isEqualTo(NOON);
    assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(NOON.plusSeconds(300));
    assertThat(clock.instant()).isEqualTo(NOON.plusSeconds(300));
    clock.set(NOON.minusSeconds(1));
    assertThat(clock.instant()).isEqualTo(NOON.minusSeconds(1));
    assertThat(clock.advance(Duration.ofSeconds(-1))).isEqualTo(NOON.minusSeconds(2));
  }

  @Test
  void aZonedViewSharesTheTime() {
    ManualClock clock = ManualClock.at(NOON);
    ZoneId paris = ZoneId.of("Europe/Paris");

    ManualClock zoned = clock.withZone(paris);
    clock.advance(Duration.ofHours(1));

    assertThat(zoned.getZone()).isEqualTo(paris);
    assertThat(zoned.instant()).isEqualTo(NOON.plusSeconds(3600));
    assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
  }

  @Test
  void concurrentAdvancesAreNotLost() throws InterruptedException {
    ManualClock clock = ManualClock.at(NOON);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread thread =
          new Thread(
              () -> {
                for (int j = 0; j < 1_000; j++) {
                  clock.advance(Duration.ofMillis(1));
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(clock.instant()).isEqualTo(NOON.plusMillis(4_000));
  }
}
