package io.channelmonitor.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where the results of one run go. A single instance writes them to its store ({@link
 * #to(ChannelMonitorStore)}); in cluster mode the scheduler hands each run a writer that stores the
 * results under the run's claim and refuses them when the claim was taken over by another instance.
 */
@FunctionalInterface
public interface ResultWriter {
  /**
   * Stores the results of one run of {@code monitorId} and records that it was checked at {@code
   * checkedAt}.
   *
   * @return true when stored; false when refused, nothing stored: the run's claim was taken over
   *     (another instance ran the check) or the monitor is gone
   * @throws io.channelmonitor.StoreException when the store fails
   */
  boolean write(long monitorId, List<ResultRecord> results, Instant checkedAt);

  /** A writer to {@code store}: {@link ChannelMonitorStore#recordRun}; it never refuses. */
  static ResultWriter to(ChannelMonitorStore store) {
    Objects.requireNonNull(store, "store");
    return (monitorId, results, checkedAt) -> {
      store.recordRun(monitorId, results, checkedAt);
      return true;
    };
  }
}
