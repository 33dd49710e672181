package io.channelmonitor.testkit.schedule;

import static io.channelmonitor.testkit.schedule.Monitors.monitor;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.schedule.ClusterCoordinator;
import io.channelmonitor.schedule.InFlightGuard;
import io.channelmonitor.schedule.MonitorScheduler;
import io.channelmonitor.schedule.SkipReason;
import io.channelmonitor.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Why a due run does not start, how it is counted, and what a failing run does. */
class SchedulerSkipTest {
  private static final Duration MINUTE = Duration.ofSeconds(60);

  private final ManualClock clock = ManualClock.start();
  private final Instant t0 = clock.instant();
  private final RecordingAction runs = new RecordingAction(clock);

  /** Holds handed checks until the test runs them: checks that are still running. */
  private final List<Runnable> held = new ArrayList<>();

  private ManualScheduler.Builder driver() {
    return ManualScheduler.builder(List::of, runs).clock(clock);
  }

  @Test
  void aSwitchedOffMonitoringSkipsEachRunCountsItAndResumes() {
    AtomicBoolean on = new AtomicBoolean(true);
    ManualScheduler driver = driver().settingsProvider(on::get).build();
    driver.scheduler().start();
    driver.scheduler().schedule(monitor(1));
    driver.runDue();

    on.set(false);
    driver.tick(MINUTE.multipliedBy(2));

    assertThat(runs.count(1)).isEqualTo(1);
    assertThat(driver.skipped(SkipReason.SWITCH_OFF)).isEqualTo(2);
    assertThat(driver.scheduler().isScheduled(1)).isTrue();
    on.set(true);
    driver.tick(MINUTE);
    assertThat(runs.times(1)).containsExactly(t0, t0.plusSeconds(180));
  }

  @Test
  void aSwitchThatCannotBeReadCountsAsOn() {
    ManualScheduler driver =
        driver()
            .settingsProvider(
                () -> {
                  throw new IllegalStateException("settings table missing");
                })
            .build();
    driver.scheduler().start();
    driver.scheduler().schedule(monitor(1));

    driver.runDue();
    driver.tick(MINUTE.multipliedBy(3));

    assertThat(runs.count(1)).isEqualTo(4);
    assertThat(driver.skipped(SkipReason.SWITCH_OFF)).isZero();
  }

  @Test
  void aFullStageSkipsTheRunCountsItAndQueuesNothing() {
    ManualScheduler driver = driver().settings(limits(1, 0)).checkExecutor(held::add).build();
    driver.scheduler().start();
    driver.scheduler().schedule(monitor(1));
    driver.runDue();
    assertThat(held).as("monitor 1 is running").hasSize(1);

    driver.scheduler().schedule(monitor(2));
    driver.runDue();

    assertThat(driver.skipped(SkipReason.SATURATED)).isEqualTo(1);
    assertThat(held).hasSize(1);
    assertThat(driver.gauge(MonitorScheduler.METER_RUNS_QUEUED)).isZero();
    assertThat(driver.gauge(MonitorScheduler.METER_CHECKS_IN_FLIGHT)).isEqualTo(1);
    assertThat(driver.inFlightGuard().isRunning(2)).as("slot released").isFalse();
    held.remove(0).run();
    assertThat(runs.ids()).containsExactly(1L);
    assertThat(driver.inFlightGuard().count()).isZero();
    assertThat(driver.gauge(MonitorScheduler.METER_CHECKS_IN_FLIGHT)).isZero();
  }

  @Test
  void aDueRunWaitsInTheQueueWhileItHasRoom() {
    ManualScheduler driver = driver().settings(limits(1, 1)).checkExecutor(held::add).build();
    driver.scheduler().start();
    for (long id = 1; id <= 3; id++) {
      driver.scheduler().schedule(monitor(id));
    }

    driver.runDue();

    assertThat(driver.gauge(MonitorScheduler.METER_CHECKS_IN_FLIGHT)).isEqualTo(1);
    assertThat(driver.gauge(MonitorScheduler.METER_RUNS_QUEUED)).isEqualTo(1);
    assertThat(driver.skipped(SkipReason.SATURATED)).isEqualTo(1);
    held.remove(0).run();
    assertThat(held).as("the waiting run got the slot").hasSize(1);
    held.remove(0).run();
    assertThat(runs.ids()).containsExactly(1L, 2L);
    assertThat(driver.gauge(MonitorScheduler.METER_RUNS_QUEUED)).isZero();
  }

  @Test
  void stopDropsWaitingRunsAndReleasesTheirSlots() {
    ManualScheduler driver =
        driver()
            .settings(limits(1, 5).toBuilder().stopTimeout(Duration.ofMillis(1)).build())
            .checkExecutor(held::add)
            .build();
    driver.scheduler().start();
    driver.scheduler().schedule(monitor(1));
    driver.scheduler().schedule(monitor(2));
    driver.runDue();
    assertThat(driver.inFlightGuard().isRunning(2)).isTrue();

    driver.scheduler().stop();

    assertThat(driver.inFlightGuard().isRunning(2)).isFalse();
    assertThat(driver.gauge(MonitorScheduler.METER_RUNS_QUEUED)).isZero();
    assertThat(runs.runs()).isEmpty();
  }

