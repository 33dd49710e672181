package io.channelmonitor.internal;

import io.channelmonitor.store.ResultPoint;
import io.channelmonitor.store.ResultRecord;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the database stores share for their newest-rows reads: the asked (monitor, model) pairs,
 * validated and in monitor id order, and the order the reads return. Not part of the library's API.
 */
public final class NewestRows {
  /** By monitor id, then newest first: checkedAt, then id, both descending. */
  public static final Comparator<ResultRecord> RECORDS_BY_MONITOR_NEWEST_FIRST =
      (a, b) -> {
        int byMonitor = Long.compare(a.monitorId(), b.monitorId());
        if (byMonitor != 0) {
          return byMonitor;
        }
        int byTime = b.result().checkedAt().compareTo(a.result().checkedAt());
        return byTime != 0 ? byTime : Long.compare(b.id(), a.id());
      };

  /** {@link #RECORDS_BY_MONITOR_NEWEST_FIRST} for points. */
  public static final Comparator<ResultPoint> POINTS_BY_MONITOR_NEWEST_FIRST =
      (a, b) -> {
        int byMonitor = Long.compare(a.monitorId(), b.monitorId());
        if (byMonitor != 0) {
          return byMonitor;
        }
        int byTime = b.checkedAt().compareTo(a.checkedAt());
        return byTime != 0 ? byTime : Long.compare(b.id(), a.id());
      };

  private NewestRows() {}

  /**
   * The pairs of {@code latestPerModel}: distinct models per monitor; monitors without any left
   * out.
   */
  public static Map<Long, Set<String>> pairs(
      Map<Long, ? extends Collection<String>> modelsByMonitor) {
    Map<Long, Set<String>> pairs = new TreeMap<>();
    Objects.requireNonNull(modelsByMonitor, "modelsByMonitor")
        .forEach(
            (id, models) -> {
              Set<String> distinct = new LinkedHashSet<>();
              for (String model : Objects.requireNonNull(models, "models")) {
                distinct.add(Objects.requireNonNull(model, "model"));
              }
              if (!distinct.isEmpty()) {
                pairs.put(Objects.requireNonNull(id, "monitor id"), distinct);
              }
            });
    return pairs;
  }

  /** The pairs of {@code newestResults}: one model per monitor; a null model is left out. */
  public static Map<Long, Set<String>> onePerMonitor(Map<Long, String> modelByMonitor) {
    Map<Long, Set<String>> pairs = new TreeMap<>();
    Objects.requireNonNull(modelByMonitor, "modelByMonitor")
        .forEach(
            (id, model) -> {
              if (model != null) {
                pairs.put(Objects.requireNonNull(id, "monitor id"), Set.of(model));
              }
            });
    return pairs;
  }
}
