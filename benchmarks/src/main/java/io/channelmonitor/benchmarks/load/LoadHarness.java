package io.channelmonitor.benchmarks.load;

import io.channelmonitor.jdbc.JdbcStore;
import io.channelmonitor.store.ChannelMonitorStore;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The load harness: the library scheduling {@code --monitors} monitors against a fake upstream on
 * loopback (in a JVM of its own), and in the same run the two references at the same rate against
 * the same upstream: a bare HttpClient 5 request loop (the floor) and a naive in-house monitor.
 * Prints checks per second, schedule lateness, CPU per 1,000 checks, heap and threads for each, the
 * ratios, and the idle memory per scheduled monitor. See BENCHMARKS.md for the command and flags.
 */
public final class LoadHarness {
  private LoadHarness() {}

  public static void main(String[] args) throws Exception {
    // the library logs every rollup day at INFO; the report is what matters here
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    HarnessOptions options = HarnessOptions.parse(args);
    PrintStream out = System.out;
    out.println("channel-monitor load harness, " + Instant.now());
    out.println(machine());
    out.println("options: " + options);
    out.println("at start: " + loadAverage());
    Report report = new Report(out);
    try (JvmMeter meter = new JvmMeter();
        UpstreamProcess upstream =
            UpstreamProcess.start(options.latencyMinMillis(), options.latencyMaxMillis());
        LoadPostgres postgres = options.store().equals("jdbc") ? LoadPostgres.start() : null) {
      out.println("fake upstream: " + upstream.endpoint() + " (pid " + upstream.pid() + ")");
      if (postgres != null) {
        out.println(postgres.describe());
      }
      if (options.phases().contains("idle") && options.idleMonitors() > 0) {
        ChannelMonitorStore store = postgres == null ? null : postgres.store("idle", 4);
        report.idle(IdleMemory.measure(options, upstream.endpoint(), store, out));
      }
      Supplier<Duration> databaseCpu = postgres == null ? null : postgres::cpu;
      PhaseRunner runner = new PhaseRunner(meter, upstream::cpu, databaseCpu, out);
      report.phases(loadPhases(options, runner, upstream.endpoint(), postgres), options);
    }
    out.println("at end: " + loadAverage());
  }

  private static List<PhaseResult> loadPhases(
      HarnessOptions options, PhaseRunner runner, String endpoint, LoadPostgres postgres)
      throws Exception {
    List<PhaseResult> results = new ArrayList<>();
    List<ProbeFleet.Request> requests = null;
    for (String phase : options.phases()) {
      if (phase.equals("idle")) {
        continue;
      }
      if (!phase.equals("library") && requests == null) {
        requests = ProbeFleet.requests(options, endpoint);
      }
      Workload workload = workload(phase, options, endpoint, postgres, requests);
      boolean reference = !phase.equals("library");
      Duration window = reference ? options.referenceDuration() : options.duration();
      results.add(runner.run(workload, options.warmup(), window));
    }
    return results;
  }

  private static Workload workload(
      String phase,
      HarnessOptions options,
      String endpoint,
      LoadPostgres postgres,
      List<ProbeFleet.Request> requests)
      throws java.sql.SQLException {
    return switch (phase) {
      case "library" -> {
        JdbcStore store = postgres == null ? null : postgres.store("load", options.dbPoolSize());
        yield new LibraryWorkload(options, endpoint, store);
      }
      case "floor" -> new FloorWorkload(options, requests, true);
      case "floor-post" -> new FloorWorkload(options, requests, false);
      default -> new NaiveWorkload(options, requests);
    };
  }

  /** The 1-minute system load average, to tell a quiet machine from a busy one. */
  static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "load average n/a" : String.format(Locale.ROOT, "load average %.2f", load);
  }

  private static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "Java %s (%s), %s %s, %d cores, max heap %d MiB, GC %s",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        runtime.availableProcessors(),
        runtime.maxMemory() / (1024 * 1024),
        ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
  }
}
