package io.channelmonitor.testkit.store;

import static io.channelmonitor.testkit.store.StoreFixtures.result;
import static io.channelmonitor.testkit.store.StoreFixtures.startOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.store.RollupStore;
import io.channelmonitor.store.StatusCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RollupStore}: UTC day boundaries, idempotent replacing writes, inclusive
 * day ranges and batched pruning. Extend it and implement {@link #createStore}; see {@link
 * StoreContractSupport}.
 */
public abstract class RollupStoreContract extends StoreContractSupport {
  private static final LocalDate D = LocalDate.of(2026, 1, 5);
  private static final StatusCounts ONE_OK = new StatusCounts(1, 0, 0, 0, 100, 1);

  @Test
  void rollUpDayCountsTheUtcDayFromMidnightInclusiveToMidnightExclusive() {
    long id = insertMonitor("m").id();
    Instant start = startOf(D);
    Instant next = startOf(D.plusDays(1));
    insertResults(
        result("x", start.minusMillis(1)).of(id),
        result("x", start).latency(100).of(id),
        result("x", start.plusSeconds(3600)).status(CheckStatus.DEGRADED).latency(6_500).of(id),
        result("x", next.minusMillis(1))
            .failure(CheckStatus.ERROR, FailureKind.CONNECT)
            .latency(10_000)
            .of(id),
        result("x", next).failure(CheckStatus.FAILED, FailureKind.EMPTY_ANSWER).of(id),
        result("y", start.plusSeconds(60))
            .failure(CheckStatus.FAILED, FailureKind.CHALLENGE_MISMATCH)
            .latency(800)
            .of(id));

    assertThat(store.rollUpDay(D)).isEqualTo(2);

    assertThat(store.rollups(List.of(id), D, D))
        .containsExactlyInAnyOrder(
            new DailyRollup(id, "x", D, new StatusCounts(1, 1, 0, 1, 6_600, 2)),
            new DailyRollup(id, "y", D, new StatusCounts(0, 0, 1, 0, 0, 0)));
  }

  @Test
  void rollUpDayIsIdempotent() {
    long id = insertMonitor("m").id();
    insertResults(result("x", startOf(D)).of(id), result("y", startOf(D).plusSeconds(1)).of(id));

    int first = store.rollUpDay(D);
    List<DailyRollup> afterFirst = store.rollups(List.of(id), D, D);
    int second = store.rollUpDay(D);

    assertThat(second).isEqualTo(first).isEqualTo(2);
    assertThat(store.rollups(List.of(id), D, D)).containsExactlyInAnyOrderElementsOf(afterFirst);
  }

  @Test
  void rollUpDayReplacesCountsWhenMoreResultsArrive() {
    long id = insertMonitor("m").id();
    insertResults(result("x", startOf(D).plusSeconds(10)).of(id));
    store.rollUpDay(D);

    insertResults(
        result("x", startOf(D).plusSeconds(20)).status(CheckStatus.ERROR).latency(5).of(id));
    store.rollUpDay(D);

    assertThat(store.rollups(List.of(id), D, D))
        .containsExactly(new DailyRollup(id, "x", D, new StatusCounts(1, 0, 0, 1, 100, 1)));
  }

  @Test
  void rollUpDayLeavesOtherDaysAndPairsWithoutResultsThatDay() {
    long id = insertMonitor("m").id();
    insertResults(
        result("x", startOf(D)).of(id),
        result("y", startOf(D)).of(id),
        result("x", startOf(D.plusDays(1))).of(id));
    rollUp(D, D.plusDays(1));
    store.pruneResults(startOf(D.plusDays(1)), 100);
    insertResults(result("x", startOf(D).plusSeconds(5)).status(CheckStatus.FAILED).of(id));

    assertThat(store.rollUpDay(D)).isEqualTo(1);

    assertThat(store.rollups(List.of(id), D, D.plusDays(1)))
        .containsExactlyInAnyOrder(
            new DailyRollup(id, "x", D, new StatusCounts(0, 0, 1, 0, 0, 0)),
            new DailyRollup(id, "y", D, ONE_OK),
            new DailyRollup(id, "x", D.plusDays(1), ONE_OK));
  }

  @Test
  void rollUpDayOfADayWithoutResultsWritesNothing() {
    long id = insertMonitor("m").id();
    insertResults(result("x", startOf(D)).of(id));

    assertThat(store.rollUpDay(D.minusDays(1))).isZero();
    assertThat(store.rollUpDay(D.plusDays(1))).isZero();

    assertThat(store.rollups(List.of(id), D.minusDays(10), D.plusDays(10))).isEmpty();
  }

  @Test
  void rollupsReadsAnInclusiveDayRangeOfTheGivenMonitorsOnly() {
    long a = insertMonitor("a").id();
    long b = insertMonitor("b").id();
    long unasked = insertMonitor("unasked").id();
    List<ResultRecord> rows = new ArrayList<>();
    for (int day = -1; day <= 2; day++) {
      rows.add(result("x", startOf(D.plusDays(day))).of(a));
    }
    rows.add(result("x", startOf(D)).of(b));
    rows.add(result("x", startOf(D)).of(unasked));
    store.insertResults(rows);
    rollUp(D.minusDays(1), D.plusDays(2));

    List<DailyRollup> rollups = store.rollups(List.of(a, b, MISSING_ID), D, D.plusDays(1));

    assertThat(rollups)
        .containsExactlyInAnyOrder(
            new DailyRollup(a, "x", D, ONE_OK),
            new DailyRollup(a, "x", D.plusDays(1), ONE_OK),
            new DailyRollup(b, "x", D, ONE_OK));
  }

