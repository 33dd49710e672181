package io.channelmonitor.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Keeps daily rollups: per (monitor, model, UTC day) counts computed from the raw results. */
public interface RollupStore {
  /**
   * Computes the rollups of one UTC day from the stored results with {@code day 00:00Z <= checkedAt
   * < day+1 00:00Z} and writes them, replacing (never adding to) rows of the same (monitor, model,
   * day). Running it twice gives the same rows. Rows of pairs without results that day are left as
   * they are.
   *
   * @return how many rollup rows were written
   */
  int rollUpDay(LocalDate day);

  /** The rollup rows of the given monitors with {@code from <= day <= to}. */
  List<DailyRollup> rollups(Collection<Long> monitorIds, LocalDate from, LocalDate to);

  /**
   * The rollups of the given monitors with {@code from <= day <= to}, summed per (monitor, model).
   * Pairs without rows are left out.
   */
  List<ModelCounts> sumRollups(Collection<Long> monitorIds, LocalDate from, LocalDate to);

  /**
   * Deletes at most {@code batchSize} rollup rows with {@code day < before}.
   *
   * @return how many were deleted; the caller repeats until it gets 0
   */
  int pruneRollups(LocalDate before, int batchSize);
}
