package io.channelmonitor.examples.plain;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.Monitor;
import io.channelmonitor.examples.demo.DemoChannel;
import io.channelmonitor.examples.demo.DemoChannels;
import io.channelmonitor.examples.demo.DemoKeyRing;
import io.channelmonitor.examples.demo.DemoTrust;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.MonitorModels;
import io.channelmonitor.jdbc.JdbcStore;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * One run of the demo: opens the H2 database and the key ring in the data folder, starts the fake
 * upstream and the library, keeps the monitors in step, shows the live table until the duration is
 * over or Ctrl-C, then prints the summary and closes everything in order.
 */
final class DemoRun {
  private final DemoOptions options;
  private final Map<String, String> env;
  private final PrintStream out;
  private final Clock clock;
  private final boolean ansi;

  DemoRun(
      DemoOptions options, Map<String, String> env, PrintStream out, Clock clock, boolean ansi) {
    this.options = options;
    this.env = env;
    this.out = out;
    this.clock = clock;
    this.ansi = ansi;
  }

  void run() {
    StopSignal stop = StopSignal.install();
    Path dir = options.dataDir().toAbsolutePath().normalize();
    KeyRing keys = DemoKeyRing.loadOrCreate(dir.resolve("keyring.properties"));
    JdbcConnectionPool pool = JdbcConnectionPool.create(h2Url(dir), "sa", "");
    try (FakeUpstream upstream = FakeUpstream.builder().https(true).build()) {
      List<DemoChannel> channels = DemoChannels.first(options.channels());
      DemoChannels.scriptOnto(upstream, channels);
      LiveBoard board = new LiveBoard();
      try (ChannelMonitor channelMonitor = channelMonitor(pool, keys, upstream, board)) {
        watch(channelMonitor, board, wanted(channels, upstream.endpoint()), stop);
      }
    } finally {
      pool.dispose();
      stop.finished();
    }
  }

  /**
   * The H2 file database. H2 must not close it in its own shutdown hook: on Ctrl-C the demo still
   * writes the last results and reads the summary, then closes the pool, which closes the file.
   */
  static String h2Url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("channel-monitor") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  private ChannelMonitor channelMonitor(
      JdbcConnectionPool pool, KeyRing keys, FakeUpstream upstream, LiveBoard board) {
    return ChannelMonitor.builder()
        .store(JdbcStore.builder(pool).clock(clock).createSchemaIfMissing(true).build())
        .keyRing(keys)
        // public https hosts only, as by default, plus loopback where the fake upstream listens
        .ssrfPolicy(SsrfPolicy.builder().allowCidr("127.0.0.0/8").build())
        // the JVM's CAs for real providers, plus the fake upstream's self-signed certificate
        .sslContext(DemoTrust.jvmDefaultsPlus(upstream.certificate()))
        .settings(
            ChannelMonitorSettings.defaults().toBuilder()
                .degradedThreshold(DemoChannels.DEGRADED_THRESHOLD)
                .build())
        .clock(clock)
        .listener(board)
        .build();
  }

  private List<WantedMonitor> wanted(List<DemoChannel> channels, String endpoint) {
    List<WantedMonitor> wanted = new ArrayList<>();
    channels.forEach(channel -> wanted.add(WantedMonitor.fake(channel, endpoint)));
    wanted.addAll(RealProviders.from(env));
    return wanted;
  }

  private void watch(
      ChannelMonitor channelMonitor, LiveBoard board, List<WantedMonitor> wanted, StopSignal stop) {
    MonitorSeeder seeder = new MonitorSeeder(channelMonitor.monitors(), out);
    List<Monitor> monitors = seeder.prepare(wanted);
    List<MonitorModels> models = monitors.stream().map(MonitorModels::of).toList();
    channelMonitor.start();
    monitors.forEach(board::track);
    Instant started = clock.instant();
    boolean bySignal;
    Duration ran;
    try (LiveView view =
        new LiveView(
            board,
            () -> figures(channelMonitor, models),
            () -> header(started, monitors.size()),
            new Screen(out, ansi),
            clock)) {
      view.start();
      seeder.enable(monitors);
      bySignal = stop.await(options.duration());
      ran = Duration.between(started, clock.instant());
    }
    channelMonitor.scheduler().stop(); // no new checks; waits for the running ones
    printSummary(ran, bySignal, board, figures(channelMonitor, models));
  }

  private void printSummary(
      Duration ran, boolean bySignal, LiveBoard board, Map<Long, MonitorAvailability> figures) {
    out.println();
    out.printf(
        "Summary: stopped after %ds (%s); %d checks in this run. 7-DAY counts every run kept in"
            + " %s%n",
        ran.toSeconds(),
        bySignal ? "Ctrl-C" : "duration reached",
        board.resultCount(),
        options.dataDir());
    new TableFormat(false).summary(board.rows(), figures).forEach(out::println);
    out.flush();
  }

  private static Map<Long, MonitorAvailability> figures(
      ChannelMonitor channelMonitor, List<MonitorModels> models) {
    return channelMonitor.availability().availability(models, Set.of(TableFormat.WINDOW_DAYS));
  }

  private List<String> header(Instant started, int monitors) {
    long elapsed = Duration.between(started, clock.instant()).toSeconds();
    return List.of(
        String.format(
            "channel-monitor plain-java demo   %ds of %ds   %d monitors   Ctrl-C stops",
            elapsed, options.duration().toSeconds(), monitors),
        String.format(
            "fake channels checked every %d s; a right answer slower than %d ms is degraded",
            DemoChannels.INTERVAL_SECONDS, DemoChannels.DEGRADED_THRESHOLD.toMillis()),
        "");
  }
}
