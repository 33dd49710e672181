package io.channelmonitor.store;

import io.channelmonitor.internal.RunResults;
import java.time.Instant;
import java.util.List;

/**
 * Everything the library stores, as one object: {@code InMemoryStore}, {@code JdbcStore} and {@code
 * JpaStore} implement it. Every implementation passes the contract suite in the testkit. Methods
 * throw {@link io.channelmonitor.StoreException} when the store fails.
 */
public interface ChannelMonitorStore
    extends MonitorStore, ResultStore, RollupStore, MaintenanceStore, LockStore {

  /**
   * Stores the results of one run of monitor {@code monitorId} and sets its lastCheckedAt to {@code
   * checkedAt}. A monitor that no longer exists gets nothing stored, without error. The default is
   * {@link #insertResults} then {@link #markChecked}; a database store overrides it to do both in
   * one transaction (one commit per run instead of two).
   *
   * @param results the run's results, every one of monitor {@code monitorId}
   * @throws IllegalArgumentException when a result belongs to another monitor
   */
  default void recordRun(long monitorId, List<ResultRecord> results, Instant checkedAt) {
    insertResults(RunResults.of(monitorId, results, checkedAt));
    markChecked(monitorId, checkedAt);
  }

  /** Whether data outlives the JVM. A persistent store needs a host-supplied secret key. */
  default boolean persistent() {
    return true;
  }
}
