package io.channelmonitor.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
   * The rollups of the given monitors summed per (monitor, model) over several day ranges that
   * share their last day: for each {@code from} in {@code froms}, the rows with {@code from <= day
   * <= to}. One read for any number of monitors and ranges, so that a database scans the widest
   * range once instead of once per range.
   *
   * @param froms the first days of the ranges; duplicates are ignored
   * @return one entry per distinct first day, holding the sums of its range; a pair without rows in
   *     a range is left out of that range's list, and a first day after {@code to} maps to an empty
   *     list
   */
  Map<LocalDate, List<ModelCounts>> sumRollupsFrom(
      Collection<Long> monitorIds, Collection<LocalDate> froms, LocalDate to);

  /**
   * The rollups of the given monitors with {@code from <= day <= to}, summed per (monitor, model).
   * Pairs without rows are left out. {@link #sumRollupsFrom} with one first day.
   */
  default List<ModelCounts> sumRollups(Collection<Long> monitorIds, LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    return sumRollupsFrom(monitorIds, List.of(from), to).get(from);
  }

  /**
   * Deletes at most {@code batchSize} rollup rows with {@code day < before}.
   *
   * @return how many were deleted; the caller repeats until it gets 0
   */
  int pruneRollups(LocalDate before, int batchSize);
}
