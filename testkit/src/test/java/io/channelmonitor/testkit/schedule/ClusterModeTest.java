package io.channelmonitor.testkit.schedule;

import static io.channelmonitor.testkit.schedule.Monitors.monitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.ChannelMonitorException;
import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorNotFoundException;
import io.channelmonitor.Reason;
import io.channelmonitor.schedule.ClaimedRunAction;
import io.channelmonitor.schedule.MonitorScheduler;
import io.channelmonitor.schedule.SkipReason;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.store.ResultWriter;
import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.schedule.SharedScheduleFake.Call;
import io.channelmonitor.testkit.store.StoreFixtures;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * The scheduler in cluster mode, on a shared schedule in memory: the poll claims what is due and
 * what the workers can take, runs it through the same decision as a timer fire, completes or gives
 * back every claim, counts and survives coordinator failures, and stops cleanly.
 */
class ClusterModeTest {
  private static final Duration MINUTE = Duration.ofSeconds(60);

  /** A minute and the longest wait for the next poll (1.5 poll intervals). */
  private static final Duration MINUTE_AND_A_POLL = MINUTE.plusMillis(1500);

  private final ManualClock clock = ManualClock.start();
  private final SharedScheduleFake schedule = new SharedScheduleFake(clock, "me");
  private final Claimed runs = new Claimed();

  /** A claimed-run action that writes one result per run, or misbehaves as told. */
  private final class Claimed implements ClaimedRunAction {
    final List<Long> ids = new CopyOnWriteArrayList<>();
    final List<Boolean> stored = new CopyOnWriteArrayList<>();
    final Map<Long, LongConsumer> behaviours = new ConcurrentHashMap<>();

    @Override
    public void run(long monitorId, ResultWriter results) {
      ids.add(monitorId);
      LongConsumer behaviour = behaviours.get(monitorId);
      if (behaviour != null) {
        behaviour.accept(monitorId);
      }
      List<ResultRecord> rows = List.of(StoreFixtures.result(clock.instant()).of(monitorId));
      stored.add(results.write(monitorId, rows, clock.instant()));
    }
  }

  private ManualScheduler.Builder driver() {
    return ManualScheduler.builder(
            () -> {
              throw new AssertionError("cluster mode loads no monitors");
            },
            id -> {
              throw new AssertionError("cluster mode runs claimed runs only");
            })
        .clock(clock)
        .coordinator(schedule)
        .claimedRunAction(runs);
  }

  private static long counter(ManualScheduler driver, String name, String tag, String value) {
    Counter counter = driver.meterRegistry().find(name).tag(tag, value).counter();
    return counter == null ? -1 : (long) counter.count();
  }

  @Test
  void aPollClaimsTheDueRunsRunsThemAndCompletesEachWithItsNextRound() {
    schedule.due(1).due(2);
    ManualScheduler driver = driver().build();
    driver.scheduler().start();

    driver.runDue();

    assertThat(schedule.joins).isEqualTo(1);
    assertThat(schedule.heartbeats).isEqualTo(1);
    assertThat(runs.ids).containsExactly(1L, 2L);
    assertThat(runs.stored).containsExactly(true, true);
    assertThat(schedule.completed)
        .extracting(SharedScheduleFake.Settled::nextRound)
        .containsExactly(MINUTE, MINUTE);
    assertThat(schedule.completed.get(0).results()).hasSize(1);
    assertThat(schedule.owner(1)).isEmpty();
    assertThat(counter(driver, MonitorScheduler.METER_CLUSTER_CLAIMS, "kind", "due")).isEqualTo(2);
    assertThat(driver.gauge(MonitorScheduler.METER_CLUSTER_INSTANCES)).isEqualTo(2);

    driver.tick(MINUTE_AND_A_POLL);

    assertThat(runs.ids).containsExactly(1L, 2L, 1L, 2L);
    assertThat(schedule.joins).isEqualTo(1);
    assertThat(driver.scheduler().scheduledCount()).isZero();
    assertThat(driver.scheduler().toString()).contains("cluster mode");
  }

