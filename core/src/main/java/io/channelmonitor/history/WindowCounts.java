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
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The status counts of many monitors over several windows of UTC days, read from the two sources
 * with as few reads as the windows need, whatever the number of monitors.
 *
 * <p>A window of N days covers the days {@code today - N + 1 .. today}. Days up to the watermark
 * come from rollups, later instants from raw results, so no day is counted twice and the figure is
 * right before the nightly job has run. The window starts cut both sources into disjoint segments:
 * rollup segments {@code [start_i, start_i+1 - 1 day]} ending at the watermark, raw segments {@code
 * [start_i, start_i+1)} ending at the end of today. Each segment is read once, summed per (monitor,
 * model) by the store, and a window is the sum of the segments from its start on. So a read returns
 * at most one row per (monitor, model), never one per day.
 *
 * <p>Reads: one {@code sumRollups} per distinct window start on or before the watermark, one {@code
 * countResults} per distinct start of the raw part (one when the watermark is yesterday, since
 * every window's raw part is then today). Both are at most the number of windows.
 */
final class WindowCounts {
  private final Map<Integer, Starts> startsByWindow = new HashMap<>();
  private final NavigableMap<LocalDate, Map<ModelKey, StatusCounts>> rollupSegments =
      new TreeMap<>();
  private final NavigableMap<Instant, Map<ModelKey, StatusCounts>> rawSegments = new TreeMap<>();

  private WindowCounts() {}

  /**
   * Reads the counts of {@code monitorIds} for every window in {@code windows} (lengths in days).
   */
  static <S extends ResultStore & RollupStore> WindowCounts read(
      S store,
      Collection<Long> monitorIds,
      SortedSet<Integer> windows,
      LocalDate today,
      Optional<LocalDate> watermark) {
    WindowCounts counts = new WindowCounts();
    // Days after today cannot have rollups; a watermark past today (a clock moved back) stops
    // there.
    LocalDate rollupEnd = watermark.map(day -> day.isAfter(today) ? today : day).orElse(null);
    Instant rawFloor = watermark.map(day -> startOf(day.plusDays(1))).orElse(Instant.MIN);
    Instant end = startOf(today.plusDays(1));
    NavigableSet<LocalDate> rollupStarts = new TreeSet<>();
    NavigableSet<Instant> rawStarts = new TreeSet<>();
    for (int days : windows) {
      LocalDate first = today.minusDays(days - 1L);
      Instant rawStart = max(startOf(first), rawFloor);
      counts.startsByWindow.put(days, new Starts(first, rawStart));
      if (rollupEnd != null && !first.isAfter(rollupEnd)) {
        rollupStarts.add(first);
      }
      if (rawStart.isBefore(end)) {
        rawStarts.add(rawStart);
      }
    }
    for (LocalDate from : rollupStarts) {
      LocalDate next = rollupStarts.higher(from);
      LocalDate to = next == null ? rollupEnd : next.minusDays(1);
      counts.rollupSegments.put(from, index(store.sumRollups(monitorIds, from, to)));
    }
    for (Instant from : rawStarts) {
      Instant next = rawStarts.higher(from);
      Instant to = next == null ? end : next;
      counts.rawSegments.put(from, index(store.countResults(monitorIds, from, to)));
    }
    return counts;
  }

  /** The counts of one model of one monitor over the window of {@code days}. */
  StatusCounts of(int days, ModelKey key) {
    Starts starts = startsByWindow.get(days);
    StatusCounts sum = StatusCounts.ZERO;
    for (Map<ModelKey, StatusCounts> segment :
        rollupSegments.tailMap(starts.firstDay(), true).values()) {
      sum = sum.plus(segment.getOrDefault(key, StatusCounts.ZERO));
    }
    for (Map<ModelKey, StatusCounts> segment :
        rawSegments.tailMap(starts.rawStart(), true).values()) {
      sum = sum.plus(segment.getOrDefault(key, StatusCounts.ZERO));
    }
    return sum;
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
}
