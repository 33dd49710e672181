package io.channelmonitor.schedule;

import io.channelmonitor.store.ResultRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ClusterCoordinator} for cluster mode: every monitor's next due time and the lease of
 * each run live in a store that all instances share, such as the JDBC coordinator of {@code
 * channel-monitor-jdbc}. With one, {@link MonitorScheduler} arms no timer per monitor. Every {@link
 * #pollInterval()} it calls {@link #heartbeat()}, then {@link #claimDue(int)} for at most as many
 * runs as it has free workers, runs them, and hands each run's results to {@link #complete}, which
 * stores them, frees the lease and sets the next due time in one step, fenced by the claim: an
 * instance that froze while its lease was taken over stores nothing when it wakes up.
 *
 * <p><b>Time.</b> Due times and leases follow the shared store's clock, never an instance's, so
 * instance clocks that disagree cannot run a check twice. Durations given here (the next round, the
 * lease) are lengths, added to the store's "now".
 *
 * <p><b>Failures.</b> Any method may throw (the store is down): the scheduler logs the failure,
 * counts it ({@code channel.monitor.cluster.failures}, tag {@code step}) and carries on at the next
 * poll. A claim that could be neither completed nor given back expires with its lease, and another
 * instance runs the check again.
 *
 * <p>{@link #tryClaim} and {@link #release(long)} serve per-monitor timers, which this coordinator
 * replaces: the scheduler does not call them, and should anything else, {@code tryClaim} refuses so
 * that a timer can never run a check that the shared schedule runs too.
 */
public interface SharedScheduleCoordinator extends ClusterCoordinator {
  /** Refuses: in cluster mode a run is claimed with {@link #claimDue}, never per timer. */
  @Override
  default boolean tryClaim(long monitorId, Instant dueAt) {
    return false;
  }

  /** Does nothing: nothing is claimed with {@link #tryClaim}. */
  @Override
  default void release(long monitorId) {
    // nothing was held
  }

  /** How often the scheduler polls; each wait is drawn between 0.5 and 1.5 times this. */
  Duration pollInterval();

  /**
   * Joins the cluster: registers this instance and gives every monitor that has no due time yet
   * one, spread uniformly over its interval. Called at the scheduler's first poll, and at the next
   * ones while it fails.
   */
  void join();

  /**
   * Called at every poll: keeps this instance registered and the leases of its running claims from
   * expiring. An implementation writes as often as it needs, not necessarily at every call.
   *
   * @return how many instances are alive, this one included (at least 1)
   */
  int heartbeat();

  /**
   * Claims due runs for this instance: enabled monitors whose due time has passed and whose lease
   * is free, earliest first, at most {@code max} and at most this instance's fair share of the due
   * runs among the live instances.
   *
   * @return the claims, each leased to this instance; empty when {@code max <= 0}
   */
  List<RunClaim> claimDue(int max);

  /**
   * Claims the lease of one monitor for a manual run, whether it is due or not, enabled or not.
   *
   * @return empty while an instance (this one included) holds its lease, or when it does not exist
   */
  Optional<RunClaim> claimNow(long monitorId);

  /**
   * In one step, and only while the claim is still this instance's: stores the results, records the
   * monitor as checked at {@code checkedAt}, frees the lease and, when the due time is still the
   * claim's, sets it to now + {@code nextRound}.
   *
   * @return false when nothing was stored: the claim was taken over, or the monitor was deleted
   */
  boolean complete(
      RunClaim claim, List<ResultRecord> results, Instant checkedAt, Duration nextRound);

  /**
   * Gives a claim back without results: frees the lease and, when the due time is still the
   * claim's, sets it to now + {@code nextRound} ({@link Duration#ZERO}: at once, so that another
   * instance may take it). Does nothing when the claim was taken over.
   */
  void giveBack(RunClaim claim, Duration nextRound);

  /**
   * The monitor falls due now: it was created or enabled here, or its probe or key changed. Creates
   * its due time when it has none; a run in progress keeps its lease and the monitor runs again
   * after it.
   */
  void dueNow(long monitorId);

  /**
   * Leaves the cluster: gives back the claims still held (due at once) and deregisters this
   * instance. Called once, when the scheduler stops.
   */
  void leave();
}