  @Test
  void aPollClaimsNoMoreThanTheFreeWorkersCanRun() {
    for (long id = 1; id <= 5; id++) {
      schedule.due(id);
    }
    List<Runnable> held = new ArrayList<>();
    ManualScheduler driver =
        driver()
            .settings(ChannelMonitorSettings.builder().maxConcurrentChecks(2).build())
            .checkExecutor(held::add)
            .build();
    driver.scheduler().start();

    driver.runDue();
    driver.tick(Duration.ofSeconds(5));

    assertThat(schedule.claimLimits).containsExactly(2);
    assertThat(held).hasSize(2);
    held.remove(0).run();
    driver.tick(Duration.ofSeconds(2));
    assertThat(schedule.claimLimits).containsExactly(2, 1);
    assertThat(held).hasSize(2);
  }

  @Test
  void aSkippedRunGivesItsClaimBackWithTheNextRound() {
    schedule.due(1);
    AtomicBoolean on = new AtomicBoolean(false);
    ManualScheduler driver = driver().settingsProvider(on::get).build();
    driver.scheduler().start();

    driver.runDue();

    assertThat(runs.ids).isEmpty();
    assertThat(driver.skipped(SkipReason.SWITCH_OFF)).isEqualTo(1);
    assertThat(schedule.givenBack)
        .containsExactly(new SharedScheduleFake.Settled(1, MINUTE, List.of()));
    assertThat(schedule.dueAt(1)).isEqualTo(clock.instant().plus(MINUTE));
    on.set(true);
    driver.tick(MINUTE_AND_A_POLL);
    assertThat(runs.ids).containsExactly(1L);
  }

  @Test
  void aRunThatFailsGivesItsClaimBackWithTheNextRound() {
    schedule.due(1).due(2);
    runs.behaviours.put(
        1L,
        id -> {
          throw new MonitorNotFoundException(id);
        });
    runs.behaviours.put(
        2L,
        id -> {
          throw new IllegalStateException("probe exploded");
        });
    ManualScheduler driver = driver().build();
    driver.scheduler().start();

    driver.runDue();

    assertThat(schedule.completed).isEmpty();
    assertThat(schedule.givenBack)
        .extracting(SharedScheduleFake.Settled::monitorId)
        .containsExactly(1L, 2L);
    assertThat(driver.inFlightGuard().count()).isZero();
    driver.tick(MINUTE_AND_A_POLL);
    assertThat(runs.ids).containsExactly(1L, 2L, 1L, 2L);
  }

  @Test
  void resultsOfAClaimTakenOverAreRefusedAndCounted() {
    schedule.due(1);
    schedule.refuseCompletions = true;
    ManualScheduler driver = driver().build();
    driver.scheduler().start();

    driver.runDue();

    assertThat(runs.stored).containsExactly(false);
    assertThat(driver.meterRegistry().find(MonitorScheduler.METER_CLUSTER_FENCED).counter().count())
        .isEqualTo(1);
    assertThat(schedule.givenBack).isEmpty();
  }

  @Test
  void coordinatorFailuresAreCountedAndTriedAgainAtTheNextPoll() {
    schedule.due(1);
    for (Call call : List.of(Call.JOIN, Call.HEARTBEAT, Call.CLAIM)) {
      schedule.failing(call, true);
    }
    ManualScheduler driver = driver().build();
    driver.scheduler().start();

    driver.runDue();
    driver.tick(Duration.ofSeconds(3));

    assertThat(runs.ids).isEmpty();
    for (String step : List.of("join", "heartbeat", "claim")) {
      assertThat(counter(driver, MonitorScheduler.METER_CLUSTER_FAILURES, "step", step))
          .isGreaterThanOrEqualTo(2);
    }
    assertThat(counter(driver, MonitorScheduler.METER_CLUSTER_FAILURES, "step", "complete"))
        .isZero();
    for (Call call : List.of(Call.JOIN, Call.HEARTBEAT, Call.CLAIM)) {
      schedule.failing(call, false);
    }
    driver.tick(Duration.ofSeconds(2));
    assertThat(schedule.joins).isEqualTo(1);
    assertThat(runs.ids).containsExactly(1L);
    assertThat(driver.scheduler().state()).isEqualTo(MonitorScheduler.State.RUNNING);
  }

  @Test
  void aCompletionThatFailsIsCountedAndTheClaimGivenBack() {
    schedule.due(1);
    schedule.failing(Call.COMPLETE, true);
    ManualScheduler driver = driver().build();
    driver.scheduler().start();

    driver.runDue();

    assertThat(runs.ids).containsExactly(1L);
    assertThat(runs.stored).isEmpty();
    assertThat(counter(driver, MonitorScheduler.METER_CLUSTER_FAILURES, "step", "complete"))
        .isEqualTo(1);
    assertThat(schedule.givenBack)
        .extracting(SharedScheduleFake.Settled::nextRound)
        .containsExactly(MINUTE);
  }

