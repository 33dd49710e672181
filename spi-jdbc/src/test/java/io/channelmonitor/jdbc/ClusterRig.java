package io.channelmonitor.jdbc;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.CheckListener;
import io.channelmonitor.CheckResult;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.schedule.MonitorScheduler;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Several {@link ChannelMonitor} instances in cluster mode on one database, probing a fake upstream
 * over loopback, each with its own gate to the database, clock and meters.
 */
final class ClusterRig implements AutoCloseable {
  static final int INTERVAL_SECONDS = 15;
  static final Duration POLL = Duration.ofMillis(200);
  static final Duration HEARTBEAT = Duration.ofMillis(500);
  static final Duration LEASE = Duration.ofSeconds(3);
  static final String MODEL = "gpt-4o-mini";

  /** One instance: its name, gate, meters and library object. */
  record Instance(String name, GatedDataSource gate, MeterRegistry meters, ChannelMonitor monitor) {
    long dueClaims() {
      return count(MonitorScheduler.METER_CLUSTER_CLAIMS, "kind", "due");
    }

    long fenced() {
      Counter counter = meters.find(MonitorScheduler.METER_CLUSTER_FENCED).counter();
      return counter == null ? 0 : (long) counter.count();
    }

    long failures(String step) {
      return count(MonitorScheduler.METER_CLUSTER_FAILURES, "step", step);
    }

    private long count(String name, String tag, String value) {
      Counter counter = meters.find(name).tag(tag, value).counter();
      return counter == null ? 0 : (long) counter.count();
    }
  }

  /** A run a listener heard of, with the test's monotonic time. */
  record Run(long monitorId, String instance, long nanos) {}

  private static final KeyRing KEYS = keys();

  private final DataSource dataSource;
  private final FakeUpstream upstream;
  private final ScheduleTable schedule;
  private final Map<String, Instance> instances = new LinkedHashMap<>();
  private final List<Run> heard = new CopyOnWriteArrayList<>();

  /** A rig on {@code dataSource}, whose tables it creates when missing. */
  ClusterRig(DataSource dataSource, FakeUpstream upstream) {
    this.dataSource = dataSource;
    this.upstream = upstream;
    JdbcStore store = JdbcStore.builder(dataSource).createSchemaIfMissing(true).build();
    this.schedule = new ScheduleTable(dataSource, store.dialect(), store.tablePrefix());
  }

  /** The schedule table, read and written directly. */
  ScheduleTable schedule() {
    return schedule;
  }

  private static KeyRing keys() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 3);
    return KeyRing.of("k1", Map.of("k1", key));
  }

  private static SsrfPolicy loopback() {
    return SsrfPolicy.builder().allowCidr("127.0.0.0/8").allowInsecureHttp(true).build();
  }

  /**
   * Creates {@code count} enabled monitors through an instance that is not in cluster mode and is
   * never started, as a host that moves to cluster mode has them: without due times.
   */
  List<Long> createMonitors(int count) {
    List<Long> ids = new ArrayList<>();
    try (ChannelMonitor setup =
        ChannelMonitor.builder()
            .store(JdbcStore.builder(dataSource).build())
            .keyRing(KEYS)
            .ssrfPolicy(loopback())
            .build()) {
      for (int i = 0; i < count; i++) {
        ids.add(setup.monitors().create(draft("m" + i)).id());
      }
    }
    return ids;
  }

  /**
   * An enabled monitor of {@link #MODEL} on the fake upstream, every {@value #INTERVAL_SECONDS} s.
   */
  MonitorDraft draft(String name) {
    return MonitorDraft.builder()
        .name(name)
        .provider("openai")
        .endpoint(upstream.endpoint())
        .apiKey("sk-cluster-test-" + name)
        .primaryModel(MODEL)
        .intervalSeconds(INTERVAL_SECONDS)
        .build();
  }

  /** Starts an instance named {@code name} whose clock is {@code clock}. */
  Instance start(String name, Clock clock) {
    GatedDataSource gate = new GatedDataSource(dataSource);
    MeterRegistry meters = new SimpleMeterRegistry();
    JdbcClusterCoordinator coordinator =
        JdbcClusterCoordinator.builder(gate)
            .instanceId(name)
            .pollInterval(POLL)
            .heartbeatInterval(HEARTBEAT)
            .leaseTime(LEASE)
            .clock(clock)
            .build();
    ChannelMonitor monitor =
        ChannelMonitor.builder()
            .store(JdbcStore.builder(gate).clock(clock).build())
            .keyRing(KEYS)
            .clock(clock)
            .ssrfPolicy(loopback())
            .settings(
                ChannelMonitorSettings.builder()
                    .maxConcurrentChecks(16)
                    .stopTimeout(Duration.ofSeconds(10))
                    .build())
            .meterRegistry(meters)
            .listener(
                new CheckListener() {
                  @Override
                  public void onRun(Monitor run, List<CheckResult> results) {
                    heard.add(new Run(run.id(), name, System.nanoTime()));
                  }
                })
            .clusterCoordinator(coordinator)
            .build();
    Instance instance = new Instance(name, gate, meters, monitor);
    instances.put(name, instance);
    monitor.start();
    return instance;
  }

  /**
   * The runs the instances' listeners heard of, in order: stored runs, and runs whose store write
   * failed (a refused one is not heard of).
   */
  List<Run> heard() {
    return List.copyOf(heard);
  }

  /** Every stored run per monitor: the checked-at times of its results, oldest first. */
  Map<Long, List<Instant>> storedRuns() {
    String sql = "SELECT monitor_id, checked_at FROM channel_monitor_results ORDER BY checked_at";
    Map<Long, List<Instant>> runs = new TreeMap<>();
    query(
        sql,
        rows -> {
          while (rows.next()) {
            runs.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                .add(Jdbc.getInstant(rows, "checked_at"));
          }
        });
    return runs;
  }

  /** The monitors claimed by {@code owner}, whether their leases have ended or not. */
  Set<Long> ownedBy(String owner) {
    String sql = "SELECT monitor_id FROM channel_monitor_schedule WHERE owner = '" + owner + "'";
    Set<Long> ids = new java.util.TreeSet<>();
    query(
        sql,
        rows -> {
          while (rows.next()) {
            ids.add(rows.getLong(1));
          }
        });
    return ids;
  }

  @FunctionalInterface
  private interface Rows {
    void read(ResultSet rows) throws SQLException;
  }

  private void query(String sql, Rows reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      reader.read(rows);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until {@code condition} holds, polling; fails after {@code timeout}. */
  static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(50);
    }
  }

  /**
   * The live threads the library names ({@code channel-monitor-...}), once the ones still ending
   * have ended (up to 5 s).
   */
  static List<String> libraryThreads() throws InterruptedException {
    List<String> alive = List.of();
    for (int i = 0; i < 100; i++) {
      alive =
          Thread.getAllStackTraces().keySet().stream()
              .filter(Thread::isAlive)
              .map(Thread::getName)
              .filter(name -> name.startsWith("channel-monitor-"))
              .toList();
      if (alive.isEmpty()) {
        break;
      }
      Thread.sleep(50);
    }
    return alive;
  }

  /** Sleeps until {@code deadline} (a {@link System#nanoTime()} value). */
  static void sleepUntil(long deadline) throws InterruptedException {
    long left = deadline - System.nanoTime();
    if (left > 0) {
      Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }
  }

  /** Opens every gate and closes every instance. */
  @Override
  public void close() {
    for (Instance instance : instances.values()) {
      instance.gate().thaw();
    }
    for (Instance instance : instances.values()) {
      instance.monitor().close();
    }
  }
}
