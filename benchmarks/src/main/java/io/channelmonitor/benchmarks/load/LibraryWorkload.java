package io.channelmonitor.benchmarks.load;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.CheckListener;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.Monitor;
import io.channelmonitor.schedule.ClusterCoordinator;
import io.channelmonitor.schedule.MonitorScheduler;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.store.ChannelMonitorStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The library under load: a {@link ChannelMonitor} with its default transport, scheduler and check
 * executor, {@code monitors} monitors created before {@link ChannelMonitor#start()} so their first
 * runs spread over one interval. Lateness is the start of a check (its {@code checkedAt}) minus the
 * due time the scheduler planned, which the harness learns as the cluster coordinator every due run
 * passes through (one that claims every run, as the single-instance default does).
 */
final class LibraryWorkload implements Workload, CheckListener, ClusterCoordinator {
  private final HarnessOptions options;
  private final String endpoint;
  private final ChannelMonitorStore store;
  private final Lateness lateness;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Map<Long, Long> dueMicros = new ConcurrentHashMap<>();
  private final LongAdder completed = new LongAdder();
  private final Map<String, LongAdder> verdicts = new ConcurrentHashMap<>();
  private final AtomicLong maxInFlight = new AtomicLong();
  private final AtomicLong maxQueued = new AtomicLong();
  private final Map<String, Double> skippedAtWindow = new LinkedHashMap<>();
  private final Map<String, Long> verdictsAtWindow = new ConcurrentHashMap<>();
  private ChannelMonitor monitor;

  /**
   * @param store the store to use, or null for the library's in-memory default
   */
  LibraryWorkload(HarnessOptions options, String endpoint, ChannelMonitorStore store) {
    this.options = options;
    this.endpoint = endpoint;
    this.store = store;
    this.lateness = new Lateness(capacity(options, options.duration().toSeconds()));
  }

  static int capacity(HarnessOptions options, long seconds) {
    return (int) Math.min(50_000_000, Math.ceil(options.targetRate() * (seconds + 5) * 1.2));
  }

  @Override
  public String name() {
    return "library (" + (store == null ? "memory" : "jdbc") + " store)";
  }

  @Override
  public void start() {
    ChannelMonitorSettings.Builder settings = ChannelMonitorSettings.builder();
    if (options.maxConcurrentChecks() > 0) {
      settings.maxConcurrentChecks(options.maxConcurrentChecks());
    }
    ChannelMonitor.Builder builder =
        ChannelMonitor.builder()
            .ssrfPolicy(ProbeFleet.LOOPBACK)
            .settings(settings.build())
            .meterRegistry(registry)
            .clusterCoordinator(this)
            .listener(this);
    if (store != null) {
      builder.store(store).keyRing(KeyRing.ephemeral());
    }
    monitor = builder.build();
    int seconds = (int) options.interval().toSeconds();
    for (int i = 0; i < options.monitors(); i++) {
      monitor.monitors().create(ProbeFleet.draft(i, options, endpoint, seconds));
    }
    monitor.start();
  }

  @Override
  public boolean tryClaim(long monitorId, Instant dueAt) {
    dueMicros.put(monitorId, micros(dueAt));
    return true;
  }

  @Override
  public void release(long monitorId) {
    // every claim succeeds; nothing is held
  }

  @Override
  public void onRun(Monitor run, List<CheckResult> results) {
    completed.increment();
    CheckResult first = results.get(0);
    if (first.status() != CheckStatus.OPERATIONAL) {
      String verdict = first.status().wire() + "/" + first.failureKind().wire();
      verdicts.computeIfAbsent(verdict, v -> new LongAdder()).increment();
    }
    Long due = dueMicros.get(run.id());
    if (due != null) {
      lateness.record(micros(first.checkedAt()) - due);
    }
  }

  @Override
  public long completed() {
    return completed.sum();
  }

  @Override
  public Lateness lateness() {
    return lateness;
  }

  @Override
  public void windowStarted() {
    skippedAtWindow.clear();
    skippedAtWindow.putAll(skipped());
    verdicts.forEach((verdict, count) -> verdictsAtWindow.put(verdict, count.sum()));
    maxInFlight.set(0);
    maxQueued.set(0);
  }

  @Override
  public void sample() {
    maxInFlight.accumulateAndGet(gauge(MonitorScheduler.METER_CHECKS_IN_FLIGHT), Math::max);
    maxQueued.accumulateAndGet(gauge(MonitorScheduler.METER_RUNS_QUEUED), Math::max);
  }

  @Override
  public Map<String, String> notes() {
    Map<String, String> notes = new LinkedHashMap<>();
    long failing = 0;
    for (Map.Entry<String, LongAdder> verdict : verdicts.entrySet()) {
      long inWindow =
          verdict.getValue().sum() - verdictsAtWindow.getOrDefault(verdict.getKey(), 0L);
      if (inWindow > 0) {
        notes.put("not operational, " + verdict.getKey(), Long.toString(inWindow));
        failing += inWindow;
      }
    }
    notes.put("not operational in window", Long.toString(failing));
    skipped()
        .forEach(
            (reason, count) -> {
              double inWindow = count - skippedAtWindow.getOrDefault(reason, 0.0);
              if (inWindow > 0) {
                notes.put("runs skipped, " + reason, String.format("%.0f", inWindow));
              }
            });
    notes.put("max checks in flight (sampled 1/s)", Long.toString(maxInFlight.get()));
    notes.put("max runs queued (sampled 1/s)", Long.toString(maxQueued.get()));
    notes.put("monitors scheduled", Integer.toString(monitor.scheduler().scheduledCount()));
    return notes;
  }

  private Map<String, Double> skipped() {
    Map<String, Double> counts = new LinkedHashMap<>();
    for (Counter counter : registry.find(MonitorScheduler.METER_RUNS_SKIPPED).counters()) {
      counts.put(counter.getId().getTag("reason"), counter.count());
    }
    return counts;
  }

  private long gauge(String name) {
    Gauge gauge = registry.find(name).gauge();
    return gauge == null ? 0 : (long) gauge.value();
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }

  @Override
  public void close() {
    if (monitor != null) {
      monitor.close();
    }
  }
}