  @Test
  void sumRollupsSumsPerPairOverAnInclusiveDayRange() {
    long a = insertMonitor("a").id();
    long b = insertMonitor("b").id();
    insertResults(
        result("x", startOf(D)).of(a),
        result("x", startOf(D.plusDays(1))).status(CheckStatus.DEGRADED).latency(7_000).of(a),
        result("x", startOf(D.plusDays(2))).status(CheckStatus.ERROR).latency(3).of(a),
        result("x", startOf(D.plusDays(3))).of(a),
        result("y", startOf(D.plusDays(3))).of(a),
        result("x", startOf(D)).of(b));
    rollUp(D, D.plusDays(3));

    assertThat(store.sumRollups(List.of(a), D, D.plusDays(2)))
        .containsExactly(new ModelCounts(a, "x", new StatusCounts(1, 1, 0, 1, 7_100, 2)));
    assertThat(store.sumRollups(List.of(a, b), D, D))
        .containsExactlyInAnyOrder(
            new ModelCounts(a, "x", ONE_OK), new ModelCounts(b, "x", ONE_OK));
  }

  @Test
  void sumRollupsFromSumsDayRangesSharingTheirLastDayInOneCall() {
    long a = insertMonitor("a").id();
    long b = insertMonitor("b").id();
    StatusCounts oneError = new StatusCounts(0, 0, 0, 1, 0, 0);
    insertResults(
        result("x", startOf(D)).of(a),
        result("x", startOf(D.plusDays(1))).status(CheckStatus.DEGRADED).latency(7_000).of(a),
        result("y", startOf(D)).of(a),
        result("x", startOf(D.plusDays(2))).status(CheckStatus.ERROR).latency(3).of(b),
        result("x", startOf(D.plusDays(3))).of(b));
    rollUp(D, D.plusDays(3));
    LocalDate last = D.plusDays(2);

    Map<LocalDate, List<ModelCounts>> sums =
        store.sumRollupsFrom(
            List.of(a, b, MISSING_ID), List.of(last, D, D.plusDays(1), D, D.plusDays(3)), last);

    assertThat(sums).containsOnlyKeys(D, D.plusDays(1), last, D.plusDays(3));
    assertThat(sums.get(D))
        .containsExactlyInAnyOrder(
            new ModelCounts(a, "x", new StatusCounts(1, 1, 0, 0, 7_100, 2)),
            new ModelCounts(a, "y", ONE_OK),
            new ModelCounts(b, "x", oneError));
    assertThat(sums.get(D.plusDays(1)))
        .containsExactlyInAnyOrder(
            new ModelCounts(a, "x", new StatusCounts(0, 1, 0, 0, 7_000, 1)),
            new ModelCounts(b, "x", oneError));
    assertThat(sums.get(last)).containsExactly(new ModelCounts(b, "x", oneError));
    assertThat(sums.get(D.plusDays(3))).isEmpty();
    for (LocalDate from : List.of(D, D.plusDays(1), last)) {
      assertThat(store.sumRollups(List.of(a, b), from, last))
          .containsExactlyInAnyOrderElementsOf(sums.get(from));
    }
  }

  @Test
  void sumRollupsFromAnswersEveryStartEvenWithoutMonitors() {
    long id = insertMonitor("m").id();
    insertResults(result("x", startOf(D)).of(id));
    store.rollUpDay(D);

    assertThat(store.sumRollupsFrom(List.of(), List.of(D), D)).containsOnlyKeys(D);
    assertThat(store.sumRollupsFrom(List.of(), List.of(D), D).get(D)).isEmpty();
    assertThat(store.sumRollupsFrom(List.of(id), List.of(), D)).isEmpty();
  }

  @Test
  void pruneRollupsDeletesInBatchesAndKeepsNewerDays() {
    long id = insertMonitor("m").id();
    List<ResultRecord> rows = new ArrayList<>();
    for (int day = 0; day < 7; day++) {
      for (String model : List.of("m1", "m2", "m3", "m4", "m5")) {
        rows.add(result(model, startOf(D.plusDays(day))).of(id));
      }
    }
    store.insertResults(rows);
    rollUp(D, D.plusDays(6));
    LocalDate before = D.plusDays(5);

    assertThat(store.pruneRollups(before, 10)).isEqualTo(10);
    assertThat(store.pruneRollups(before, 10)).isEqualTo(10);
    assertThat(store.pruneRollups(before, 10)).isEqualTo(5);
    assertThat(store.pruneRollups(before, 10)).isZero();

    assertThat(store.rollups(List.of(id), D, D.plusDays(6)))
        .hasSize(10)
        .allSatisfy(row -> assertThat(row.day()).isAfterOrEqualTo(before));
  }

  @Test
  void invertedDayRangesGiveEmptyAnswers() {
    MonitorRecord monitor = insertMonitor("m");
    insertResults(result(Instant.parse("2026-01-05T10:00:00Z")).of(monitor.id()));
    LocalDate day = LocalDate.parse("2026-01-05");
    store.rollUpDay(day);

    assertThat(store.rollups(List.of(monitor.id()), day.plusDays(1), day)).isEmpty();
    assertThat(store.sumRollups(List.of(monitor.id()), day.plusDays(1), day)).isEmpty();
    assertThat(store.rollups(List.of(monitor.id()), day, day)).hasSize(1);
  }

  @Test
  void emptyMonitorIdsGiveEmptyAnswers() {
    long id = insertMonitor("m").id();
    insertResults(result("x", startOf(D)).of(id));
    store.rollUpDay(D);

    assertThat(store.rollups(List.of(), D, D)).isEmpty();
    assertThat(store.sumRollups(List.of(), D, D)).isEmpty();
    assertThat(store.rollups(List.of(id), D, D)).hasSize(1);
  }

  private void rollUp(LocalDate from, LocalDate to) {
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      store.rollUpDay(day);
    }
  }
}
