package io.channelmonitor.history;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.ResultPoint;
import io.channelmonitor.store.ResultRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Latest status, availability per window and timeline of many monitors at once, with a fixed number
 * of store reads whatever the number of monitors and windows (no query per monitor or window).
 *
 * <p><b>Windows.</b> A window of N days covers the UTC days {@code today - N + 1 .. today}, today
 * being the UTC date of the clock's instant (the clock's and the JVM's zones play no part). Days up
 * to the rollup watermark (inclusive) are read from daily rollups; raw results are read from the
 * start of the day after the watermark (or over the whole window when there is no watermark yet) to
 * the end of today. A figure is therefore right at any hour, also before the nightly job ran, and
 * no day is counted twice. Availability is {@code ok * 100 / total} over the window, null when the
 * window has no check; the average latency counts available checks only.
 *
 * <p><b>Reads per call</b> (none for an empty collection), whatever the number of monitors and
 * windows:
 *
 * <ul>
 *   <li>1 {@code rollupWatermark()};
 *   <li>1 {@code newestPoints(primary model per monitor, timelinePoints)} for the timelines, whose
 *       newest point is also the latest status of the primary model;
 *   <li>1 {@code latestPerModel(other models per monitor)} for the latest status of the other
 *       models (none when no monitor has other models);
 *   <li>1 {@code sumRollupsFrom} for the days of every window up to the watermark (none when there
 *       is no watermark, or no window reaches back to it);
 *   <li>1 {@code countResultsFrom} for the raw part of every window (none when the watermark is
 *       today or later).
 * </ul>
 *
 * <p>With an up-to-date watermark that is at most 5 reads, and the raw read only counts today. Each
 * read returns at most one row per (monitor, model) and window, never one per day. Store failures
 * propagate as {@link io.channelmonitor.StoreException}; a view that must render anyway catches it.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class AvailabilityCalculator {
  /** The windows the seed's user views show: 7, 15 and 30 days. */
  public static final Set<Integer> DEFAULT_WINDOWS = Set.of(7, 15, 30);

  /** Newest first: by checkedAt, then id, both descending. */
  private static final Comparator<ResultPoint> NEWEST_FIRST =
      (a, b) -> {
        int byTime = b.checkedAt().compareTo(a.checkedAt());
        return byTime != 0 ? byTime : Long.compare(b.id(), a.id());
      };

  private final ChannelMonitorStore store;
  private final ChannelMonitorSettings settings;
  private final Clock clock;

  public AvailabilityCalculator(
      ChannelMonitorStore store, ChannelMonitorSettings settings, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@link #availability(Collection, Set)} over {@link #DEFAULT_WINDOWS}. */
  public Map<Long, MonitorAvailability> availability(Collection<MonitorModels> monitors) {
    return availability(monitors, DEFAULT_WINDOWS);
  }

  /** The figures of one monitor; the same reads as for many. */
  public MonitorAvailability availability(MonitorModels monitor, Set<Integer> windowsDays) {
    return availability(List.of(monitor), windowsDays).get(monitor.monitorId());
  }

  /**
   * The figures of every monitor in {@code monitors}, by monitor id in the given order.
   *
   * @param monitors the monitors with the models to report on; each id at most once
   * @param windowsDays the window lengths in days, each in 1..{@code rollupRetentionDays}
   * @throws IllegalArgumentException when a window is out of range or a monitor id repeats
   */
  public Map<Long, MonitorAvailability> availability(
      Collection<MonitorModels> monitors, Set<Integer> windowsDays) {
    SortedSet<Integer> windows = checkWindows(windowsDays);
    Map<Long, MonitorModels> byId = index(monitors);
    if (byId.isEmpty()) {
      return Map.of();
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Collection<Long> ids = byId.keySet();
    Optional<LocalDate> watermark = store.rollupWatermark();
    Map<Long, List<ResultPoint>> primaryRows = primaryRows(byId);
    Map<ModelKey, ResultPoint> latest = latest(byId, primaryRows);
    Map<Long, List<TimelinePoint>> timelines = timelines(primaryRows);
    WindowCounts counts = WindowCounts.read(store, ids, windows, today, watermark);
    Map<Long, MonitorAvailability> out = new LinkedHashMap<>();
    for (MonitorModels monitor : byId.values()) {
      List<ModelAvailability> models = new ArrayList<>(monitor.models().size());
      for (String model : monitor.models()) {
        ModelKey key = new ModelKey(monitor.monitorId(), model);
        models.add(model(key, latest.get(key), windows, counts));
      }
      List<TimelinePoint> timeline = timelines.getOrDefault(monitor.monitorId(), List.of());
      out.put(
          monitor.monitorId(),
          new MonitorAvailability(monitor.monitorId(), monitor.primaryModel(), models, timeline));
    }
    return Collections.unmodifiableMap(out);
  }

  private SortedSet<Integer> checkWindows(Set<Integer> windowsDays) {
    SortedSet<Integer> windows = new TreeSet<>();
    int max = settings.rollupRetentionDays();
    for (Integer days : Objects.requireNonNull(windowsDays, "windowsDays")) {
      if (days == null || days < 1 || days > max) {
        throw new IllegalArgumentException(
            "a window must be 1.." + max + " days (rollupRetentionDays): " + days);
      }
      windows.add(days);
    }
    return windows;
  }

  private static Map<Long, MonitorModels> index(Collection<MonitorModels> monitors) {
    Map<Long, MonitorModels> byId = new LinkedHashMap<>();
    for (MonitorModels monitor : Objects.requireNonNull(monitors, "monitors")) {
      Objects.requireNonNull(monitor, "monitor");
      if (byId.putIfAbsent(monitor.monitorId(), monitor) != null) {
        throw new IllegalArgumentException("monitor " + monitor.monitorId() + " is listed twice");
      }
    }
    return byId;
  }

  /**
   * The latest result of every model: the newest timeline row for the primary model, one {@code
   * latestPerModel} read for the other models (none when no monitor has any).
   */
  private Map<ModelKey, ResultPoint> latest(
      Map<Long, MonitorModels> byId, Map<Long, List<ResultPoint>> primaryRows) {
    Map<Long, List<String>> others = new LinkedHashMap<>();
    byId.forEach(
        (id, monitor) -> {
          List<String> extra =
              monitor.models().stream().filter(m -> !m.equals(monitor.primaryModel())).toList();
          if (!extra.isEmpty()) {
            others.put(id, extra);
          }
        });
    Map<ModelKey, ResultPoint> newest = new HashMap<>();
    if (!others.isEmpty()) {
      for (ResultRecord row : store.latestPerModel(others)) {
        keepNewer(newest, new ModelKey(row.monitorId(), row.result().model()), ResultPoint.of(row));
      }
    }
    primaryRows.forEach(
        (id, newestFirst) ->
            keepNewer(newest, new ModelKey(id, byId.get(id).primaryModel()), newestFirst.get(0)));
    return newest;
  }

  private static void keepNewer(Map<ModelKey, ResultPoint> newest, ModelKey key, ResultPoint row) {
    newest.merge(key, row, (a, b) -> NEWEST_FIRST.compare(a, b) <= 0 ? a : b);
  }

  /**
   * The newest {@code timelinePoints} results of each monitor's primary model, newest first, by
   * monitor id; monitors without results are left out.
   */
  private Map<Long, List<ResultPoint>> primaryRows(Map<Long, MonitorModels> byId) {
    Map<Long, String> primaries = new LinkedHashMap<>();
    byId.forEach((id, monitor) -> primaries.put(id, monitor.primaryModel()));
    int limit = settings.timelinePoints();
    Map<Long, List<ResultPoint>> rowsById = new HashMap<>();
    // The store returns the rows grouped by monitor: look the monitor up once per group.
    long monitorId = 0;
    List<ResultPoint> group = null;
    for (ResultPoint row : store.newestPoints(primaries, limit)) {
      if (group == null || row.monitorId() != monitorId) {
        monitorId = row.monitorId();
        // Kept only when it is an asked monitor, whatever the store returned.
        group =
            primaries.containsKey(monitorId)
                ? rowsById.computeIfAbsent(monitorId, id -> new ArrayList<>())
                : new ArrayList<>();
      }
      group.add(row);
    }
    rowsById.values().removeIf(List::isEmpty);
    rowsById.replaceAll(
        (id, rows) -> {
          rows.sort(NEWEST_FIRST);
          return rows.size() > limit ? rows.subList(0, limit) : rows;
        });
    return rowsById;
  }

  private static Map<Long, List<TimelinePoint>> timelines(
      Map<Long, List<ResultPoint>> primaryRows) {
    Map<Long, List<TimelinePoint>> out = new HashMap<>();
    primaryRows.forEach(
        (id, rows) -> {
          List<TimelinePoint> points = new ArrayList<>(rows.size());
          rows.forEach(
              row ->
                  points.add(
                      new TimelinePoint(
                          row.status(), row.latencyMs(), row.pingLatencyMs(), row.checkedAt())));
          out.put(id, Collections.unmodifiableList(points));
        });
    return out;
  }

  private static ModelAvailability model(
      ModelKey key, ResultPoint latest, SortedSet<Integer> windows, WindowCounts counts) {
    Map<Integer, WindowFigures> figures = new TreeMap<>();
    for (int days : windows) {
      figures.put(days, WindowFigures.of(days, counts.of(days, key)));
    }
    if (latest == null) {
      return ModelAvailability.unchecked(key.model(), figures);
    }
    return new ModelAvailability(
        key.model(),
        latest.status(),
        latest.latencyMs(),
        latest.pingLatencyMs(),
        latest.checkedAt(),
        new TreeMap<>(figures));
  }
}