  @Test
  void aManualRunHoldingTheGuardMakesTheScheduledFireSkip() {
    InFlightGuard shared = new InFlightGuard();
    ManualScheduler driver = driver().inFlightGuard(shared).build();
    driver.scheduler().start();
    assertThat(shared.tryAcquire(1)).as("runNow in progress").isTrue();

    driver.scheduler().schedule(monitor(1));
    driver.runDue();

    assertThat(runs.runs()).isEmpty();
    assertThat(driver.skipped(SkipReason.IN_FLIGHT)).isEqualTo(1);
    assertThat(driver.inFlightGuard()).isSameAs(shared);
    shared.release(1);
    driver.tick(MINUTE);
    assertThat(runs.times(1)).containsExactly(t0.plusSeconds(60));
  }

  @Test
  void aRunClaimedElsewhereIsSkippedAsNotClaimed() {
    RecordingCoordinator coordinator = new RecordingCoordinator(false);
    ManualScheduler driver = driver().coordinator(coordinator).build();
    driver.scheduler().start();
    driver.scheduler().schedule(monitor(1));

    driver.runDue();
    driver.tick(MINUTE);

    assertThat(runs.runs()).isEmpty();
    assertThat(driver.skipped(SkipReason.NOT_CLAIMED)).isEqualTo(2);
    assertThat(driver.inFlightGuard().count()).isZero();
    assertThat(coordinator.released).isEmpty();
  }

  @Test
  void aClaimNamesThePlannedDueTimeAndIsReleasedAfterTheRun() {
    RecordingCoordinator coordinator = new RecordingCoordinator(true);
    ManualScheduler driver = driver().coordinator(coordinator).build();
    driver.scheduler().start();
    driver.scheduler().schedule(monitor(7));

    driver.runDue();
    driver.tick(MINUTE);

    assertThat(coordinator.claims).containsExactly(t0, t0.plusSeconds(60));
    assertThat(coordinator.released).containsExactly(7L, 7L);
  }

  @Test
  void aFailingClaimCountsAsNotClaimed() {
    ClusterCoordinator broken =
        new ClusterCoordinator() {
          @Override
          public boolean tryClaim(long monitorId, Instant dueAt) {
            throw new IllegalStateException("lease table down");
          }

          @Override
          public void release(long monitorId) {}
        };
    ManualScheduler driver = driver().coordinator(broken).build();
    driver.scheduler().start();
    driver.scheduler().schedule(monitor(1));

    driver.runDue();

    assertThat(driver.skipped(SkipReason.NOT_CLAIMED)).isEqualTo(1);
    assertThat(driver.scheduler().isScheduled(1)).isTrue();
  }

  @Test
  void aThrowingRunKeepsTheTimerAlive() {
    runs.onRun(
        1,
        id -> {
          throw new IllegalStateException("upstream exploded");
        });
    runs.onRun(
        2,
        id -> {
          throw new AssertionError("even an error");
        });
    ManualScheduler driver = driver().build();
    driver.scheduler().start();
    driver.scheduler().schedule(monitor(1));
    driver.scheduler().schedule(monitor(2));

    driver.runDue();
    driver.tick(MINUTE.multipliedBy(3));

    assertThat(runs.count(1)).isEqualTo(4);
    assertThat(runs.count(2)).isEqualTo(4);
    assertThat(driver.scheduler().scheduledCount()).isEqualTo(2);
    assertThat(driver.inFlightGuard().count()).isZero();
  }

  @Test
  void theMetersAreRegisteredWithTheirNames() {
    ManualScheduler driver = driver().build();
    driver.scheduler().start();
    driver.scheduler().schedule(monitor(1));
    driver.scheduler().schedule(monitor(2));

    assertThat(driver.gauge(MonitorScheduler.METER_MONITORS_SCHEDULED)).isEqualTo(2);
    assertThat(MonitorScheduler.METER_RUNS_SKIPPED).isEqualTo("channel.monitor.runs.skipped");
    assertThat(MonitorScheduler.METER_MONITORS_SCHEDULED)
        .isEqualTo("channel.monitor.monitors.scheduled");
    assertThat(MonitorScheduler.METER_CHECKS_IN_FLIGHT)
        .isEqualTo("channel.monitor.checks.in.flight");
    assertThat(MonitorScheduler.METER_RUNS_QUEUED).isEqualTo("channel.monitor.runs.queued");
    for (SkipReason reason : SkipReason.values()) {
      assertThat(
              driver
                  .meterRegistry()
                  .find(MonitorScheduler.METER_RUNS_SKIPPED)
                  .tag("reason", reason.tag())
                  .counter())
          .isNotNull();
      assertThat(driver.skipped(reason)).isZero();
    }
  }

  private static ChannelMonitorSettings limits(int maxConcurrentChecks, int queueCapacity) {
    return ChannelMonitorSettings.builder()
        .maxConcurrentChecks(maxConcurrentChecks)
        .queueCapacity(queueCapacity)
        .build();
  }

  /** Records claims and releases; claims succeed or fail as told. */
  private static final class RecordingCoordinator implements ClusterCoordinator {
    private final boolean grant;
    private final List<Instant> claims = new ArrayList<>();
    private final List<Long> released = new ArrayList<>();

    RecordingCoordinator(boolean grant) {
      this.grant = grant;
    }

    @Override
    public boolean tryClaim(long monitorId, Instant dueAt) {
      claims.add(dueAt);
      return grant;
    }

    @Override
    public void release(long monitorId) {
      released.add(monitorId);
    }
  }
}
