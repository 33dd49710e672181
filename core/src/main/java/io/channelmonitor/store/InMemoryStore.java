package io.channelmonitor.store;

import io.channelmonitor.MonitorConfig;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A store that keeps everything in the JVM's memory, for tests, demos and single-instance hosts
 * that can lose their history on restart. Safe for concurrent use: one read-write lock guards
 * monitors, results, rollups and the watermark, so every operation is atomic; locks use their own
 * atomic map. Ids count from 1, separately for monitors and results.
 */
public final class InMemoryStore implements ChannelMonitorStore {
  private final ReadWriteLock guard = new ReentrantReadWriteLock();
  private final AtomicLong monitorIds = new AtomicLong();
  private final AtomicLong resultIds = new AtomicLong();
  private final NavigableMap<Long, MonitorRecord> monitors = new TreeMap<>();
  private final ResultTable results = new ResultTable();
  private final RollupTable rollups = new RollupTable();
  private final LeaseTable leases;
  private LocalDate watermark;

  /** A store whose locks expire by the system clock. */
  public InMemoryStore() {
    this(Clock.systemUTC());
  }

  /**
   * A store whose locks expire by {@code clock}. The clock is used for nothing else: every time
   * stored comes from the caller.
   */
  public InMemoryStore(Clock clock) {
    this.leases = new LeaseTable(clock);
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public MonitorRecord insertMonitor(MonitorRecord monitor) {
    Objects.requireNonNull(monitor, "monitor");
    return write(
        () -> {
          MonitorRecord stored = monitor.withId(monitorIds.incrementAndGet()).withVersion(1);
          monitors.put(stored.id(), stored);
          return stored;
        });
  }

  @Override
  public Optional<MonitorRecord> updateMonitor(MonitorRecord monitor) {
    Objects.requireNonNull(monitor, "monitor");
    return write(
        () -> {
          MonitorRecord existing = monitors.get(monitor.id());
          if (existing == null) {
            return Optional.empty();
          }
          if (existing.version() != monitor.version()) {
            throw new StaleMonitorException(existing.id());
          }
          MonitorRecord stored =
              new MonitorRecord(
                  existing.id(),
                  existing.version() + 1,
                  monitor.config(),
                  monitor.apiKeyCiphertext(),
                  existing.createdAt(),
                  monitor.updatedAt(),
                  existing.lastCheckedAt());
          monitors.put(stored.id(), stored);
          return Optional.of(stored);
        });
  }

  @Override
  public boolean deleteMonitor(long id) {
    return write(
        () -> {
          results.removeMonitor(id);
          rollups.removeMonitor(id);
          return monitors.remove(id) != null;
        });
  }

  @Override
  public Optional<MonitorRecord> findMonitor(long id) {
    return read(() -> Optional.ofNullable(monitors.get(id)));
  }

  @Override
  public Page<MonitorRecord> listMonitors(MonitorQuery query) {
    Objects.requireNonNull(query, "query");
    String needle = query.search() == null ? null : query.search().toLowerCase(Locale.ROOT);
    return read(
        () -> {
          List<MonitorRecord> items = new ArrayList<>();
          long total = 0;
          for (MonitorRecord monitor : monitors.descendingMap().values()) {
            if (matches(monitor.config(), query, needle)) {
              if (total >= query.offset() && items.size() < query.pageSize()) {
                items.add(monitor);
              }
              total++;
            }
          }
          return new Page<>(items, total, query.page(), query.pageSize());
        });
  }

  private static boolean matches(MonitorConfig config, MonitorQuery query, String needle) {
    if (query.provider() != null && !query.provider().equals(config.provider())) {
      return false;
    }
    if (query.enabled() != null && query.enabled() != config.enabled()) {
      return false;
    }
    return needle == null
        || contains(config.name(), needle)
        || contains(config.groupName(), needle)
        || contains(config.primaryModel(), needle);
  }

  private static boolean contains(String text, String lowerCaseNeedle) {
    return text.toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
  }

  @Override
  public List<MonitorRecord> listEnabledMonitors() {
    return read(
        () -> {
          List<MonitorRecord> enabled = new ArrayList<>();
          for (MonitorRecord monitor : monitors.values()) {
            if (monitor.config().enabled()) {
              enabled.add(monitor);
            }
          }
          return enabled;
        });
  }

  @Override
  public void markChecked(long id, Instant at) {
    Objects.requireNonNull(at, "at");
    write(() -> monitors.computeIfPresent(id, (key, monitor) -> monitor.withLastCheckedAt(at)));
  }

  @Override
  public void insertResults(List<ResultRecord> batch) {
    // Checked before any write, so a bad row leaves the store unchanged.
    List<ResultRecord> rows = List.copyOf(batch);
    write(
        () -> {
          for (ResultRecord row : rows) {
            if (monitors.containsKey(row.monitorId())) {
              results.add(row.withId(resultIds.incrementAndGet()));
            }
          }
          return null;
        });
  }

  @Override
  public List<ResultRecord> latestPerModel(
      Map<Long, ? extends Collection<String>> modelsByMonitor) {
    Map<Long, Set<String>> asked = new LinkedHashMap<>();
    modelsByMonitor.forEach(
        (id, models) -> {
          Set<String> distinct = new LinkedHashSet<>();
          for (String model : Objects.requireNonNull(models, "models")) {
            distinct.add(Objects.requireNonNull(model, "model"));
          }
          asked.put(Objects.requireNonNull(id, "monitor id"), distinct);
        });
    return read(
        () -> {
          List<ResultRecord> latest = new ArrayList<>();
          asked.forEach((id, models) -> results.addLatest(id, models, latest));
          return latest;
        });
  }

  @Override
  public List<ResultRecord> newestResults(Map<Long, String> modelByMonitor, int limit) {
    Map<Long, String> byId = new TreeMap<>(modelByMonitor);
    return read(() -> newest(byId, limit));
  }

  @Override
  public List<ResultPoint> newestPoints(Map<Long, String> modelByMonitor, int limit) {
    Map<Long, String> byId = new TreeMap<>(modelByMonitor);
    List<ResultRecord> newest = read(() -> newest(byId, limit));
    List<ResultPoint> points = new ArrayList<>(newest.size());
    newest.forEach(row -> points.add(ResultPoint.of(row)));
    return points;
  }

  private List<ResultRecord> newest(Map<Long, String> byId, int limit) {
    List<ResultRecord> newest = new ArrayList<>();
    byId.forEach((id, model) -> results.addNewest(id, model, limit, newest));
    return newest;
  }

  @Override
  public List<ResultRecord> history(long monitorId, String model, int limit) {
    return read(() -> results.history(monitorId, model, limit));
  }

  @Override
  public Map<Instant, List<ModelCounts>> countResultsFrom(
      Collection<Long> monitorIds, Collection<Instant> froms, Instant to) {
    Collection<Long> ids = distinct(monitorIds);
    Set<Instant> starts = starts(froms);
    Objects.requireNonNull(to, "to");
    return read(
        () -> {
          Map<Instant, List<ModelCounts>> out = new TreeMap<>();
          for (Instant from : starts) {
            List<ModelCounts> counts = new ArrayList<>();
            for (long id : ids) {
              counts.addAll(results.count(id, from, to));
            }
            out.put(from, counts);
          }
          return out;
        });
  }

  @Override
  public int pruneResults(Instant before, int batchSize) {
    Objects.requireNonNull(before, "before");
    return write(() -> results.prune(before, batchSize));
  }

  @Override
  public int rollUpDay(LocalDate day) {
    Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return write(
        () -> {
          int written = 0;
          for (long id : results.monitorIds()) {
            for (ModelCounts counts : results.count(id, from, to)) {
              rollups.put(new DailyRollup(id, counts.model(), day, counts.counts()));
              written++;
            }
          }
          return written;
        });
  }

  @Override
  public List<DailyRollup> rollups(Collection<Long> monitorIds, LocalDate from, LocalDate to) {
    Collection<Long> ids = distinct(monitorIds);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return read(
        () -> {
          List<DailyRollup> rows = new ArrayList<>();
          for (long id : ids) {
            rollups.addRange(id, from, to, rows);
          }
          return rows;
        });
  }

  @Override
  public Map<LocalDate, List<ModelCounts>> sumRollupsFrom(
      Collection<Long> monitorIds, Collection<LocalDate> froms, LocalDate to) {
    Collection<Long> ids = distinct(monitorIds);
    Set<LocalDate> starts = starts(froms);
    Objects.requireNonNull(to, "to");
    return read(
        () -> {
          Map<LocalDate, List<ModelCounts>> out = new TreeMap<>();
          for (LocalDate from : starts) {
            List<ModelCounts> sums = new ArrayList<>();
            for (long id : ids) {
              sums.addAll(rollups.sum(id, from, to));
            }
            out.put(from, sums);
          }
          return out;
        });
  }

  @Override
  public int pruneRollups(LocalDate before, int batchSize) {
    Objects.requireNonNull(before, "before");
    return write(() -> rollups.prune(before, batchSize));
  }

  @Override
  public Optional<LocalDate> rollupWatermark() {
    return read(() -> Optional.ofNullable(watermark));
  }

  @Override
  public void setRollupWatermark(LocalDate day) {
    Objects.requireNonNull(day, "day");
    write(() -> watermark = day);
  }

  @Override
  public boolean tryLock(String name, String owner, Duration lease) {
    return leases.tryLock(name, owner, lease);
  }

  @Override
  public void unlock(String name, String owner) {
    leases.unlock(name, owner);
  }

  private static <T extends Comparable<? super T>> Set<T> starts(Collection<T> froms) {
    Set<T> starts = new TreeSet<>();
    for (T from : Objects.requireNonNull(froms, "froms")) {
      starts.add(Objects.requireNonNull(from, "from"));
    }
    return starts;
  }

  private static Collection<Long> distinct(Collection<Long> ids) {
    return new LinkedHashSet<>(Objects.requireNonNull(ids, "monitorIds"));
  }

  private <T> T read(Supplier<T> action) {
    guard.readLock().lock();
    try {
      return action.get();
    } finally {
      guard.readLock().unlock();
    }
  }

  private <T> T write(Supplier<T> action) {
    guard.writeLock().lock();
    try {
      return action.get();
    } finally {
      guard.writeLock().unlock();
    }
  }
}
