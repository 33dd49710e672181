package io.channelmonitor.testkit.store;

import static io.channelmonitor.testkit.store.StoreFixtures.monitor;
import static io.channelmonitor.testkit.store.StoreFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.ApiMode;
import io.channelmonitor.BodyOverrideMode;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.Page;
import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.MonitorStore;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.store.StaleMonitorException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract of {@link MonitorStore}: ids, exact round trips, cascading deletes, filtered and
 * paged listing. Instants must come back with at least millisecond precision. Extend it and
 * implement {@link #createStore}; see {@link StoreContractSupport}.
 */
public abstract class MonitorStoreContract extends StoreContractSupport {
  private static final Instant CREATED = Instant.parse("2026-01-01T01:02:03.456Z");

  @Test
  void insertAssignsIncreasingDistinctIdsAndReturnsTheStoredRecord() {
    MonitorRecord given = monitor().name("first").record().withId(-7);

    MonitorRecord first = store.insertMonitor(given);
    MonitorRecord second = insertMonitor("second");
    MonitorRecord third = insertMonitor("third");

    assertThat(first.id()).isPositive();
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(third.id()).isGreaterThan(second.id());
    assertThat(first).isEqualTo(given.withId(first.id()).withVersion(1));
    assertThat(store.findMonitor(first.id())).contains(first);
  }

  @Test
  void insertKeepsEveryFieldExactly() {
    MonitorRecord given =
        monitor()
            .name("Relay 🚀 ü")
            .endpoint("https://relay.example.com/openai")
            .primaryModel("gpt-4.1")
            .extraModels("o4-mini", "gpt-4o")
            .group("Team A")
            .enabled(false)
            .interval(300, 15)
            .apiMode(ApiMode.RESPONSES)
            .header("X-Zeta", "2")
            .header("X-Alpha", "1")
            .bodyOverride(BodyOverrideMode.MERGE, "{\"temperature\":0}")
            .stream(true)
            .apiKeyCiphertext("v1.k2.abc.def")
            .createdAt(CREATED)
            .updatedAt(CREATED.plusMillis(1))
            .lastCheckedAt(CREATED.plusSeconds(60))
            .record();

    MonitorRecord stored = store.insertMonitor(given);

    MonitorRecord found = store.findMonitor(stored.id()).orElseThrow();
    assertThat(found).isEqualTo(given.withId(stored.id()).withVersion(1)).isEqualTo(stored);
    assertThat(found.apiKeyCiphertext()).isEqualTo("v1.k2.abc.def");
    assertThat(found.config().extraModels()).containsExactly("o4-mini", "gpt-4o");
    assertThat(found.config().extraHeaders().keySet()).containsExactly("X-Zeta", "X-Alpha");
  }

  @Test
  void findOfAMissingIdIsEmpty() {
    insertMonitor("present");

    assertThat(store.findMonitor(MISSING_ID)).isEmpty();
  }

  @Test
  void updateOfAMissingIdIsEmptyAndStoresNothing() {
    MonitorRecord ghost = monitor().name("ghost").record().withId(MISSING_ID).withVersion(1);

    assertThat(store.updateMonitor(ghost)).isEmpty();
    assertThat(store.findMonitor(MISSING_ID)).isEmpty();
    assertThat(store.listMonitors(MonitorQuery.all()).total()).isZero();
  }

  @Test
  void updateKeepsIdCreatedAtAndLastCheckedAtAndReplacesEveryOtherField() {
    MonitorRecord original = store.insertMonitor(monitor().name("old").createdAt(CREATED).record());
    Instant later = CREATED.plusSeconds(3600);
    store.markChecked(original.id(), CREATED.plusSeconds(60));
    MonitorRecord change =
        monitor()
            .name("new")
            .provider("anthropic")
            .endpoint("https://relay.example.org/anthropic")
            .primaryModel("claude-sonnet-4")
            .extraModels("claude-haiku-4", "claude-opus-4")
            .group("moved")
            .enabled(false)
            .interval(300, 30)
            .apiMode(ApiMode.RESPONSES)
            .header("X-Changed", "yes")
            .bodyOverride(BodyOverrideMode.MERGE, "{\"temperature\":0}")
            .stream(true)
            .apiKeyCiphertext("v1.k9.other")
            .createdAt(later)
            .lastCheckedAt(later.minusSeconds(5))
            .record()
            .asUpdateOf(original);
    assertThat(change.config()).isNotEqualTo(original.config());

    MonitorRecord updated = store.updateMonitor(change).orElseThrow();

    MonitorRecord expected =
        new MonitorRecord(
            original.id(),
            original.version() + 1,
            change.config(),
            "v1.k9.other",
            CREATED,
            later,
            CREATED.plusSeconds(60));
    assertThat(updated).isEqualTo(expected);
    assertThat(store.findMonitor(original.id())).contains(expected);
  }

  @Test
  void anUpdateMadeFromAnOldVersionIsRefusedAndWritesNothing() {
    MonitorRecord original = insertMonitor("v1");
    assertThat(original.version()).isEqualTo(1);
    MonitorRecord first =
        store.updateMonitor(monitor().name("v2").record().asUpdateOf(original)).orElseThrow();
    assertThat(first.version()).isEqualTo(2);

    MonitorRecord stale = monitor().name("lost").record().asUpdateOf(original);

    assertThatThrownBy(() -> store.updateMonitor(stale)).isInstanceOf(StaleMonitorException.class);
    assertThat(store.findMonitor(original.id())).contains(first);
  }

  @Test
  void deleteReportsWhetherAMonitorWasDeleted() {
    MonitorRecord doomed = insertMonitor("doomed");

    assertThat(store.deleteMonitor(doomed.id())).isTrue();
    assertThat(store.deleteMonitor(doomed.id())).isFalse();
    assertThat(store.deleteMonitor(MISSING_ID)).isFalse();
    assertThat(store.findMonitor(doomed.id())).isEmpty();
  }

  @Test
  void deleteCascadesToResultsAndRollupsAndLeavesOtherMonitors() {
    MonitorRecord doomed = insertMonitor("doomed");
    MonitorRecord kept = insertMonitor("kept");
    Instant at = StoreFixtures.T0.plusSeconds(10);
    insertResults(result(at).of(doomed.id()), result(at).of(kept.id()));
    LocalDate day = LocalDate.of(2026, 1, 1);
    store.rollUpDay(day);

    store.deleteMonitor(doomed.id());

    List<Long> both = ids(doomed, kept);
    assertThat(store.history(doomed.id(), null, 10)).isEmpty();
    assertThat(store.latestPerModel(withModels(both, StoreFixtures.MODEL)))
        .extracting(ResultRecord::monitorId)
        .containsExactly(kept.id());
    assertThat(store.countResults(both, at, at.plusSeconds(1)))
        .extracting(ModelCounts::monitorId)
        .containsExactly(kept.id());
    assertThat(store.rollups(both, day, day))
        .extracting(DailyRollup::monitorId)
        .containsExactly(kept.id());
    assertThat(store.findMonitor(kept.id())).contains(kept);
    assertThat(store.history(kept.id(), null, 10)).hasSize(1);
  }

  @Test
  void listIsNewestFirstWithTheTotal() {
    insertMonitor("a");
    insertMonitor("b");
    insertMonitor("c");

    Page<MonitorRecord> page = store.listMonitors(MonitorQuery.all());

    assertThat(names(page)).containsExactly("c", "b", "a");
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.page()).isEqualTo(1);
    assertThat(page.pageSize()).isEqualTo(MonitorQuery.DEFAULT_PAGE_SIZE);
  }

  @Test
  void listFiltersByExactProvider() {
    store.insertMonitor(monitor().name("o").provider("openai").record());
    store.insertMonitor(monitor().name("a").provider("anthropic").record());
    store.insertMonitor(monitor().name("x").provider("openai-compat").record());

    assertThat(names(list(MonitorQuery.all().withProvider("openai")))).containsExactly("o");
    assertThat(names(list(MonitorQuery.all().withProvider("anthropic")))).containsExactly("a");
    assertThat(list(MonitorQuery.all().withProvider("gemini")).total()).isZero();
  }

  @Test
  void listFiltersByEnabled() {
    store.insertMonitor(monitor().name("on").enabled(true).record());
    store.insertMonitor(monitor().name("off").enabled(false).record());

    assertThat(names(list(MonitorQuery.all().withEnabled(true)))).containsExactly("on");
    assertThat(names(list(MonitorQuery.all().withEnabled(false)))).containsExactly("off");
    assertThat(names(list(MonitorQuery.all().withEnabled(null)))).containsExactly("off", "on");
  }

  @ParameterizedTest
  @CsvSource({
    "ALPHA, Alpha",
    "lph, Alpha",
    "Team-Red, beta",
    "team-r, beta",
    "GPT-4O-MINI, gamma",
    "4o-M, gamma"
  })
  void searchMatchesNameGroupOrPrimaryModelIgnoringCase(String search, String expected) {
    store.insertMonitor(monitor().name("Alpha").primaryModel("claude-haiku").record());
    store.insertMonitor(monitor().name("beta").group("team-red").primaryModel("gemini").record());
    store.insertMonitor(monitor().name("gamma").primaryModel("gpt-4o-mini").record());
    store.insertMonitor(monitor().name("delta").primaryModel("o3").record());

    assertThat(names(list(MonitorQuery.all().withSearch(search)))).containsExactly(expected);
  }

  @Test
  void searchIgnoresOtherFieldsAndTakesWildcardsLiterally() {
    store.insertMonitor(
        monitor().name("plain").extraModels("hidden-model").endpoint("https://hidden.io").record());
    store.insertMonitor(monitor().name("50%_off").record());
    store.insertMonitor(monitor().name("500 off").record());

    assertThat(list(MonitorQuery.all().withSearch("hidden")).total()).isZero();
    assertThat(names(list(MonitorQuery.all().withSearch("0%")))).containsExactly("50%_off");
    assertThat(names(list(MonitorQuery.all().withSearch("%_")))).containsExactly("50%_off");
    assertThat(names(list(MonitorQuery.all().withSearch("0_")))).isEmpty();
  }

  @Test
  void listCombinesFilters() {
    store.insertMonitor(monitor().name("prod-1").provider("openai").enabled(true).record());
    store.insertMonitor(monitor().name("prod-2").provider("openai").enabled(false).record());
    store.insertMonitor(monitor().name("prod-3").provider("gemini").enabled(true).record());
    store.insertMonitor(monitor().name("test-1").provider("openai").enabled(true).record());

    MonitorQuery query =
        MonitorQuery.all().withProvider("openai").withEnabled(true).withSearch("PROD");

    assertThat(names(list(query))).containsExactly("prod-1");
    assertThat(list(query.withEnabled(null)).total()).isEqualTo(2);
  }

  @Test
  void listPagesThroughMatchesWithTheTotalOfAllPages() {
    for (int i = 1; i <= 7; i++) {
      insertMonitor("item-" + i);
    }
    insertMonitor("other");

    MonitorQuery query = MonitorQuery.all().withSearch("item");
    Page<MonitorRecord> second = list(query.withPage(2, 3));
    Page<MonitorRecord> last = list(query.withPage(3, 3));
    Page<MonitorRecord> beyond = list(query.withPage(4, 3));

    assertThat(names(list(query.withPage(1, 3)))).containsExactly("item-7", "item-6", "item-5");
    assertThat(names(second)).containsExactly("item-4", "item-3", "item-2");
    assertThat(second.total()).isEqualTo(7);
    assertThat(second.page()).isEqualTo(2);
    assertThat(second.pageSize()).isEqualTo(3);
    assertThat(names(last)).containsExactly("item-1");
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(7);
  }

  @Test
  void pageSizeIsCappedByTheQuery() {
    int count = MonitorQuery.MAX_PAGE_SIZE + 5;
    for (int i = 0; i < count; i++) {
      insertMonitor("m" + i);
    }

    Page<MonitorRecord> page = list(MonitorQuery.all().withPage(1, 1_000));

    assertThat(page.items()).hasSize(MonitorQuery.MAX_PAGE_SIZE);
    assertThat(page.pageSize()).isEqualTo(MonitorQuery.MAX_PAGE_SIZE);
    assertThat(page.total()).isEqualTo(count);
    assertThat(list(MonitorQuery.all().withPage(2, 1_000)).items()).hasSize(5);
  }

  @Test
  void listEnabledIsAscendingByIdAndOnlyEnabled() {
    MonitorRecord first = insertMonitor("first");
    store.insertMonitor(monitor().name("off").enabled(false).record());
    MonitorRecord third = insertMonitor("third");

    assertThat(store.listEnabledMonitors()).containsExactly(first, third);
  }

  @Test
  void markCheckedSetsLastCheckedAtAndNothingElse() {
    MonitorRecord stored = insertMonitor("checked");
    Instant at = Instant.parse("2026-01-02T03:04:05.678Z");

    store.markChecked(stored.id(), at);

    assertThat(store.findMonitor(stored.id())).contains(stored.withLastCheckedAt(at));
    store.markChecked(stored.id(), at.plusSeconds(60));
    assertThat(store.findMonitor(stored.id()).orElseThrow().lastCheckedAt())
        .isEqualTo(at.plusSeconds(60));
  }

  @Test
  void recordRunStoresTheResultsAndTheLastCheckTogether() {
    MonitorRecord stored = insertMonitor("run");
    MonitorRecord other = insertMonitor("other");
    Instant at = Instant.parse("2026-01-02T03:04:05.678Z");

    store.recordRun(
        stored.id(), List.of(result("a", at).of(stored.id()), result("b", at).of(stored.id())), at);
    store.recordRun(stored.id(), List.of(), at.plusSeconds(60));

    assertThat(store.history(stored.id(), null, 10))
        .extracting(row -> row.result().model())
        .containsExactlyInAnyOrder("a", "b");
    assertThat(store.findMonitor(stored.id()).orElseThrow().lastCheckedAt())
        .isEqualTo(at.plusSeconds(60));
    assertThat(store.findMonitor(other.id())).contains(other);
  }

  @Test
  void recordRunOfAMissingMonitorStoresNothingAndARunHoldingAnotherMonitorsResultIsRefused() {
    MonitorRecord stored = insertMonitor("run");
    MonitorRecord doomed = insertMonitor("doomed");
    store.deleteMonitor(doomed.id());
    Instant at = StoreFixtures.T0;

    store.recordRun(doomed.id(), List.of(result("a", at).of(doomed.id())), at);
    assertThatThrownBy(
            () ->
                store.recordRun(
                    stored.id(),
                    List.of(result("a", at).of(stored.id()), result("b", at).of(doomed.id())),
                    at))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.findMonitor(doomed.id())).isEmpty();
    assertThat(store.history(doomed.id(), null, 10)).isEmpty();
    assertThat(store.history(stored.id(), null, 10)).isEmpty();
    assertThat(store.findMonitor(stored.id())).contains(stored);
  }

  @Test
  void markCheckedOfAMissingMonitorDoesNothing() {
    MonitorRecord stored = insertMonitor("other");

    store.markChecked(MISSING_ID, StoreFixtures.T0);

    assertThat(store.findMonitor(MISSING_ID)).isEmpty();
    assertThat(store.findMonitor(stored.id())).contains(stored);
  }

  private Page<MonitorRecord> list(MonitorQuery query) {
    return store.listMonitors(query);
  }

  private static List<String> names(Page<MonitorRecord> page) {
    return page.items().stream().map(monitor -> monitor.config().name()).toList();
  }
}