  @Test
  void stopCancelsThePollAndLeavesTheCluster() {
    ManualScheduler driver = driver().build();
    driver.scheduler().start();
    driver.runDue();

    driver.scheduler().stop();
    driver.scheduler().stop();

    assertThat(schedule.leaves).isEqualTo(1);
    assertThat(driver.timer().pendingCount()).isZero();
    schedule.due(1);
    driver.tick(MINUTE);
    assertThat(runs.ids).isEmpty();
  }

  @Test
  void aFailingLeaveIsCounted() {
    schedule.failing(Call.LEAVE, true);
    ManualScheduler driver = driver().build();
    driver.scheduler().start();

    driver.scheduler().stop();

    assertThat(counter(driver, MonitorScheduler.METER_CLUSTER_FAILURES, "step", "leave"))
        .isEqualTo(1);
    assertThat(driver.scheduler().state()).isEqualTo(MonitorScheduler.State.STOPPED);
  }

  @Test
  void editsMakeAMonitorDueWhenATimerWouldHaveFired() {
    ManualScheduler driver = driver().build();
    MonitorScheduler scheduler = driver.scheduler();
    Monitor m = monitor(1);

    scheduler.schedule(m);
    scheduler.updated(m.config(), Monitors.of(1, StoreFixtures.monitor().name("renamed")), false);
    scheduler.updated(m.config(), m, true);
    scheduler.updated(m.config(), monitor(1, 120, 0), false);
    scheduler.updated(
        m.config(),
        Monitors.of(1, StoreFixtures.monitor().name("monitor 1").enabled(false)),
        false);
    scheduler.schedule(Monitors.decryptFailed(1));

    assertThat(schedule.dueNow).containsExactly(1L, 1L, 1L);
    schedule.failing(Call.DUE_NOW, true);
    scheduler.schedule(m);
    assertThat(counter(driver, MonitorScheduler.METER_CLUSTER_FAILURES, "step", "due_now"))
        .isEqualTo(1);
  }

  @Test
  void aManualRunTakesTheLeaseAndCompletesIt() {
    ManualScheduler driver = driver().build();
    driver.scheduler().start();
    ResultWriter local =
        (id, rows, at) -> {
          throw new AssertionError("cluster mode writes under the claim");
        };

    boolean stored =
        driver
            .scheduler()
            .runManually(
                1,
                local,
                results ->
                    results.write(
                        1, List.of(StoreFixtures.result(clock.instant()).of(1)), clock.instant()));

    assertThat(stored).isTrue();
    assertThat(schedule.completed)
        .extracting(SharedScheduleFake.Settled::monitorId)
        .containsExactly(1L);
    assertThat(counter(driver, MonitorScheduler.METER_CLUSTER_CLAIMS, "kind", "manual"))
        .isEqualTo(1);
    schedule.leasedElsewhere(2);
    assertThatThrownBy(() -> driver.scheduler().runManually(2, local, results -> true))
        .isInstanceOf(ChannelMonitorException.class)
        .extracting(e -> ((ChannelMonitorException) e).reason())
        .isEqualTo(Reason.CHANNEL_MONITOR_RUN_IN_PROGRESS);
    assertThat(driver.inFlightGuard().count()).isZero();
    driver.scheduler().runManually(3, local, results -> true);
    assertThat(schedule.givenBack)
        .extracting(SharedScheduleFake.Settled::monitorId)
        .containsExactly(3L);
  }

  @Test
  void withoutClusterModeAManualRunWritesWhereTheCallerSays() {
    ManualScheduler driver = ManualScheduler.builder(List::of, id -> {}).clock(clock).build();
    List<Long> written = new ArrayList<>();

    boolean stored =
        driver
            .scheduler()
            .runManually(
                4,
                (id, rows, at) -> written.add(id),
                results -> results.write(4, List.of(), clock.instant()));

    assertThat(stored).isTrue();
    assertThat(written).containsExactly(4L);
  }

  @Test
  void aSharedScheduleNeedsAClaimedRunAction() {
    assertThatThrownBy(
            () -> ManualScheduler.builder(List::of, id -> {}).coordinator(schedule).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("claimedRunAction");
  }
}
