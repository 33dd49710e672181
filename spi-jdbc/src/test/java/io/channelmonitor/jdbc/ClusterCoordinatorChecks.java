package io.channelmonitor.jdbc;

import static io.channelmonitor.testkit.store.StoreFixtures.monitor;
import static io.channelmonitor.testkit.store.StoreFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.StoreException;
import io.channelmonitor.schedule.RunClaim;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claims, completions and heartbeats of {@link JdbcClusterCoordinator}, run on each database:
 * every statement of cluster mode against the real SQL, with the database's clock. Each test uses
 * tables of its own prefix.
 */
abstract class ClusterCoordinatorChecks {
  static final Duration HOUR = Duration.ofHours(1);
  static final Duration SHORT_LEASE = Duration.ofMillis(600);

  final ManualClock clock = ManualClock.start();
  String prefix;
  JdbcStore store;
  ScheduleTable table;

  abstract TestDatabase db();

  abstract JdbcDialect expectedDialect();

  @BeforeEach
  void freshTables() {
    prefix = JdbcStoreChecks.uniquePrefix();
    store =
        JdbcStore.builder(db().dataSource())
            .tablePrefix(prefix)
            .clock(clock)
            .createSchemaIfMissing(true)
            .build();
    table = new ScheduleTable(db().dataSource(), expectedDialect(), prefix);
  }

  JdbcClusterCoordinator coordinator(String id, Duration lease) {
    return coordinator(id, lease, Clock.systemUTC());
  }

  JdbcClusterCoordinator coordinator(String id, Duration lease, Clock instanceClock) {
    return JdbcClusterCoordinator.builder(db().dataSource())
        .tablePrefix(prefix)
        .instanceId(id)
        .pollInterval(Duration.ofMillis(20))
        .heartbeatInterval(Duration.ofMillis(50))
        .leaseTime(lease)
        .clock(instanceClock)
        .build();
  }

  long dueMonitor() {
    long id = store.insertMonitor(monitor().interval(60, 0).record()).id();
    table.dueIn(id, -1_000);
    return id;
  }

  static List<ResultRecord> rows(long monitorId, Instant at) {
    return List.of(result(at).of(monitorId), result("gpt-extra", at).of(monitorId));
  }

  static <T> T await(Duration timeout, Supplier<Optional<T>> attempt) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = attempt.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("nothing within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void claimsEnabledMonitorsWhoseDueTimeHasPassedEarliestFirst() {
    long later = dueMonitor();
    long earlier = dueMonitor();
    table.dueIn(earlier, -5_000);
    long disabled = store.insertMonitor(monitor().enabled(false).record()).id();
    table.dueIn(disabled, -10_000);
    long notYet = store.insertMonitor(monitor().record()).id();
    table.dueIn(notYet, 60_000);
    JdbcClusterCoordinator a = coordinator("a", HOUR);

    List<RunClaim> claims = a.claimDue(10);

    assertThat(claims).extracting(RunClaim::monitorId).containsExactlyInAnyOrder(earlier, later);
    RunClaim first = claims.stream().filter(c -> c.monitorId() == earlier).findFirst().get();
    assertThat(first.token()).isEqualTo(1);
    assertThat(first.intervalSeconds()).isEqualTo(60);
    assertThat(first.dueAt()).isEqualTo(table.row(earlier).get().nextDueAt());
    ScheduleTable.Row row = table.row(earlier).get();
    assertThat(row.owner()).isEqualTo("a");
    assertThat(row.token()).isEqualTo(1);
    assertThat(row.leaseUntil()).isAfter(table.now().plus(Duration.ofMinutes(59)));
    assertThat(a.claimDue(10)).isEmpty();
    assertThat(a.claimDue(0)).isEmpty();
  }

