package io.channelmonitor.store;

import io.channelmonitor.MonitorQuery;
import io.channelmonitor.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps monitors. Implementations only read and write; every rule lives in the core. */
public interface MonitorStore {
  /**
   * Stores a new monitor and returns it with its new id and version 1. Ids are positive and
   * increase with insertion order; the given id and version are ignored.
   */
  MonitorRecord insertMonitor(MonitorRecord monitor);

  /**
   * Replaces config, apiKeyCiphertext and updatedAt of the stored monitor with the same id, when
   * its stored version equals {@code monitor.version()}, and increments the version; id, createdAt
   * and lastCheckedAt (owned by {@link #markChecked}) are kept, so a run that finishes during an
   * edit is not lost.
   *
   * @return the stored monitor, or empty when no monitor has that id
   * @throws StaleMonitorException when the stored version differs: someone else changed it since it
   *     was read; nothing was written
   */
  Optional<MonitorRecord> updateMonitor(MonitorRecord monitor);

  /**
   * Deletes a monitor together with its results and rollups.
   *
   * @return whether a monitor was deleted
   */
  boolean deleteMonitor(long id);

  Optional<MonitorRecord> findMonitor(long id);

  /** Monitors matching the query's filters, ordered by id descending, one page of them. */
  Page<MonitorRecord> listMonitors(MonitorQuery query);

  /** Every enabled monitor, ordered by id ascending. */
  List<MonitorRecord> listEnabledMonitors();

  /** Records that a run of the monitor finished at {@code at}; does nothing when it is gone. */
  void markChecked(long id, Instant at);
}
