package io.channelmonitor.testkit.schedule;

import static io.channelmonitor.testkit.schedule.Monitors.decryptFailed;
import static io.channelmonitor.testkit.schedule.Monitors.monitor;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.KeyDecryptFailedException;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorNotFoundException;
import io.channelmonitor.schedule.MonitorScheduler;
import io.channelmonitor.schedule.MonitorScheduler.State;
import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.store.StoreFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The seed runner's tests (its sections 4.11 and 10.5) and the rest of the life cycle. */
class MonitorSchedulerTest {
  private static final Duration MINUTE = Duration.ofSeconds(60);

  private final ManualClock clock = ManualClock.start();
  private final RecordingAction runs = new RecordingAction(clock);
  private final List<Monitor> enabled = new ArrayList<>();
  private final AtomicInteger loads = new AtomicInteger();
  private final ManualScheduler driver =
      ManualScheduler.builder(
              () -> {
                loads.incrementAndGet();
                return new ArrayList<>(enabled);
              },
              runs)
          .clock(clock)
          .build();
  private final MonitorScheduler scheduler = driver.scheduler();

  @Test
  void scheduleAddsATaskAndFiresItOnceAtOnce() {
    scheduler.start();

    scheduler.schedule(monitor(1));

    assertThat(scheduler.scheduledCount()).isEqualTo(1);
    assertThat(scheduler.isScheduled(1)).isTrue();
    assertThat(driver.runDue()).isEqualTo(1);
    assertThat(runs.times(1)).containsExactly(clock.instant());
    driver.tick(MINUTE.minusSeconds(1));
    assertThat(runs.count(1)).isEqualTo(1);
    driver.tick(Duration.ofSeconds(1));
    assertThat(runs.count(1)).isEqualTo(2);
  }

  @Test
  void rescheduleWithAChangedProbeReplacesTheTimer() {
    scheduler.start();
    scheduler.schedule(monitor(1));
    driver.runDue();

    scheduler.schedule(monitor(1, 120, 0));

    assertThat(driver.timer().pendingCount()).as("the old timer is cancelled").isEqualTo(1);
    driver.runDue();
    assertThat(runs.count(1)).as("fired again at once").isEqualTo(2);
    driver.tick(MINUTE);
    assertThat(runs.count(1)).as("nothing on the old interval").isEqualTo(2);
    driver.tick(MINUTE);
    assertThat(runs.count(1)).isEqualTo(3);
  }

  @Test
  void unscheduleRemovesTheTask() {
    scheduler.start();
    scheduler.schedule(monitor(3));
    driver.runDue();

    scheduler.unschedule(3);
    scheduler.unschedule(3);

    assertThat(scheduler.isScheduled(3)).isFalse();
    assertThat(scheduler.scheduledCount()).isZero();
    assertThat(driver.timer().pendingCount()).isZero();
    driver.tick(Duration.ofMinutes(10));
    assertThat(runs.count(3)).isEqualTo(1);
  }

  @Test
  void aDisabledMonitorIsUnscheduled() {
    scheduler.start();
    scheduler.schedule(monitor(1));

    scheduler.schedule(Monitors.of(1, StoreFixtures.monitor().enabled(false)));

    assertThat(scheduler.scheduledCount()).isZero();
    assertThat(driver.runDue()).isZero();
    assertThat(runs.runs()).isEmpty();
  }

  @Test
  void anInvalidIntervalIsNotScheduled() {
    scheduler.start();

    scheduler.schedule(monitor(1, 0, 0));

    assertThat(scheduler.scheduledCount()).isZero();
  }

  @Test
  void nullIsIgnored() {
    scheduler.start();

    scheduler.schedule(null);

    assertThat(scheduler.scheduledCount()).isZero();
  }

  @Test
  void scheduleBeforeStartIsANoOp() {
    scheduler.schedule(monitor(1));

    assertThat(scheduler.scheduledCount()).isZero();
    assertThat(driver.timer().pendingCount()).isZero();
    scheduler.start();
    driver.tick(Duration.ofMinutes(5));
    assertThat(runs.runs()).isEmpty();
  }

  @Test
  void startLoadsAllEnabledMonitorsWithoutFiringThemAtOnce() {
    enabled.addAll(List.of(monitor(1), monitor(2), monitor(3)));

    scheduler.start();

    assertThat(scheduler.scheduledCount()).isEqualTo(3);
    assertThat(scheduler.state()).isEqualTo(State.RUNNING);
    assertThat(driver.runDue()).as("nothing fires at start").isZero();
    driver.tick(MINUTE);
    assertThat(runs.ids()).containsExactlyInAnyOrder(1L, 2L, 3L);
  }

