package io.channelmonitor.testkit.store;

import static io.channelmonitor.testkit.store.StoreFixtures.MODEL;
import static io.channelmonitor.testkit.store.StoreFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultPoint;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.store.ResultStore;
import io.channelmonitor.store.StatusCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ResultStore}: batches, exact round trips, newest-first reads with ties on
 * checkedAt broken by id, window counts and batched pruning. Every field of a {@code CheckResult}
 * must come back exactly, instants with at least millisecond precision. Extend it and implement
 * {@link #createStore}; see {@link StoreContractSupport}.
 */
public abstract class ResultStoreContract extends StoreContractSupport {
  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void insertResultsStoresTheWholeBatchWithDistinctIds() {
    MonitorRecord monitor = insertMonitor("m");

    insertResults(
        result("a", T).of(monitor.id()),
        result("b", T).of(monitor.id()),
        result("c", T.plusMillis(1)).of(monitor.id()));

    List<ResultRecord> stored = store.history(monitor.id(), null, 10);
    assertThat(stored).extracting(row -> row.result().model()).containsOnly("a", "b", "c");
    assertThat(stored).extracting(ResultRecord::monitorId).containsOnly(monitor.id());
    assertThat(stored).extracting(ResultRecord::id).doesNotHaveDuplicates().allMatch(id -> id > 0);
    assertThat(stored).hasSize(3);
  }

  @Test
  void laterBatchesGetGreaterIds() {
    MonitorRecord monitor = insertMonitor("m");
    insertResults(result("a", T).of(monitor.id()), result("b", T).of(monitor.id()));
    long firstMax = maxId(store.history(monitor.id(), null, 10));

    insertResults(result("c", T.minusSeconds(60)).of(monitor.id()));

    ResultRecord later = store.history(monitor.id(), "c", 1).get(0);
    assertThat(later.id()).isGreaterThan(firstMax);
  }

  @Test
  void everyResultFieldSurvivesARoundTripExactly() {
    MonitorRecord monitor = insertMonitor("m");
    List<CheckResult> given =
        List.of(
            result("slow", T.plusMillis(123))
                .status(CheckStatus.DEGRADED)
                .latency(7_250)
                .firstToken(310L)
                .ping(42L)
                .message("slow: 7250 ms over 6000 ms")
                .build(),
            result("limited", T.plusMillis(124))
                .failure(CheckStatus.ERROR, FailureKind.RATE_LIMITED)
                .latency(0)
                .message("429 Retry-After: 30 — quota ü 🙂 \"quoted\" 'single' \\ back\nline")
                .build(),
            result("wrong", T.plusMillis(125))
                .failure(CheckStatus.FAILED, FailureKind.CHALLENGE_MISMATCH)
                .firstToken(0L)
                .message("x".repeat(CheckResult.MAX_MESSAGE_CHARS + 100))
                .build(),
            result("hung", T.plusMillis(999))
                .failure(CheckStatus.ERROR, FailureKind.TIMEOUT)
                .build());

    store.insertResults(given.stream().map(r -> new ResultRecord(0, monitor.id(), r)).toList());

    List<CheckResult> stored =
        store.history(monitor.id(), null, 10).stream().map(ResultRecord::result).toList();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(given);
    assertThat(given.get(2).message()).hasSize(CheckResult.MAX_MESSAGE_CHARS);
  }

  @Test
  void resultsOfAMissingMonitorAreDroppedAndTheRestIsStored() {
    MonitorRecord kept = insertMonitor("kept");
    MonitorRecord gone = insertMonitor("gone");
    store.deleteMonitor(gone.id());

    insertResults(result(T).of(kept.id()), result(T).of(gone.id()), result("x", T).of(MISSING_ID));

    assertThat(store.history(kept.id(), null, 10)).hasSize(1);
    assertThat(store.history(gone.id(), null, 10)).isEmpty();
    assertThat(store.history(MISSING_ID, null, 10)).isEmpty();
  }

  @Test
  void emptyInputsGiveEmptyAnswers() {
    MonitorRecord monitor = insertMonitor("m");
    insertResults(result(T).of(monitor.id()));

    store.insertResults(List.of());

    assertThat(store.latestPerModel(Map.of())).isEmpty();
    assertThat(store.latestPerModel(Map.of(monitor.id(), List.of()))).isEmpty();
    assertThat(store.newestResults(Map.of(), 10)).isEmpty();
    assertThat(store.countResults(List.of(), T, T.plusSeconds(1))).isEmpty();
    assertThat(store.history(monitor.id(), null, 10)).hasSize(1);
  }

  @Test
  void limitsBelowOneEmptyRangesAndDuplicateIdsAreHandled() {
    MonitorRecord monitor = insertMonitor("m");
    insertResults(result(T).of(monitor.id()), result(T.plusSeconds(1)).of(monitor.id()));

    assertThat(store.history(monitor.id(), null, 0)).isEmpty();
    assertThat(store.history(monitor.id(), null, -1)).isEmpty();
    assertThat(store.newestResults(Map.of(monitor.id(), MODEL), 0)).isEmpty();
    assertThat(store.newestResults(Map.of(monitor.id(), MODEL), -1)).isEmpty();
    assertThat(store.countResults(List.of(monitor.id()), T, T)).isEmpty();
    assertThat(store.countResults(List.of(monitor.id()), T.plusSeconds(5), T)).isEmpty();
    assertThat(store.latestPerModel(Map.of(monitor.id(), List.of(MODEL, MODEL)))).hasSize(1);
    assertThat(store.countResults(List.of(monitor.id(), monitor.id()), T, T.plusSeconds(5)))
        .singleElement()
        .satisfies(c -> assertThat(c.counts().total()).isEqualTo(2));
  }

  @Test
  void aBatchIsStoredWholeOrNotAtAll() {
    MonitorRecord monitor = insertMonitor("m");
    List<ResultRecord> batch = new ArrayList<>();
    batch.add(result(T).of(monitor.id()));
    batch.add(null);

    try {
      store.insertResults(batch);
    } catch (RuntimeException expected) {
      // a null row is a caller bug; what matters is that no part of the batch was kept
    }

    assertThat(store.history(monitor.id(), null, 10)).isEmpty();
  }

  @Test
  void latestPerModelCoversEveryModelOfEveryAskedMonitor() {
    MonitorRecord a = insertMonitor("a");
    MonitorRecord b = insertMonitor("b");
    MonitorRecord unasked = insertMonitor("unasked");
    insertResults(
        result("x", T).of(a.id()),
        result("y", T).of(a.id()),
        result("x", T.plusSeconds(60)).status(CheckStatus.FAILED).of(a.id()),
        result("x", T.plusSeconds(120)).of(b.id()),
        result("x", T.plusSeconds(90)).of(b.id()),
        result("x", T.plusSeconds(300)).of(unasked.id()));

    Map<Long, List<String>> asked = new LinkedHashMap<>();
    asked.put(a.id(), List.of("x", "y", "never-checked"));
    asked.put(b.id(), List.of("x"));
    asked.put(MISSING_ID, List.of("x"));

    List<ResultRecord> latest = store.latestPerModel(asked);

    assertThat(latest)
        .extracting(row -> key(row.monitorId(), row.result().model(), row.result().checkedAt()))
        .containsExactlyInAnyOrder(
            key(a.id(), "x", T.plusSeconds(60)),
            key(a.id(), "y", T),
            key(b.id(), "x", T.plusSeconds(120)));
  }

  @Test
  void latestPerModelBreaksTiesOnCheckedAtById() {
    MonitorRecord monitor = insertMonitor("m");
    insertResults(result(T).message("first").of(monitor.id()));
    insertResults(result(T).message("second").of(monitor.id()));

    List<ResultRecord> latest = store.latestPerModel(Map.of(monitor.id(), List.of(MODEL)));

    assertThat(latest).hasSize(1);
    assertThat(latest.get(0).result().message()).isEqualTo("second");
    assertThat(latest.get(0).id()).isEqualTo(maxId(store.history(monitor.id(), MODEL, 10)));
  }

  @Test
  void latestPerModelLeavesOutModelsThatWereNotAsked() {
    MonitorRecord a = insertMonitor("a");
    MonitorRecord b = insertMonitor("b");
    insertResults(
        result("x", T).of(a.id()),
        result("y", T.plusSeconds(1)).of(a.id()),
        result("y", T.plusSeconds(2)).of(a.id()),
        result("x", T.plusSeconds(3)).of(b.id()));

    List<ResultRecord> latest =
        store.latestPerModel(Map.of(a.id(), List.of("y"), b.id(), List.of("y")));

    assertThat(latest)
        .extracting(row -> key(row.monitorId(), row.result().model(), row.result().checkedAt()))
        .containsExactly(key(a.id(), "y", T.plusSeconds(2)));
  }

  @Test
  void newestResultsTakesTheMappedModelUpToTheLimitPerMonitorInOrder() {
    MonitorRecord a = insertMonitor("a");
    MonitorRecord b = insertMonitor("b");
    MonitorRecord idle = insertMonitor("idle");
    List<ResultRecord> rows = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rows.add(result("x", T.plusSeconds(i)).of(a.id()));
      rows.add(result("y", T.plusSeconds(10 + i)).of(b.id()));
      rows.add(result("x", T.plusSeconds(20 + i)).of(b.id()));
    }
    rows.add(result("y", T.plusSeconds(30)).of(a.id()));
    store.insertResults(rows);
    Map<Long, String> modelByMonitor = new LinkedHashMap<>();
    modelByMonitor.put(idle.id(), "x");
    modelByMonitor.put(b.id(), "y");
    modelByMonitor.put(a.id(), "x");

    List<ResultRecord> newest = store.newestResults(modelByMonitor, 2);

    assertThat(newest)
        .extracting(row -> key(row.monitorId(), row.result().model(), row.result().checkedAt()))
        .containsExactly(
            key(a.id(), "x", T.plusSeconds(3)),
            key(a.id(), "x", T.plusSeconds(2)),
            key(b.id(), "y", T.plusSeconds(13)),
            key(b.id(), "y", T.plusSeconds(12)));
  }

  @Test
  void newestPointsAreTheNewestResultsNarrowedToWhatATimelineShows() {
    MonitorRecord a = insertMonitor("a");
    MonitorRecord b = insertMonitor("b");
    insertResults(
        result("x", T).latency(120).ping(15L).of(a.id()),
        result("x", T.plusSeconds(1))
            .failure(CheckStatus.ERROR, FailureKind.TIMEOUT)
            .latency(5_000)
            .ping(null)
            .of(a.id()),
        result("y", T.plusSeconds(2)).of(a.id()),
        result("x", T.plusMillis(1_500)).status(CheckStatus.DEGRADED).latency(900).of(b.id()));
    insertResults(result("x", T.plusSeconds(1)).latency(7).ping(3L).of(a.id()));
    Map<Long, String> modelByMonitor = new LinkedHashMap<>();
    modelByMonitor.put(b.id(), "x");
    modelByMonitor.put(a.id(), "x");

    List<ResultPoint> points = store.newestPoints(modelByMonitor, 2);

    List<ResultRecord> newest = store.newestResults(modelByMonitor, 2);
    assertThat(points).containsExactlyElementsOf(newest.stream().map(ResultPoint::of).toList());
    assertThat(points)
        .extracting(
            ResultPoint::monitorId,
            ResultPoint::status,
            ResultPoint::latencyMs,
            ResultPoint::pingLatencyMs,
            ResultPoint::checkedAt)
        .containsExactly(
            tuple(a.id(), CheckStatus.OPERATIONAL, 7L, 3L, T.plusSeconds(1)),
            tuple(a.id(), CheckStatus.ERROR, 5_000L, null, T.plusSeconds(1)),
            tuple(b.id(), CheckStatus.DEGRADED, 900L, null, T.plusMillis(1_500)));
    assertThat(store.newestPoints(modelByMonitor, 0)).isEmpty();
    assertThat(store.newestPoints(Map.of(), 5)).isEmpty();
  }

  @Test
  void historyOfAllModelsIsNewestFirstWithTiesOnCheckedAtBrokenById() {
    MonitorRecord monitor = insertMonitor("m");
    long id = monitor.id();
    insertResults(
        result("x", T).of(id),
        result("y", T.plusSeconds(2)).of(id),
        result("x", T.plusSeconds(1)).of(id));
    insertResults(result("y", T).of(id));

    List<ResultRecord> history = store.history(id, null, 10);

    assertThat(history)
        .extracting(row -> tuple(row.result().model(), row.result().checkedAt()))
        .containsExactly(
            tuple("y", T.plusSeconds(2)),
            tuple("x", T.plusSeconds(1)),
            tuple("y", T),
            tuple("x", T));
    assertThat(history.get(2).id()).isGreaterThan(history.get(3).id());
  }

  @Test
  void historyFiltersOneModelAndHonoursTheLimit() {
    MonitorRecord monitor = insertMonitor("m");
    List<ResultRecord> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(result("x", T.plusSeconds(2L * i)).of(monitor.id()));
      rows.add(result("y", T.plusSeconds(2L * i + 1)).of(monitor.id()));
    }
    store.insertResults(rows);

    assertThat(store.history(monitor.id(), "x", 3))
        .extracting(row -> row.result().checkedAt())
        .containsExactly(T.plusSeconds(8), T.plusSeconds(6), T.plusSeconds(4));
    assertThat(store.history(monitor.id(), null, 3))
        .extracting(row -> tuple(row.result().model(), row.result().checkedAt()))
        .containsExactly(
            tuple("y", T.plusSeconds(9)),
            tuple("x", T.plusSeconds(8)),
            tuple("y", T.plusSeconds(7)));
    assertThat(store.history(monitor.id(), "z", 10)).isEmpty();
    assertThat(store.history(MISSING_ID, null, 10)).isEmpty();
  }

  @Test
  void countResultsCountsFromInclusiveToExclusivePerStatusWithAvailableLatencyOnly() {
    long id = insertMonitor("m").id();
    Instant to = T.plus(Duration.ofHours(1));
    insertResults(
        result("x", T.minusMillis(1)).of(id),
        result("x", T).latency(100).of(id),
        result("x", T.plusSeconds(1800)).status(CheckStatus.DEGRADED).latency(7_000).of(id),
        result("x", T.plusSeconds(1800))
            .failure(CheckStatus.FAILED, FailureKind.EMPTY_ANSWER)
            .latency(900)
            .of(id),
        result("x", to.minusMillis(1))
            .failure(CheckStatus.ERROR, FailureKind.TIMEOUT)
            .latency(45_000)
            .of(id),
        result("x", to).of(id),
        result("y", T.plusSeconds(600)).latency(200).of(id));

    List<ModelCounts> counts = store.countResults(List.of(id), T, to);

    assertThat(counts)
        .containsExactlyInAnyOrder(
            new ModelCounts(id, "x", new StatusCounts(1, 1, 1, 1, 7_100, 2)),
            new ModelCounts(id, "y", new StatusCounts(1, 0, 0, 0, 200, 1)));
  }

  @Test
  void countResultsLeavesOutUnaskedMonitorsAndPairsWithoutResultsInTheWindow() {
    long asked = insertMonitor("asked").id();
    long unasked = insertMonitor("unasked").id();
    insertResults(
        result("x", T).of(asked),
        result("y", T.minusSeconds(1)).of(asked),
        result("x", T).of(unasked));

    List<ModelCounts> counts = store.countResults(List.of(asked, MISSING_ID), T, T.plusSeconds(1));

    assertThat(counts)
        .containsExactly(new ModelCounts(asked, "x", new StatusCounts(1, 0, 0, 0, 100, 1)));
  }

  @Test
  void countResultsFromCountsRangesSharingTheirEndInOneCall() {
    long a = insertMonitor("a").id();
    long b = insertMonitor("b").id();
    Instant mid = T.plusSeconds(100);
    Instant late = T.plusSeconds(200);
    Instant to = T.plusSeconds(300);
    StatusCounts oneError = new StatusCounts(0, 0, 0, 1, 0, 0);
    insertResults(
        result("x", T.minusMillis(1)).of(a),
        result("x", T).of(a),
        result("x", mid).status(CheckStatus.DEGRADED).latency(7_000).of(a),
        result("y", mid.minusMillis(1)).of(a),
        result("x", late).failure(CheckStatus.ERROR, FailureKind.TIMEOUT).latency(45_000).of(b),
        result("x", to).of(b));

    Map<Instant, List<ModelCounts>> counts =
        store.countResultsFrom(
            List.of(a, b, MISSING_ID), List.of(late, T, mid, T, to, to.plusSeconds(1)), to);

    assertThat(counts).containsOnlyKeys(T, mid, late, to, to.plusSeconds(1));
    assertThat(counts.get(T))
        .containsExactlyInAnyOrder(
            new ModelCounts(a, "x", new StatusCounts(1, 1, 0, 0, 7_100, 2)),
            new ModelCounts(a, "y", new StatusCounts(1, 0, 0, 0, 100, 1)),
            new ModelCounts(b, "x", oneError));
    assertThat(counts.get(mid))
        .containsExactlyInAnyOrder(
            new ModelCounts(a, "x", new StatusCounts(0, 1, 0, 0, 7_000, 1)),
            new ModelCounts(b, "x", oneError));
    assertThat(counts.get(late)).containsExactly(new ModelCounts(b, "x", oneError));
    assertThat(counts.get(to)).isEmpty();
    assertThat(counts.get(to.plusSeconds(1))).isEmpty();
    for (Instant from : List.of(T, mid, late)) {
      assertThat(store.countResults(List.of(a, b), from, to))
          .containsExactlyInAnyOrderElementsOf(counts.get(from));
    }
  }

  @Test
  void countResultsFromAnswersEveryStartEvenWithoutMonitors() {
    long id = insertMonitor("m").id();
    insertResults(result(T).of(id));

    assertThat(store.countResultsFrom(List.of(), List.of(T), T.plusSeconds(1))).containsOnlyKeys(T);
    assertThat(store.countResultsFrom(List.of(), List.of(T), T.plusSeconds(1)).get(T)).isEmpty();
    assertThat(store.countResultsFrom(List.of(id), List.of(), T.plusSeconds(1))).isEmpty();
  }

  @Test
  void pruneResultsDeletesInBatchesOldestFirstAndKeepsNewerRows() {
    long a = insertMonitor("a").id();
    long b = insertMonitor("b").id();
    Instant cutoff = T.plus(Duration.ofHours(1));
    List<ResultRecord> rows = new ArrayList<>();
    for (int i = 24; i >= 0; i--) {
      rows.add(result(i % 3 == 0 ? "x" : "y", T.plusSeconds(i)).of(i % 2 == 0 ? a : b));
    }
    for (int i = 0; i < 5; i++) {
      rows.add(result("x", cutoff.plusSeconds(i)).of(i % 2 == 0 ? a : b));
    }
    store.insertResults(rows);

    assertThat(store.pruneResults(cutoff, 10)).isEqualTo(10);
    assertThat(checkedTimes(a, b)).first().isEqualTo(T.plusSeconds(10));
    assertThat(store.pruneResults(cutoff, 10)).isEqualTo(10);
    assertThat(store.pruneResults(cutoff, 10)).isEqualTo(5);
    assertThat(store.pruneResults(cutoff, 10)).isZero();
    assertThat(checkedTimes(a, b))
        .containsExactly(
            cutoff,
            cutoff.plusSeconds(1),
            cutoff.plusSeconds(2),
            cutoff.plusSeconds(3),
            cutoff.plusSeconds(4));
  }

  private List<Instant> checkedTimes(long... monitorIds) {
    List<Instant> times = new ArrayList<>();
    for (long id : monitorIds) {
      store.history(id, null, 100).forEach(row -> times.add(row.result().checkedAt()));
    }
    times.sort(null);
    return times;
  }

  private static long maxId(List<ResultRecord> rows) {
    return rows.stream().mapToLong(ResultRecord::id).max().orElseThrow();
  }

  private static Tuple key(long monitorId, String model, Instant checkedAt) {
    return tuple(monitorId, model, checkedAt);
  }
}
