package io.channelmonitor.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps check results: one row per model per run. A {@code limit} below 1 or an empty time range
 * gives an empty list; duplicate ids in a collection are ignored.
 */
public interface ResultStore {
  /**
   * Stores the results of one run, all or none. Results of a monitor that no longer exists are
   * dropped without error. Ids are positive and increase with insertion order; the given ids are
   * ignored.
   */
  void insertResults(List<ResultRecord> results);

  /**
   * For each monitor in {@code modelsByMonitor} and each model it maps to, the newest result of
   * that model (by checkedAt, then id). Models without results, and results of models not asked
   * for, are left out; duplicate models are ignored. One read for any number of monitors; the order
   * of the list is unspecified. The models are part of the question so that a database can answer
   * each (monitor, model) from its index instead of ranking every stored row.
   *
   * @param modelsByMonitor the models to read per monitor id; no null key, collection or model
   */
  List<ResultRecord> latestPerModel(Map<Long, ? extends Collection<String>> modelsByMonitor);

  /**
   * For each monitor in {@code modelByMonitor}, the newest {@code limit} results of the model it
   * maps to, ordered by monitor id ascending, then newest first. One read for any number of
   * monitors.
   */
  List<ResultRecord> newestResults(Map<Long, String> modelByMonitor, int limit);

  /**
   * {@link #newestResults} narrowed to what a timeline shows: the same rows in the same order, each
   * as a {@link ResultPoint}. A store that can read fewer columns overrides it; the default maps
   * {@link #newestResults}.
   */
  default List<ResultPoint> newestPoints(Map<Long, String> modelByMonitor, int limit) {
    List<ResultRecord> rows = newestResults(modelByMonitor, limit);
    List<ResultPoint> points = new ArrayList<>(rows.size());
    rows.forEach(row -> points.add(ResultPoint.of(row)));
    return points;
  }

  /**
   * The newest {@code limit} results of one monitor, newest first (checkedAt, then id), of one
   * model or, when {@code model} is null, of all.
   */
  List<ResultRecord> history(long monitorId, String model, int limit);

  /**
   * Counts the results of the given monitors per (monitor, model) over several ranges that share
   * their end: for each {@code from} in {@code froms}, the results with {@code from <= checkedAt <
   * to}. One read for any number of monitors and ranges, so that a database scans the widest range
   * once instead of once per range.
   *
   * @param froms the starts of the ranges; duplicates are ignored
   * @return one entry per distinct start, holding the counts of its range; a pair without results
   *     in a range is left out of that range's list, and a start not before {@code to} maps to an
   *     empty list
   */
  Map<Instant, List<ModelCounts>> countResultsFrom(
      Collection<Long> monitorIds, Collection<Instant> froms, Instant to);

  /**
   * Counts the results of the given monitors with {@code from <= checkedAt < to}, per (monitor,
   * model). Pairs without results are left out. {@link #countResultsFrom} with one start.
   */
  default List<ModelCounts> countResults(Collection<Long> monitorIds, Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    return countResultsFrom(monitorIds, List.of(from), to).get(from);
  }

  /**
   * Deletes at most {@code batchSize} results with {@code checkedAt < before}, oldest first.
   *
   * @return how many were deleted; the caller repeats until it gets 0
   */
  int pruneResults(Instant before, int batchSize);
}
