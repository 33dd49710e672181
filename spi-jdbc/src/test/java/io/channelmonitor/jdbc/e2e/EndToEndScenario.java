package io.channelmonitor.jdbc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.KeyDecryptFailedException;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.Reason;
import io.channelmonitor.history.ModelAvailability;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.MonitorModels;
import io.channelmonitor.history.RollupJob.RunReport;
import io.channelmonitor.history.TimelinePoint;
import io.channelmonitor.history.WindowFigures;
import io.channelmonitor.jdbc.JdbcStore;
import io.channelmonitor.secret.ApiKey;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.upstream.Behaviour;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The library used as a host would use it, on a real database: three monitors (OpenAI, Anthropic,
 * Gemini) probe a fake provider over HTTPS at chosen clock times spread over three weeks, the daily
 * rollup job runs after each UTC day change it would have seen, and the availability figures are
 * read back. Then the instance is closed and new instances on the same database must see the same
 * monitors, history and figures: with the same key ring they decrypt every key, with another one
 * every monitor is still listed but flagged {@code keyDecryptFailed}.
 *
 * <p>The story runs once per class ({@link #tellTheStory()}) and ends with a restart of the
 * database; the tests only read, and the ones that build new instances restart it once more first.
 * Subclasses supply the database and may supply the store ({@link #newStore()}, a {@code JdbcStore}
 * by default): the JPA module runs the same story through its test jar.
 *
 * <p>The history, with T = {@value #TODAY}:
 *
 * <pre>
 *   run  time (UTC)          gpt-flaky (extra model of the OpenAI monitor)
 *   r0   T-20 08:00          503      -> error
 *   r1   T-20 14:00          honest   -> operational
 *   r2   T-20 20:00          honest   -> operational
 *        T-19 00:05 rollup job: no watermark yet, rolls up T-109 (rollup retention)..T-20 in
 *                   three runs of at most 35 days
 *   r3   T-10 12:00          wrong    -> failed
 *        T-9  00:05 rollup job: rolls up T-19..T-10, prunes the raw rows of T-20
 *   r4   T-1  10:00          honest   -> operational
 *   r5   T-1  23:30          503      -> error
 *        T    00:01 figures read before the job, T 00:05 rollup job (T-9..T-1, prunes T-10)
 *   r6   T    06:00          honest   -> operational
 *        T    12:00 figures read
 * </pre>
 *
 * The OpenAI primary model is always honest, the Anthropic one always answers wrongly and the
 * Gemini one always gets a 503.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EndToEndScenario {
  static final String TODAY = "2026-03-20";
  static final LocalDate T = LocalDate.parse(TODAY);
  static final Set<Integer> WINDOWS = Set.of(7, 15, 30);

  static final String OPENAI_KEY = "sk-e2e-openai-0123456789abcdef";
  static final String ANTHROPIC_KEY = "sk-ant-e2e-0123456789abcdef";
  static final String GEMINI_KEY = "AIzaE2eGeminiKey0123456789abcdef";

  static final String HEALTHY = "gpt-4o-mini";
  static final String FLAKY = "gpt-flaky";
  static final String WRONG = "claude-wrong";
  static final String DOWN = "gemini-down";

  private static final String DOWN_BODY = "{\"error\":{\"code\":503,\"message\":\"overloaded\"}}";

  /** The run times, in order, and what gpt-flaky answers in each. */
  private static final List<Instant> RUN_TIMES =
      List.of(
          at(-20, "08:00"),
          at(-20, "14:00"),
          at(-20, "20:00"),
          at(-10, "12:00"),
          at(-1, "10:00"),
          at(-1, "23:30"),
          at(0, "06:00"));

  private static final List<Behaviour> FLAKY_SCRIPT =
      List.of(
          Behaviour.status(503, DOWN_BODY),
          Behaviour.honest(),
          Behaviour.honest(),
          Behaviour.wrongAnswer(),
          Behaviour.honest(),
          Behaviour.status(503, DOWN_BODY),
          Behaviour.honest());

  final ManualClock clock = ManualClock.at(at(-20, "08:00"));
  final KeyRing keys = ring((byte) 7);

  /** Monitors by name, as created. */
  final Map<String, Monitor> created = new LinkedHashMap<>();

  /** Every result of every run, with the run's index. */
  final List<Probe> probes = new ArrayList<>();

  final List<RunReport> jobReports = new ArrayList<>();
  Map<Long, MonitorAvailability> beforeMidnightJob;
  Map<Long, MonitorAvailability> afterMidnightJob;
  Map<Long, MonitorAvailability> finalFigures;
  List<Monitor> finalMonitors;
  Map<Long, List<ResultRecord>> finalHistory;

  /** One stored result and the run it came from. */
  record Probe(int run, long monitorId, CheckResult result) {}

  private final EndToEndDatabase database;

  protected EndToEndScenario(EndToEndDatabase database) {
    this.database = database;
  }

  /** A data source on the database as it runs now. */
  protected final DataSource dataSource() {
    return database.dataSource();
  }

  /**
   * Restarts the database on the same data (see {@link EndToEndDatabase#restart()}); a subclass
   * that holds its own resources on the database releases them first.
   */
  protected void restartDatabase() throws Exception {
    database.restart();
  }

  /** Stops the database for good; a subclass releases its own resources first. */
  protected void closeDatabase() throws Exception {
    database.close();
  }

  static Instant at(int dayOffset, String time) {
    return T.plusDays(dayOffset).atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
  }

  static KeyRing ring(byte fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, fill);
    key[0] = 1;
    return KeyRing.of("k1", Map.of("k1", key));
  }

  /** A store on the database as it runs now, for one instance of the library. */
  protected ChannelMonitorStore newStore() {
    return JdbcStore.builder(dataSource()).clock(clock).createSchemaIfMissing(true).build();
  }

  /** The clock every instance of the story runs on. */
  protected final ManualClock clock() {
    return clock;
  }

  ChannelMonitor newMonitor(KeyRing ring, FakeUpstream upstream) {
    ChannelMonitor.Builder builder =
        ChannelMonitor.builder()
            .store(newStore())
            .keyRing(ring)
            .clock(clock)
            .ssrfPolicy(SsrfPolicy.builder().allowCidr("127.0.0.0/8").build());
    if (upstream != null) {
      builder.sslContext(upstream.clientSslContext());
    }
    return builder.build();
  }

  @BeforeAll
  void tellTheStory() throws Exception {
    database.open();
    try (FakeUpstream upstream = FakeUpstream.builder().https(true).build();
        ChannelMonitor cm = newMonitor(keys, upstream)) {
      upstream
          .script(WRONG, Behaviour.wrongAnswer())
          .script(DOWN, Behaviour.status(503, DOWN_BODY));
      createMonitors(cm, upstream.endpoint());
      for (int run = 0; run < RUN_TIMES.size(); run++) {
        beforeRun(cm, run);
        clock.set(RUN_TIMES.get(run));
        upstream.script(FLAKY, FLAKY_SCRIPT.get(run));
        for (Monitor monitor : created.values()) {
          for (CheckResult result : cm.monitors().runNow(monitor.id())) {
            probes.add(new Probe(run, monitor.id(), result));
          }
        }
      }
      clock.set(at(0, "12:00"));
      finalFigures = figures(cm);
      finalMonitors = cm.monitors().list(MonitorQuery.all()).items();
      finalHistory = history(cm);
    }
    restartDatabase();
  }

  @AfterAll
  void tearDown() throws Exception {
    closeDatabase();
  }

  private void createMonitors(ChannelMonitor cm, String endpoint) {
    create(cm, "openai", endpoint, OPENAI_KEY, HEALTHY, FLAKY);
    create(cm, "anthropic", endpoint, ANTHROPIC_KEY, WRONG);
    create(cm, "gemini", endpoint, GEMINI_KEY, DOWN);
  }

  private void create(
      ChannelMonitor cm, String provider, String endpoint, String key, String... models) {
    Monitor monitor =
        cm.monitors()
            .create(
                MonitorDraft.builder()
                    .name(provider + " e2e")
                    .provider(provider)
                    .endpoint(endpoint)
                    .apiKey(key)
                    .primaryModel(models[0])
                    .extraModels(List.of(models).subList(1, models.length))
                    .build());
    created.put(provider, monitor);
  }

  /** Runs the rollup job after each day change that comes before this run, as a host would. */
  private void beforeRun(ChannelMonitor cm, int run) {
    if (run == 3) {
      clock.set(at(-19, "00:05"));
      jobReports.addAll(cm.rollupJob().runUntilCaughtUp());
    } else if (run == 4) {
      clock.set(at(-9, "00:05"));
      jobReports.addAll(cm.rollupJob().runUntilCaughtUp());
    } else if (run == 6) {
      clock.set(at(0, "00:01"));
      beforeMidnightJob = figures(cm);
      clock.set(at(0, "00:05"));
      jobReports.addAll(cm.rollupJob().runUntilCaughtUp());
      afterMidnightJob = figures(cm);
    }
  }

  Map<Long, MonitorAvailability> figures(ChannelMonitor cm) {
    List<MonitorModels> asked =
        created.values().stream().map(m -> MonitorModels.of(cm.monitors().get(m.id()))).toList();
    return cm.availability().availability(asked, WINDOWS);
  }

  Map<Long, List<ResultRecord>> history(ChannelMonitor cm) {
    Map<Long, List<ResultRecord>> out = new LinkedHashMap<>();
    created.values().forEach(m -> out.put(m.id(), cm.monitors().history(m.id(), null, 1000)));
    return out;
  }

  long id(String provider) {
    return created.get(provider).id();
  }

  // ---------------------------------------------------------------- the runs themselves

  @Test
  void everyRunProbedEveryModelWithTheScriptedVerdict() {
    assertThat(probes).hasSize(RUN_TIMES.size() * 4);
    assertThat(verdicts("openai", HEALTHY)).containsOnly(CheckStatus.OPERATIONAL).hasSize(7);
    assertThat(verdicts("openai", FLAKY))
        .containsExactly(
            CheckStatus.ERROR,
            CheckStatus.OPERATIONAL,
            CheckStatus.OPERATIONAL,
            CheckStatus.FAILED,
            CheckStatus.OPERATIONAL,
            CheckStatus.ERROR,
            CheckStatus.OPERATIONAL);
    assertThat(results("anthropic", WRONG))
        .allSatisfy(r -> assertThat(r.failureKind()).isEqualTo(FailureKind.CHALLENGE_MISMATCH))
        .extracting(CheckResult::status)
        .containsOnly(CheckStatus.FAILED);
    assertThat(results("gemini", DOWN))
        .allSatisfy(r -> assertThat(r.failureKind()).isEqualTo(FailureKind.UPSTREAM_5XX))
        .extracting(CheckResult::status)
        .containsOnly(CheckStatus.ERROR);
    assertThat(probes)
        .allSatisfy(p -> assertThat(p.result().checkedAt()).isEqualTo(RUN_TIMES.get(p.run())));
  }

  @Test
  void theRollupJobRolledUpEachMissedDayAndPrunedRawRowsPastRetention() {
    // 4 (monitor, model) pairs had results on T-20, T-10 and T-1; other days have none.
    assertThat(jobReports)
        .extracting(RunReport::daysRolledUp, RunReport::rowsUpserted, RunReport::resultsPruned)
        .containsExactly(
            tuple(35, 0L, 0L),
            tuple(35, 0L, 0L),
            tuple(20, 4L, 0L),
            tuple(10, 4L, 12L),
            tuple(9, 4L, 4L));
    assertThat(jobReports).allMatch(RunReport::succeeded);
    ChannelMonitorStore store = newStore();
    assertThat(store.rollupWatermark()).contains(T.minusDays(1));
    List<DailyRollup> rollups =
        store.rollups(List.of(id("openai")), T.minusDays(30), T).stream()
            .filter(r -> r.model().equals(FLAKY))
            .sorted(Comparator.comparing(DailyRollup::day))
            .toList();
    assertThat(rollups)
        .extracting(DailyRollup::day)
        .containsExactly(T.minusDays(20), T.minusDays(10), T.minusDays(1));
    assertThat(rollups.get(0).counts().error()).isEqualTo(1);
    assertThat(rollups.get(0).counts().operational()).isEqualTo(2);
    assertThat(rollups.get(1).counts().failed()).isEqualTo(1);
  }

  @Test
  void onlyTheRawRowsOfTheLastWeekAreLeft() {
    // r4, r5 (T-1) and r6 (T) survive; r0..r3 were rolled up and pruned.
    for (Monitor monitor : created.values()) {
      List<ResultRecord> rows = finalHistory.get(monitor.id());
      assertThat(rows)
          .extracting(r -> r.result().checkedAt())
          .containsOnly(RUN_TIMES.get(4), RUN_TIMES.get(5), RUN_TIMES.get(6));
      assertThat(rows).hasSize(3 * monitor.config().models().size());
    }
  }

  // ---------------------------------------------------------------- the figures

  @Test
  void theHealthyModelIsAlwaysAvailable() {
    ModelAvailability healthy = model("openai", HEALTHY);
    assertWindow(healthy.window(7), 3, 3, 100.0);
    assertWindow(healthy.window(15), 4, 4, 100.0);
    assertWindow(healthy.window(30), 7, 7, 100.0);
    assertThat(healthy.latestStatus()).isEqualTo(CheckStatus.OPERATIONAL);
    assertThat(healthy.latestCheckedAt()).isEqualTo(RUN_TIMES.get(6));
    assertAverageLatencies("openai", HEALTHY, healthy);
  }

  @Test
  void theFlakyModelHasOneFigurePerWindow() {
    ModelAvailability flaky = model("openai", FLAKY);
    // 7 days: r4 ok, r5 error, r6 ok. 15 days: + r3 failed. 30 days: + r0 error, r1 ok, r2 ok.
    assertWindow(flaky.window(7), 3, 2, 200.0 / 3);
    assertWindow(flaky.window(15), 4, 2, 50.0);
    assertWindow(flaky.window(30), 7, 4, 400.0 / 7);
    assertThat(flaky.latestStatus()).isEqualTo(CheckStatus.OPERATIONAL);
    assertAverageLatencies("openai", FLAKY, flaky);
  }

  @Test
  void failedAndErroredModelsAreZeroPercentNotNoData() {
    for (String[] pair : new String[][] {{"anthropic", WRONG}, {"gemini", DOWN}}) {
      ModelAvailability figures = model(pair[0], pair[1]);
      assertWindow(figures.window(7), 3, 0, 0.0);
      assertWindow(figures.window(15), 4, 0, 0.0);
      assertWindow(figures.window(30), 7, 0, 0.0);
      assertThat(figures.windows().values()).allMatch(w -> w.averageLatencyMs() == null);
    }
    assertThat(model("anthropic", WRONG).latestStatus()).isEqualTo(CheckStatus.FAILED);
    assertThat(model("gemini", DOWN).latestStatus()).isEqualTo(CheckStatus.ERROR);
  }

  @Test
  void theTimelineShowsThePrimaryModelsRetainedChecksNewestFirst() {
    List<Instant> expected = List.of(RUN_TIMES.get(6), RUN_TIMES.get(5), RUN_TIMES.get(4));
    Map<String, CheckStatus> statusByProvider =
        Map.of(
            "openai", CheckStatus.OPERATIONAL,
            "anthropic", CheckStatus.FAILED,
            "gemini", CheckStatus.ERROR);
    statusByProvider.forEach(
        (provider, status) -> {
          List<TimelinePoint> timeline = finalFigures.get(id(provider)).timeline();
          assertThat(timeline).extracting(TimelinePoint::checkedAt).isEqualTo(expected);
          assertThat(timeline).extracting(TimelinePoint::status).containsOnly(status);
        });
  }

  @Test
  void figuresReadJustAfterMidnightDoNotChangeWhenTheJobRuns() {
    assertThat(models(afterMidnightJob)).isEqualTo(models(beforeMidnightJob));
    // At T 00:01 the 7-day window holds r4 and r5 only.
    ModelAvailability flaky = beforeMidnightJob.get(id("openai")).model(FLAKY).orElseThrow();
    assertWindow(flaky.window(7), 2, 1, 50.0);
    assertWindow(flaky.window(30), 6, 3, 50.0);
  }

  // ---------------------------------------------------------------- a restart

  @Test
  void aNewInstanceWithTheSameKeysSeesTheSameMonitorsHistoryAndFigures() throws Exception {
    restartDatabase();
    try (ChannelMonitor reopened = newMonitor(keys, null)) {
      List<Monitor> monitors = reopened.monitors().list(MonitorQuery.all()).items();
      assertThat(monitors).isEqualTo(finalMonitors).hasSize(3);
      assertThat(monitors).noneMatch(Monitor::keyDecryptFailed);
      Map<String, String> keyByProvider =
          monitors.stream().collect(Collectors.toMap(Monitor::provider, m -> m.apiKey().reveal()));
      assertThat(keyByProvider)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("openai", OPENAI_KEY, "anthropic", ANTHROPIC_KEY, "gemini", GEMINI_KEY));
      assertThat(reopened.monitors().get(id("openai")).config())
          .isEqualTo(created.get("openai").config());
      assertThat(history(reopened)).isEqualTo(finalHistory);
      assertThat(figures(reopened)).isEqualTo(finalFigures);
    }
  }

  @Test
  void aNewInstanceWithOtherKeysStillListsEveryMonitorButNeverProbesOne() throws Exception {
    restartDatabase();
    try (ChannelMonitor stranger = newMonitor(ring((byte) 9), null)) {
      List<Monitor> monitors = stranger.monitors().list(MonitorQuery.all()).items();
      assertThat(monitors)
          .hasSize(3)
          .allMatch(Monitor::keyDecryptFailed)
          .allMatch(m -> m.apiKey().equals(ApiKey.EMPTY));
      assertThat(monitors)
          .extracting(Monitor::id, Monitor::config)
          .isEqualTo(finalMonitors.stream().map(m -> tuple(m.id(), m.config())).toList());
      assertThatThrownBy(() -> stranger.monitors().runNow(id("openai")))
          .isInstanceOf(KeyDecryptFailedException.class)
          .extracting(e -> ((KeyDecryptFailedException) e).reason())
          .isEqualTo(Reason.CHANNEL_MONITOR_KEY_DECRYPT_FAILED);
      assertThat(history(stranger)).isEqualTo(finalHistory);
      assertThat(figures(stranger)).isEqualTo(finalFigures);
    }
  }

  // ---------------------------------------------------------------- helpers

  private List<CheckResult> results(String provider, String model) {
    return probes.stream()
        .filter(p -> p.monitorId() == id(provider) && p.result().model().equals(model))
        .map(Probe::result)
        .toList();
  }

  private List<CheckStatus> verdicts(String provider, String model) {
    return results(provider, model).stream().map(CheckResult::status).toList();
  }

  private ModelAvailability model(String provider, String model) {
    return finalFigures.get(id(provider)).model(model).orElseThrow();
  }

  private static Map<Long, List<ModelAvailability>> models(Map<Long, MonitorAvailability> all) {
    Map<Long, List<ModelAvailability>> out = new LinkedHashMap<>();
    all.forEach((id, figures) -> out.put(id, figures.models()));
    return out;
  }

  private static void assertWindow(WindowFigures window, long total, long ok, double percent) {
    assertThat(window.total()).as("total").isEqualTo(total);
    assertThat(window.ok()).as("ok").isEqualTo(ok);
    assertThat(window.availabilityPercent()).as("percent").isCloseTo(percent, within(1e-9));
  }

  /** The mean latency of the available checks of each window, from the results the runs gave. */
  private void assertAverageLatencies(String provider, String model, ModelAvailability figures) {
    for (int days : WINDOWS) {
      Instant from = T.minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
      List<Long> latencies =
          probes.stream()
              .filter(p -> p.monitorId() == id(provider) && p.result().model().equals(model))
              .map(Probe::result)
              .filter(r -> r.available() && !r.checkedAt().isBefore(from))
              .map(CheckResult::latencyMs)
              .toList();
      long sum = latencies.stream().mapToLong(Long::longValue).sum();
      assertThat(figures.window(days).averageLatencyMs())
          .as("average latency over %d days", days)
          .isEqualTo(sum / latencies.size());
    }
  }
}
