package io.channelmonitor.schedule;

import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.store.ResultWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run claimed from a {@link SharedScheduleCoordinator}: its results go through {@link #writer()},
 * which completes the claim; a run that did not complete gives its claim back with the monitor's
 * next round, and one that never started gives it back due at once.
 */
final class ClaimedRun implements DueRun {
  /** The delay of a monitor's next round, as {@link RoundDelays#nextRound} draws it. */
  @FunctionalInterface
  interface NextRound {
    Duration after(int intervalSeconds, int jitterSeconds);
  }

  private final RunClaim claim;
  private final SharedScheduleCoordinator coordinator;
  private final ClaimedRunAction action;
  private final ClusterCalls calls;
  private final NextRound nextRound;
  private final AtomicBoolean settled = new AtomicBoolean();

  /**
   * @param action the scheduled run, or null for a manual run, which uses {@link #writer()} only
   */
  ClaimedRun(
      RunClaim claim,
      SharedScheduleCoordinator coordinator,
      ClaimedRunAction action,
      ClusterCalls calls,
      NextRound nextRound) {
    this.claim = claim;
    this.coordinator = coordinator;
    this.action = action;
    this.calls = calls;
    this.nextRound = nextRound;
  }

  @Override
  public long monitorId() {
    return claim.monitorId();
  }

  /** Already claimed by the poll. */
  @Override
  public boolean claim() {
    return true;
  }

  @Override
  public void skipped() {
    giveBack(next());
  }

  @Override
  public void run() {
    action.run(claim.monitorId(), writer());
  }

  @Override
  public void unrunnable() {
    // the claim is given back when the run ends; another instance may be able to run it
  }

  @Override
  public void ended(boolean dropped) {
    giveBack(dropped ? Duration.ZERO : next());
  }

  /** Where the run's results go: {@link SharedScheduleCoordinator#complete}, once. */
  ResultWriter writer() {
    return this::complete;
  }

  private boolean complete(long monitorId, List<ResultRecord> results, Instant checkedAt) {
    if (monitorId != claim.monitorId()) {
      throw new IllegalArgumentException(
          "results of monitor " + monitorId + " under the claim of " + claim.monitorId());
    }
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    boolean stored;
    try {
      stored = coordinator.complete(claim, results, checkedAt, next());
      calls.succeeded(ClusterStep.COMPLETE);
    } catch (RuntimeException e) {
      settled.set(false);
      calls.failed(ClusterStep.COMPLETE, e);
      throw e;
    }
    if (!stored) {
      calls.fenced(monitorId);
    }
    return stored;
  }

  private void giveBack(Duration delay) {
    if (settled.compareAndSet(false, true)) {
      calls.guard(ClusterStep.GIVE_BACK, () -> coordinator.giveBack(claim, delay));
    }
  }

  private Duration next() {
    return nextRound.after(claim.intervalSeconds(), claim.jitterSeconds());
  }
}
