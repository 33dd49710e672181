package io.channelmonitor.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The in-memory store's daily rollups: per monitor, by day, by model. Not thread-safe: {@link
 * InMemoryStore} guards it.
 */
final class RollupTable {
  private final Map<Long, NavigableMap<LocalDate, Map<String, DailyRollup>>> byMonitor =
      new HashMap<>();

  /** Writes {@code row}, replacing the row of the same (monitor, model, day). */
  void put(DailyRollup row) {
    byMonitor
        .computeIfAbsent(row.monitorId(), id -> new TreeMap<>())
        .computeIfAbsent(row.day(), day -> new LinkedHashMap<>())
        .put(row.model(), row);
  }

  void removeMonitor(long monitorId) {
    byMonitor.remove(monitorId);
  }

  /** Adds the monitor's rows with {@code from <= day <= to} to {@code out}, oldest day first. */
  void addRange(long monitorId, LocalDate from, LocalDate to, List<DailyRollup> out) {
    for (Map<String, DailyRollup> models : days(monitorId, from, to).values()) {
      out.addAll(models.values());
    }
  }

  /** The monitor's rows with {@code from <= day <= to}, summed per model. */
  List<ModelCounts> sum(long monitorId, LocalDate from, LocalDate to) {
    Map<String, StatusCounts> sums = new LinkedHashMap<>();
    for (Map<String, DailyRollup> models : days(monitorId, from, to).values()) {
      for (DailyRollup row : models.values()) {
        sums.merge(row.model(), row.counts(), StatusCounts::plus);
      }
    }
    List<ModelCounts> out = new ArrayList<>(sums.size());
    sums.forEach((model, counts) -> out.add(new ModelCounts(monitorId, model, counts)));
    return out;
  }

  /** Deletes at most {@code batchSize} rows with {@code day < before}. */
  int prune(LocalDate before, int batchSize) {
    int deleted = 0;
    Iterator<NavigableMap<LocalDate, Map<String, DailyRollup>>> monitors =
        byMonitor.values().iterator();
    while (deleted < batchSize && monitors.hasNext()) {
      NavigableMap<LocalDate, Map<String, DailyRollup>> days = monitors.next();
      Iterator<Map<String, DailyRollup>> oldDays = days.headMap(before, false).values().iterator();
      while (deleted < batchSize && oldDays.hasNext()) {
        Map<String, DailyRollup> models = oldDays.next();
        Iterator<DailyRollup> rows = models.values().iterator();
        while (deleted < batchSize && rows.hasNext()) {
          rows.next();
          rows.remove();
          deleted++;
        }
        if (models.isEmpty()) {
          oldDays.remove();
        }
      }
      if (days.isEmpty()) {
        monitors.remove();
      }
    }
    return deleted;
  }

  private NavigableMap<LocalDate, Map<String, DailyRollup>> days(
      long monitorId, LocalDate from, LocalDate to) {
    NavigableMap<LocalDate, Map<String, DailyRollup>> days = byMonitor.get(monitorId);
    if (days == null || from.isAfter(to)) {
      return new TreeMap<>();
    }
    return days.subMap(from, true, to, true);
  }
}
