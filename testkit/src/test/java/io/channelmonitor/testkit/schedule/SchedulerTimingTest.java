package io.channelmonitor.testkit.schedule;

import static io.channelmonitor.testkit.schedule.Monitors.monitor;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.Monitor;
import io.channelmonitor.schedule.MonitorScheduler;
import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.store.StoreFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When monitors fire: spread at start, jitter, the 15 s floor, and which edits re-probe. */
class SchedulerTimingTest {
  private final ManualClock clock = ManualClock.start();
  private final Instant t0 = clock.instant();
  private final RecordingAction runs = new RecordingAction(clock);
  private final List<Monitor> enabled = new ArrayList<>();
  private final ManualScheduler driver =
      ManualScheduler.builder(() -> enabled, runs).clock(clock).build();
  private final MonitorScheduler scheduler = driver.scheduler();

  @Test
  void firstRunsAfterStartAreSpreadOverOneInterval() {
    for (long id = 1; id <= 20; id++) {
      enabled.add(monitor(id));
    }
    scheduler.start();

    assertThat(driver.runDue()).isZero();
    driver.tick(Duration.ofSeconds(60));

    assertThat(runs.runs()).hasSize(20);
    List<Instant> firsts = runs.runs().stream().map(RecordingAction.Run::at).toList();
    assertThat(firsts).allSatisfy(at -> assertThat(at).isAfter(t0).isBefore(t0.plusSeconds(60)));
    assertThat(new HashSet<>(firsts)).as("distinct instants").hasSize(20);
    for (long id = 1; id <= 20; id++) {
      assertThat(runs.count(id)).isEqualTo(1);
    }
  }

  @Test
  void eachMonitorIsSpreadOverItsOwnInterval() {
    enabled.add(monitor(1, 15, 0));
    enabled.add(monitor(2, 3600, 0));
    scheduler.start();

    driver.tick(Duration.ofMillis(14_999));
    assertThat(runs.count(1)).isEqualTo(1);
    driver.tick(Duration.ofMillis(3_600_000 - 14_999));

    assertThat(runs.count(2)).isEqualTo(1);
    assertThat(runs.count(1)).isBetween(240L, 241L);
  }

  @Test
  void withoutJitterRoundsAreTheIntervalCountedFromEachFire() {
    scheduler.start();
    scheduler.schedule(monitor(1, 45, 0));
    driver.runDue();

    driver.tick(Duration.ofSeconds(170));

    assertThat(runs.times(1))
        .containsExactly(t0, t0.plusSeconds(45), t0.plusSeconds(90), t0.plusSeconds(135));
  }

  @Test
  void jitteredRoundsStayWithinTheIntervalPlusOrMinusTheJitter() {
    scheduler.start();
    scheduler.schedule(monitor(1, 60, 10));
    driver.runDue();

    driver.tick(Duration.ofHours(10));

    List<Duration> gaps = gaps(runs.times(1));
    assertThat(gaps).hasSizeGreaterThan(400);
    assertThat(gaps)
        .allSatisfy(
            gap ->
                assertThat(gap)
                    .isBetween(Duration.ofSeconds(50), Duration.ofSeconds(70))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(15)));
    assertThat(new HashSet<>(gaps)).as("the jitter varies the gaps").hasSizeGreaterThan(100);
    assertThat(gaps.stream().mapToLong(Duration::toSeconds).min().orElseThrow()).isLessThan(53);
    assertThat(gaps.stream().mapToLong(Duration::toSeconds).max().orElseThrow()).isGreaterThan(66);
  }

  @Test
  void noRoundIsShorterThanFifteenSeconds() {
    scheduler.start();
    scheduler.schedule(monitor(1, 20, 20));
    driver.runDue();

    driver.tick(Duration.ofHours(1));

    assertThat(gaps(runs.times(1)))
        .isNotEmpty()
        .allSatisfy(
            gap -> assertThat(gap).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(40)));
  }

  @Test
  void aRenameKeepsTheTimerAndDoesNotFire() {
    scheduler.start();
    scheduler.schedule(monitor(1));
    driver.runDue();
    driver.tick(Duration.ofSeconds(30));
    List<Instant> due = driver.timer().dueTimes();

    scheduler.schedule(Monitors.of(1, StoreFixtures.monitor().name("renamed").group("g2")));

    assertThat(driver.runDue()).isZero();
    assertThat(driver.timer().dueTimes()).isEqualTo(due);
    driver.tick(Duration.ofSeconds(30));
    assertThat(runs.times(1)).containsExactly(t0, t0.plusSeconds(60));
  }

  @Test
  void anIntervalChangeFiresAtOnceAndUsesTheNewInterval() {
    scheduler.start();
    scheduler.schedule(monitor(1, 60, 0));
    driver.runDue();
    driver.tick(Duration.ofSeconds(30));

    scheduler.schedule(monitor(1, 120, 0));
    driver.runDue();
    driver.tick(Duration.ofSeconds(120));

    assertThat(runs.times(1)).containsExactly(t0, t0.plusSeconds(30), t0.plusSeconds(150));
  }

  @Test
  void aProbeChangeFiresAtOnce() {
    scheduler.start();
    scheduler.schedule(monitor(1));
    driver.runDue();
    driver.tick(Duration.ofSeconds(10));

    scheduler.schedule(Monitors.of(1, StoreFixtures.monitor().primaryModel("gpt-4.1")));
    driver.runDue();

    assertThat(runs.times(1)).containsExactly(t0, t0.plusSeconds(10));
  }

  @Test
  void theSameSeedGivesTheSameSchedule() {
    for (long id = 1; id <= 5; id++) {
      enabled.add(monitor(id, 60, 15));
    }
    ManualScheduler twin =
        ManualScheduler.builder(() -> enabled, new RecordingAction(ManualClock.start())).build();

    scheduler.start();
    twin.scheduler().start();

    assertThat(driver.timer().dueTimes()).isEqualTo(twin.timer().dueTimes());
  }

  private static List<Duration> gaps(List<Instant> times) {
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add(Duration.between(times.get(i - 1), times.get(i)));
    }
    return gaps;
  }
}
