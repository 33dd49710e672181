package io.channelmonitor.testkit.schedule;

import io.channelmonitor.schedule.RunClaim;
import io.channelmonitor.schedule.SharedScheduleCoordinator;
import io.channelmonitor.store.ResultRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A shared schedule in memory for the scheduler's cluster-mode tests: due times and leases by a
 * clock the test moves, fencing by owner and token as the JDBC coordinator does, every call
 * recorded, and any call made to fail on demand.
 */
final class SharedScheduleFake implements SharedScheduleCoordinator {
  static final Duration POLL = Duration.ofSeconds(1);
  static final Duration LEASE = Duration.ofSeconds(30);

  enum Call {
    JOIN,
    HEARTBEAT,
    CLAIM,
    COMPLETE,
    GIVE_BACK,
    DUE_NOW,
    LEAVE
  }

  /** A completion or give-back as the scheduler asked for it. */
  record Settled(long monitorId, Duration nextRound, List<ResultRecord> results) {}

  private static final class Row {
    int interval = 60;
    int jitter;
    boolean enabled = true;
    Instant due;
    String owner;
    Instant leaseUntil;
    long token;
  }

  private final Clock clock;
  private final String self;
  private final Map<Long, Row> rows = new TreeMap<>();
  private final Set<Call> failing = EnumSet.noneOf(Call.class);
  final List<Integer> claimLimits = new ArrayList<>();
  final List<Settled> completed = new ArrayList<>();
  final List<Settled> givenBack = new ArrayList<>();
  final List<Long> dueNow = new ArrayList<>();
  int joins;
  int heartbeats;
  int leaves;
  boolean refuseCompletions;

  SharedScheduleFake(Clock clock, String self) {
    this.clock = clock;
    this.self = self;
  }

  /** A monitor due now. */
  synchronized SharedScheduleFake due(long monitorId) {
    rows.computeIfAbsent(monitorId, id -> new Row()).due = clock.instant();
    return this;
  }

  synchronized SharedScheduleFake disable(long monitorId) {
    rows.get(monitorId).enabled = false;
    return this;
  }

  /** Another instance holds the lease of the monitor. */
  synchronized SharedScheduleFake leasedElsewhere(long monitorId) {
    Row row = rows.computeIfAbsent(monitorId, id -> new Row());
    row.owner = "elsewhere";
    row.leaseUntil = clock.instant().plus(LEASE);
    row.token++;
    return this;
  }

  synchronized void failing(Call call, boolean fails) {
    if (fails) {
      failing.add(call);
    } else {
      failing.remove(call);
    }
  }

  synchronized Optional<String> owner(long monitorId) {
    return Optional.ofNullable(rows.get(monitorId)).map(row -> row.owner);
  }

  synchronized Instant dueAt(long monitorId) {
    return rows.get(monitorId).due;
  }

  private void check(Call call) {
    if (failing.contains(call)) {
      throw new IllegalStateException(call + " failed: the database is down");
    }
  }

  @Override
  public Duration pollInterval() {
    return POLL;
  }

  @Override
  public synchronized void join() {
    check(Call.JOIN);
    joins++;
  }

  @Override
  public synchronized int heartbeat() {
    check(Call.HEARTBEAT);
    heartbeats++;
    return 2;
  }

  @Override
  public synchronized List<RunClaim> claimDue(int max) {
    check(Call.CLAIM);
    claimLimits.add(max);
    Instant now = clock.instant();
    List<RunClaim> claims = new ArrayList<>();
    for (Map.Entry<Long, Row> entry : rows.entrySet()) {
      Row row = entry.getValue();
      if (claims.size() < max && row.enabled && !row.due.isAfter(now) && free(row, now)) {
        claims.add(take(entry.getKey(), row, now));
      }
    }
    return claims;
  }

  private static boolean free(Row row, Instant now) {
    return row.leaseUntil == null || !row.leaseUntil.isAfter(now);
  }

  private RunClaim take(long monitorId, Row row, Instant now) {
    row.owner = self;
    row.leaseUntil = now.plus(LEASE);
    row.token++;
    return new RunClaim(monitorId, row.token, row.due, row.interval, row.jitter);
  }

  @Override
  public synchronized Optional<RunClaim> claimNow(long monitorId) {
    check(Call.CLAIM);
    Row row = rows.computeIfAbsent(monitorId, id -> new Row());
    if (row.due == null) {
      row.due = clock.instant();
    }
    return free(row, clock.instant())
        ? Optional.of(take(monitorId, row, clock.instant()))
        : Optional.empty();
  }

  @Override
  public synchronized boolean complete(
      RunClaim claim, List<ResultRecord> results, Instant checkedAt, Duration nextRound) {
    check(Call.COMPLETE);
    if (refuseCompletions || !settle(claim, nextRound)) {
      return false;
    }
    completed.add(new Settled(claim.monitorId(), nextRound, List.copyOf(results)));
    return true;
  }

  @Override
  public synchronized void giveBack(RunClaim claim, Duration nextRound) {
    check(Call.GIVE_BACK);
    if (settle(claim, nextRound)) {
      givenBack.add(new Settled(claim.monitorId(), nextRound, List.of()));
    }
  }

  private boolean settle(RunClaim claim, Duration nextRound) {
    Row row = rows.get(claim.monitorId());
    if (row == null || !self.equals(row.owner) || row.token != claim.token()) {
      return false;
    }
    row.owner = null;
    row.leaseUntil = null;
    if (row.due.equals(claim.dueAt())) {
      row.due = clock.instant().plus(nextRound);
    }
    return true;
  }

  @Override
  public synchronized void dueNow(long monitorId) {
    check(Call.DUE_NOW);
    dueNow.add(monitorId);
    rows.computeIfAbsent(monitorId, id -> new Row()).due = clock.instant();
  }

  @Override
  public synchronized void leave() {
    check(Call.LEAVE);
    leaves++;
    for (Row row : rows.values()) {
      if (self.equals(row.owner)) {
        row.owner = null;
        row.leaseUntil = null;
      }
    }
  }
}
