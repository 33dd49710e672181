package io.channelmonitor.store;

import java.time.LocalDate;
import java.util.Optional;

/** Keeps the maintenance state: the last UTC day whose rollups are complete. */
public interface MaintenanceStore {
  /** The last rolled-up UTC day, or empty when no day was rolled up yet. */
  Optional<LocalDate> rollupWatermark();

  void setRollupWatermark(LocalDate day);
}