  @Test
  void aClaimIsTakenOverOnlyAfterItsLeaseAndTheLateCompletionStoresNothing() throws Exception {
    long id = dueMonitor();
    JdbcClusterCoordinator frozen = coordinator("frozen", SHORT_LEASE);
    JdbcClusterCoordinator other = coordinator("other", SHORT_LEASE);
    RunClaim stale = frozen.claimDue(1).get(0);
    assertThat(other.claimDue(1)).isEmpty();

    RunClaim takeover = await(Duration.ofSeconds(20), () -> other.claimDue(1).stream().findFirst());

    assertThat(takeover.monitorId()).isEqualTo(id);
    assertThat(takeover.token()).isEqualTo(stale.token() + 1);
    assertThat(frozen.complete(stale, rows(id, clock.instant()), clock.instant(), HOUR)).isFalse();
    assertThat(table.results(id)).isZero();
    frozen.giveBack(stale, Duration.ZERO);
    assertThat(table.row(id).get().owner()).isEqualTo("other");
    assertThat(other.complete(takeover, rows(id, clock.instant()), clock.instant(), HOUR)).isTrue();
    assertThat(table.results(id)).isEqualTo(2);
    assertThat(store.findMonitor(id).get().lastCheckedAt()).isEqualTo(clock.instant());
  }

  @Test
  void completionStoresTheResultsFreesTheLeaseAndSetsTheNextRoundByTheDatabaseClock() {
    long id = dueMonitor();
    JdbcClusterCoordinator a = coordinator("a", HOUR);
    RunClaim claim = a.claimDue(1).get(0);
    Instant before = table.now();

    assertThat(
            a.complete(claim, rows(id, clock.instant()), clock.instant(), Duration.ofSeconds(90)))
        .isTrue();

    ScheduleTable.Row row = table.row(id).get();
    assertThat(row.owner()).isNull();
    assertThat(row.leaseUntil()).isNull();
    assertThat(row.nextDueAt()).isBetween(before.plusSeconds(90), table.now().plusSeconds(90));
    assertThat(table.results(id)).isEqualTo(2);
    assertThat(a.complete(claim, rows(id, clock.instant()), clock.instant(), HOUR)).isFalse();
    assertThat(table.results(id)).isEqualTo(2);
    assertThat(a.heldCount()).isZero();
  }

  @Test
  void aDueNowDuringTheRunIsKeptSoTheMonitorRunsAgainAfterIt() {
    long id = dueMonitor();
    JdbcClusterCoordinator a = coordinator("a", HOUR);
    RunClaim claim = a.claimDue(1).get(0);

    a.dueNow(id);
    assertThat(a.complete(claim, rows(id, clock.instant()), clock.instant(), HOUR)).isTrue();

    assertThat(table.row(id).get().nextDueAt()).isBeforeOrEqualTo(table.now());
    assertThat(a.claimDue(1)).extracting(RunClaim::monitorId).containsExactly(id);
  }

  @Test
  void givingBackFreesTheLeaseAndSetsTheNextRound() {
    long id = dueMonitor();
    JdbcClusterCoordinator a = coordinator("a", HOUR);
    JdbcClusterCoordinator b = coordinator("b", HOUR);

    a.giveBack(a.claimDue(1).get(0), Duration.ZERO);
    RunClaim again = b.claimDue(1).get(0);
    b.giveBack(again, HOUR);

    assertThat(again.token()).isEqualTo(2);
    ScheduleTable.Row row = table.row(id).get();
    assertThat(row.owner()).isNull();
    assertThat(row.nextDueAt()).isAfter(table.now().plus(Duration.ofMinutes(59)));
    assertThat(a.claimDue(1)).isEmpty();
    assertThat(table.results(id)).isZero();
  }

  @Test
  void aManualRunClaimsTheLeaseOfAnyMonitorOnce() {
    long disabled = store.insertMonitor(monitor().enabled(false).interval(30, 5).record()).id();
    JdbcClusterCoordinator a = coordinator("a", HOUR);
    JdbcClusterCoordinator b = coordinator("b", HOUR);

    RunClaim manual = a.claimNow(disabled).orElseThrow();

    assertThat(manual.intervalSeconds()).isEqualTo(30);
    assertThat(manual.jitterSeconds()).isEqualTo(5);
    assertThat(b.claimNow(disabled)).isEmpty();
    assertThat(a.claimNow(disabled)).isEmpty();
    assertThat(a.claimNow(disabled + 1000)).isEmpty();
    assertThat(a.complete(manual, rows(disabled, clock.instant()), clock.instant(), HOUR)).isTrue();
    assertThat(b.claimNow(disabled)).isPresent();
  }