  @Test
  void startSkipsDisabledAndNullMonitorsAndKeepsOnesScheduledMeanwhile() {
    enabled.add(Monitors.of(1, StoreFixtures.monitor().enabled(false)));
    enabled.add(null);
    enabled.add(monitor(2));

    scheduler.start();

    assertThat(scheduler.isScheduled(1)).isFalse();
    assertThat(scheduler.isScheduled(2)).isTrue();
  }

  @Test
  void startRunsOnceAndAFailedLoadIsNotRetried() {
    ManualScheduler failing =
        ManualScheduler.builder(
                () -> {
                  loads.incrementAndGet();
                  throw new IllegalStateException("database down");
                },
                runs)
            .clock(clock)
            .build();

    failing.scheduler().start();
    failing.scheduler().start();

    assertThat(loads).hasValue(1);
    assertThat(failing.scheduler().state()).isEqualTo(State.RUNNING);
    assertThat(failing.scheduler().scheduledCount()).isZero();
    failing.scheduler().schedule(monitor(1));
    failing.runDue();
    assertThat(runs.ids()).as("edits still schedule").containsExactly(1L);
  }

  @Test
  void stopCancelsEveryTimer() {
    for (long id = 1; id <= 5; id++) {
      enabled.add(monitor(id));
    }
    scheduler.start();

    scheduler.stop();

    assertThat(scheduler.state()).isEqualTo(State.STOPPED);
    assertThat(scheduler.scheduledCount()).isZero();
    assertThat(driver.timer().isShutdown()).isTrue();
    assertThat(driver.tick(Duration.ofMinutes(5))).isZero();
    assertThat(runs.runs()).isEmpty();
  }

  @Test
  void stopIsIdempotentAndNothingSchedulesAfterIt() {
    scheduler.start();
    scheduler.stop();
    scheduler.stop();

    scheduler.schedule(monitor(1));
    scheduler.start();

    assertThat(scheduler.state()).isEqualTo(State.STOPPED);
    assertThat(scheduler.scheduledCount()).isZero();
    assertThat(loads).hasValue(1);
  }

  @Test
  void stopBeforeStartEndsTheScheduler() {
    scheduler.stop();
    scheduler.start();

    assertThat(scheduler.state()).isEqualTo(State.STOPPED);
    assertThat(loads).hasValue(0);
  }

  @Test
  void aMonitorWhoseKeyCannotBeDecryptedIsUnscheduled() {
    scheduler.start();
    scheduler.schedule(monitor(1));

    scheduler.schedule(decryptFailed(1));

    assertThat(scheduler.isScheduled(1)).isFalse();
    assertThat(driver.runDue()).isZero();
  }

  @Test
  void aRepairedKeyCanBeScheduledAndFiresAtOnce() {
    scheduler.start();
    scheduler.schedule(decryptFailed(1));

    scheduler.schedule(monitor(1));

    assertThat(scheduler.isScheduled(1)).isTrue();
    driver.runDue();
    assertThat(runs.ids()).containsExactly(1L);
  }

  @Test
  void aRunThatCannotDecryptTheKeyUnschedulesTheMonitor() {
    runs.onRun(
        1,
        id -> {
          throw new KeyDecryptFailedException(id);
        });
    scheduler.start();
    scheduler.schedule(monitor(1));
    scheduler.schedule(monitor(2));

    driver.runDue();

    assertThat(scheduler.isScheduled(1)).isFalse();
    assertThat(scheduler.isScheduled(2)).isTrue();
    assertThat(driver.inFlightGuard().count()).isZero();
    driver.tick(Duration.ofMinutes(3));
    assertThat(runs.count(1)).isEqualTo(1);
  }

  @Test
  void aRunOfADeletedMonitorUnschedulesIt() {
    runs.onRun(
        1,
        id -> {
          throw new MonitorNotFoundException(id);
        });
    scheduler.start();
    scheduler.schedule(monitor(1));

    driver.runDue();

    assertThat(scheduler.isScheduled(1)).isFalse();
  }

  @Test
  void aFailedDecryptDoesNotUnscheduleARepairScheduledDuringTheRun() {
    AtomicInteger calls = new AtomicInteger();
    runs.onRun(
        1,
        id -> {
          if (calls.incrementAndGet() == 1) {
            scheduler.schedule(monitor(1, 90, 0));
            throw new KeyDecryptFailedException(id);
          }
        });
    scheduler.start();
    scheduler.schedule(monitor(1));

    driver.runDue();

    assertThat(scheduler.isScheduled(1)).as("the repaired schedule stays").isTrue();
    assertThat(runs.count(1)).as("and fired at once").isEqualTo(2);
  }

  @Test
  void startSkipsMonitorsWhoseKeyCannotBeDecrypted() {
    enabled.addAll(List.of(monitor(1), decryptFailed(2)));

    scheduler.start();

    assertThat(scheduler.isScheduled(1)).isTrue();
    assertThat(scheduler.isScheduled(2)).isFalse();
    driver.tick(Duration.ofMinutes(5));
    assertThat(runs.count(2)).isZero();
  }
}
