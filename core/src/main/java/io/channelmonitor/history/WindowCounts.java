package io.channelmonitor.history;

import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.ResultStore;
import io.channelmonitor.store.RollupStore;
import io.channelmonitor.store.StatusCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The status counts of many monitors over several windows of UTC days, read from the two sources
 * with at most one read each, whatever the number of monitors and windows.
 *
 * <p>A window of N days covers the days {@code today - N + 1 .. today}. Days up to the watermark
 * come from rollups, later instants from raw results, so no day is counted twice and the figure is
 * right before the nightly job has run. All windows end today, so their rollup parts share their
 * last day (the watermark) and their raw parts share their end (the end of today): one {@code
 * sumRollupsFrom} reads the rollup part of every window, one {@code countResultsFrom} the raw part
 * of every window, each summed per (monitor, model) by the store. A read therefore returns at most
 * one row per (monitor, model) and window, never one per day.
 *
 * <p>Reads: no rollup read without a watermark or when no window reaches back to it; no raw read
 * when the watermark is today or later.
 */
final class WindowCounts {
  private final Map<Integer, Sources> sourcesByWindow = new HashMap<>();

  private WindowCounts(
      Map<Integer, Starts> startsByWindow,
      Map<LocalDate, Map<ModelKey, StatusCounts>> rollupSums,
      Map<Instant, Map<ModelKey, StatusCounts>> rawCounts) {
    startsByWindow.forEach(
        (days, starts) ->
            sourcesByWindow.put(
                days,
                new Sources(
                    rollupSums.getOrDefault(starts.firstDay(), Map.of()),
                    rawCounts.getOrDefault(starts.rawStart(), Map.of()))));
  }

  /**
   * Reads the counts of {@code monitorIds} for every window in {@code windows} (lengths in days).
   */
  static <S extends ResultStore & RollupStore> WindowCounts read(
      S store,
      Collection<Long> monitorIds,
      SortedSet<Integer> windows,
      LocalDate today,
      Optional<LocalDate> watermark) {
    Map<Integer, Starts> startsByWindow = new HashMap<>();
    // Days after today cannot have rollups; a watermark past today (a clock moved back) stops
    // there.
    LocalDate rollupEnd = watermark.map(day -> day.isAfter(today) ? today : day).orElse(null);
    Instant rawFloor = watermark.map(day -> startOf(day.plusDays(1))).orElse(Instant.MIN);
    Instant end = startOf(today.plusDays(1));
    Set<LocalDate> rollupStarts = new TreeSet<>();
    Set<Instant> rawStarts = new TreeSet<>();
    for (int days : windows) {
      LocalDate first = today.minusDays(days - 1L);
      Instant rawStart = max(startOf(first), rawFloor);
      startsByWindow.put(days, new Starts(first, rawStart));
      if (rollupEnd != null && !first.isAfter(rollupEnd)) {
        rollupStarts.add(first);
      }
      if (rawStart.isBefore(end)) {
        rawStarts.add(rawStart);
      }
    }
    Map<LocalDate, Map<ModelKey, StatusCounts>> rollupSums = new HashMap<>();
    Map<Instant, Map<ModelKey, StatusCounts>> rawCounts = new HashMap<>();
    if (!rollupStarts.isEmpty()) {
      store
          .sumRollupsFrom(monitorIds, rollupStarts, rollupEnd)
          .forEach((from, rows) -> rollupSums.put(from, index(rows)));
    }
    if (!rawStarts.isEmpty()) {
      store
          .countResultsFrom(monitorIds, rawStarts, end)
          .forEach((from, rows) -> rawCounts.put(from, index(rows)));
    }
    return new WindowCounts(startsByWindow, rollupSums, rawCounts);
  }

  /** The counts of one model of one monitor over the window of {@code days}. */
  StatusCounts of(int days, ModelKey key) {
    Sources sources = sourcesByWindow.get(days);
    return sources
        .rollups()
        .getOrDefault(key, StatusCounts.ZERO)
        .plus(sources.raw().getOrDefault(key, StatusCounts.ZERO));
  }

  private static Map<ModelKey, StatusCounts> index(List<ModelCounts> rows) {
    Map<ModelKey, StatusCounts> byKey = new HashMap<>();
    for (ModelCounts row : rows) {
      byKey.merge(new ModelKey(row.monitorId(), row.model()), row.counts(), StatusCounts::plus);
    }
    return byKey;
  }

  static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Where one window starts: its first UTC day, and the first instant read from raw results. */
  private record Starts(LocalDate firstDay, Instant rawStart) {}

  /** The counts of one window's two parts, by (monitor, model). */
  private record Sources(Map<ModelKey, StatusCounts> rollups, Map<ModelKey, StatusCounts> raw) {}
}