  @Test
  void heartbeatsKeepTheLeasesOfHeldClaimsAlive() throws Exception {
    long id = dueMonitor();
    JdbcClusterCoordinator a = coordinator("a", SHORT_LEASE, clock);
    JdbcClusterCoordinator b = coordinator("b", SHORT_LEASE);
    RunClaim held = a.claimDue(1).get(0);

    long end = System.nanoTime() + SHORT_LEASE.multipliedBy(3).toNanos();
    while (System.nanoTime() < end) {
      clock.advance(Duration.ofMillis(100));
      a.heartbeat();
      assertThat(b.claimNow(id)).isEmpty();
      Thread.sleep(30);
    }

    assertThat(table.row(id).get().owner()).isEqualTo("a");
    RunClaim takeover = await(Duration.ofSeconds(20), () -> b.claimNow(id));
    assertThat(takeover.token()).isEqualTo(held.token() + 1);
    clock.advance(Duration.ofMillis(100));
    a.heartbeat();
    assertThat(table.row(id).get().owner()).isEqualTo("b");
  }

  @Test
  void liveInstancesShareTheDueRuns() {
    for (int i = 0; i < 30; i++) {
      dueMonitor();
    }
    JdbcClusterCoordinator a = coordinator("a", HOUR, clock);
    JdbcClusterCoordinator b = coordinator("b", HOUR, clock);
    JdbcClusterCoordinator c = coordinator("c", HOUR, clock);
    a.join();
    b.join();
    c.join();

    assertThat(a.heartbeat()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(a.heartbeat()).isEqualTo(3);
    assertThat(a.claimDue(100)).hasSize(10);
    assertThat(b.claimDue(4)).hasSize(4);
    assertThat(c.claimDue(100)).hasSize(6);
    c.leave();
    assertThat(table.instances()).isEqualTo(2);
    assertThat(c.heldCount()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(a.heartbeat()).isEqualTo(2);
    assertThat(a.claimDue(100)).hasSize(8);
  }

  @Test
  void concurrentInstancesClaimEveryDueRunExactlyOnce() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add(dueMonitor());
    }
    List<JdbcClusterCoordinator> instances = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      instances.add(coordinator("i" + i, HOUR));
    }
    Map<Long, Integer> runs = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(instances.size());
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (JdbcClusterCoordinator instance : instances) {
        done.add(threads.submit(() -> claimUntilNoneIsDue(instance, runs)));
      }
      int total = 0;
      for (Future<Integer> each : done) {
        int claimed = each.get(60, TimeUnit.SECONDS);
        total += claimed;
      }
      assertThat(total).isEqualTo(200);
    } finally {
      threads.shutdownNow();
    }
    assertThat(runs).hasSize(200).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    assertThat(ids).allSatisfy(id -> assertThat(table.results(id)).isEqualTo(2));
  }

  private int claimUntilNoneIsDue(JdbcClusterCoordinator instance, Map<Long, Integer> runs) {
    int claimed = 0;
    for (int empty = 0; empty < 3; ) {
      List<RunClaim> claims = instance.claimDue(7);
      empty = claims.isEmpty() ? empty + 1 : 0;
      for (RunClaim claim : claims) {
        runs.merge(claim.monitorId(), 1, Integer::sum);
        Instant at = Instant.now();
        assertThat(instance.complete(claim, rows(claim.monitorId(), at), at, HOUR)).isTrue();
        claimed++;
      }
    }
    return claimed;
  }

  @Test
  void joinGivesMonitorsWithoutADueTimeOneSpreadOverTheirInterval() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(store.insertMonitor(monitor().interval(600, 0).record()).id());
    }
    Instant before = table.now();

    coordinator("a", HOUR).join();

    List<Instant> due = ids.stream().map(id -> table.row(id).get().nextDueAt()).toList();
    Instant after = table.now();
    assertThat(due).allSatisfy(at -> assertThat(at).isBetween(before, after.plusSeconds(600)));
    Instant min = due.stream().min(Instant::compareTo).get();
    Instant max = due.stream().max(Instant::compareTo).get();
    assertThat(Duration.between(min, max)).isGreaterThan(Duration.ofSeconds(300));
    assertThat(table.row(ids.get(0)).get().token()).isZero();
  }

  @Test
  void instanceClocksDecideNoDueTimeAndNoLease() throws Exception {
    long id = store.insertMonitor(monitor().record()).id();
    table.dueIn(id, 600_000);
    JdbcClusterCoordinator ahead =
        coordinator("ahead", SHORT_LEASE, Clock.offset(Clock.systemUTC(), HOUR));
    JdbcClusterCoordinator behind =
        coordinator("behind", SHORT_LEASE, Clock.offset(Clock.systemUTC(), HOUR.negated()));

    assertThat(ahead.claimDue(1)).isEmpty();
    table.dueIn(id, -1);
    RunClaim claim = behind.claimDue(1).get(0);
    assertThat(ahead.claimDue(1)).isEmpty();
    assertThat(ahead.claimNow(id)).isEmpty();
    RunClaim takeover = await(Duration.ofSeconds(20), () -> ahead.claimDue(1).stream().findFirst());
    assertThat(takeover.token()).isEqualTo(claim.token() + 1);
  }

  @Test
  void aCompletionForADeletedMonitorStoresNothing() {
    long id = dueMonitor();
    JdbcClusterCoordinator a = coordinator("a", HOUR);
    RunClaim claim = a.claimDue(1).get(0);

    assertThat(store.deleteMonitor(id)).isTrue();

    assertThat(a.complete(claim, rows(id, clock.instant()), clock.instant(), HOUR)).isFalse();
    assertThat(table.row(id)).isEmpty();
  }

  @Test
  void aRefusedResultRollsTheCompletionBackAndKeepsTheClaim() {
    long id = dueMonitor();
    JdbcClusterCoordinator a = coordinator("a", HOUR);
    RunClaim claim = a.claimDue(1).get(0);
    List<ResultRecord> tooLong =
        List.of(result(clock.instant()).of(id), result("m".repeat(250), clock.instant()).of(id));

    assertThatThrownBy(() -> a.complete(claim, tooLong, clock.instant(), HOUR))
        .isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).kind())
        .isEqualTo(StoreException.Kind.REFUSED_VALUE);

    assertThat(table.results(id)).isZero();
    assertThat(table.row(id).get().owner()).isEqualTo("a");
    assertThat(store.findMonitor(id).get().lastCheckedAt()).isNull();
    a.giveBack(claim, Duration.ZERO);
    assertThat(a.claimDue(1)).hasSize(1);
  }

  @Test
  void buildChecksTheClusterTablesAndTheLengths() {
    table.execute("DROP TABLE " + prefix + "instances");

    assertThatThrownBy(() -> coordinator("a", HOUR))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("table " + prefix + "instances")
        .hasMessageContaining("JdbcClusterCoordinator with createSchemaIfMissing(true)");
    JdbcClusterCoordinator.Builder builder =
        JdbcClusterCoordinator.builder(db().dataSource()).tablePrefix(prefix);
    assertThatThrownBy(() -> builder.leaseTime(Duration.ofSeconds(14)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaseTime");
    assertThatThrownBy(
            () ->
                builder
                    .leaseTime(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(6))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("heartbeatInterval");
    assertThatThrownBy(() -> builder.instanceId(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.pollInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    JdbcClusterCoordinator created =
        builder.pollInterval(Duration.ofSeconds(1)).createSchemaIfMissing(true).build();
    assertThat(created.instanceId()).startsWith("channel-monitor-");
    assertThat(created.pollInterval()).isEqualTo(Duration.ofSeconds(1));
  }
}
