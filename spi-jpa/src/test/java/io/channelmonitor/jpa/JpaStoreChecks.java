package io.channelmonitor.jpa;

import static io.channelmonitor.testkit.store.StoreFixtures.monitor;
import static io.channelmonitor.testkit.store.StoreFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.channelmonitor.MonitorQuery;
import io.channelmonitor.StoreException;
import io.channelmonitor.jpa.entity.MonitorEntity;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultPoint;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.ManualClock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the JPA store promises beyond the contracts, on one database. */
abstract class JpaStoreChecks {
  private static final String SECRET = "sk-do-not-echo-0123456789";
  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

  private JpaStore store;

  abstract TestDatabase db();

  abstract JpaDialect expectedDialect();

  @BeforeEach
  void createStore() {
    store = db().store(ManualClock.start());
  }

  @AfterEach
  void emptyTables() {
    db().empty();
  }

  @Test
  void theDialectIsDetectedFromTheDatabase() {
    assertThat(store.dialect()).isEqualTo(expectedDialect());
    assertThat(store).hasToString("JpaStore[dialect=" + expectedDialect() + "]");
  }

  @Test
  void theUnitManagesExactlyTheListedEntities() {
    List<Class<?>> entities =
        db().factory().getMetamodel().getEntities().stream()
            .<Class<?>>map(EntityType::getJavaType)
            .toList();

    assertThat(JpaStore.ENTITY_CLASSES).containsAll(entities).hasSize(entities.size() + 2);
    assertThat(JpaStore.ENTITY_CLASSES)
        .allSatisfy(type -> assertThat(type.getPackageName()).isEqualTo(JpaStore.ENTITY_PACKAGE));
  }

  @Test
  void aRefusedValueIsAStoreExceptionNamingTheOperationButNotTheValue() {
    MonitorRecord tooLong = monitor().name(SECRET + "x".repeat(100)).record();

    StoreException failure =
        catchThrowableOfType(StoreException.class, () -> store.insertMonitor(tooLong));

    assertThat(failure).hasMessageContaining("insertMonitor").hasMessageContaining("SQLState 22");
    assertThat(TestDatabase.messagesOf(failure)).noneMatch(message -> message.contains(SECRET));
    assertThat(store.listMonitors(MonitorQuery.all()).total()).isZero();
  }

  @Test
  void unreadableJsonIsAStoreExceptionThatDoesNotQuoteTheColumn() {
    long id = store.insertMonitor(monitor().header("Authorization", "Bearer x").record()).id();
    db().inTransaction(
            manager ->
                manager
                    .createNativeQuery(
                        "UPDATE "
                            + MonitorEntity.TABLE
                            + " SET extra_headers = :text WHERE id = :id")
                    .setParameter("text", "{\"Authorization\": \"" + SECRET)
                    .setParameter("id", id)
                    .executeUpdate());

    StoreException failure =
        catchThrowableOfType(StoreException.class, () -> store.findMonitor(id));

    assertThat(failure).hasMessageContaining("findMonitor");
    assertThat(TestDatabase.messagesOf(failure)).noneMatch(message -> message.contains(SECRET));
  }

  @Test
  void idsOfOneBatchFollowTheListOrder() {
    long id = store.insertMonitor(monitor().record()).id();
    List<ResultRecord> batch = new ArrayList<>();
    for (String model : List.of("c", "a", "d", "b")) {
      batch.add(result(model, T).of(id));
    }

    store.insertResults(batch);

    assertThat(store.history(id, null, 10))
        .extracting(row -> row.result().model())
        .containsExactly("b", "d", "a", "c");
  }

  @Test
  void aBatchOfResultsTakesAFewStatementsNotOnePerRow() {
    long first = store.insertMonitor(monitor().record()).id();
    long second = store.insertMonitor(monitor().record()).id();
    List<ResultRecord> batch = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      Long nullable = i % 2 == 0 ? null : (long) i;
      batch.add(
          result("m" + i, T.plusMillis(i))
              .latency(i)
              .firstToken(nullable)
              .ping(nullable)
              .message("row " + i)
              .of(i < 125 ? first : second));
    }
    Statistics statistics = db().factory().unwrap(SessionFactory.class).getStatistics();
    statistics.clear();

    store.insertResults(batch);

    // One share lock of the two monitors, then 100 + 100 + 50 rows in three INSERTs.
    assertThat(statistics.getPrepareStatementCount()).isEqualTo(4);
    List<ResultRecord> stored = new ArrayList<>(store.history(first, null, 1000));
    stored.addAll(store.history(second, null, 1000));
    assertThat(stored)
        .extracting(ResultRecord::result)
        .containsExactlyInAnyOrderElementsOf(batch.stream().map(ResultRecord::result).toList());
  }

  @Test
  void readsForThousandsOfMonitorsTakeOneStatementEachAndMissNothing() {
    MonitorRecord first = store.insertMonitor(monitor().name("first").record());
    MonitorRecord last = store.insertMonitor(monitor().name("last").record());
    store.insertResults(
        List.of(
            result("x", T).of(first.id()),
            result("x", T.plusSeconds(1)).of(last.id()),
            result("y", T.plusSeconds(2)).of(last.id())));
    List<Long> ids = new ArrayList<>();
    ids.add(first.id());
    for (long id = last.id() + 1; ids.size() < 12_000; id++) {
      ids.add(id);
    }
    ids.add(last.id());
    Map<Long, List<String>> modelsByMonitor = new LinkedHashMap<>();
    Map<Long, String> modelByMonitor = new LinkedHashMap<>();
    ids.forEach(id -> modelsByMonitor.put(id, List.of("x", "y", "z")));
    ids.forEach(id -> modelByMonitor.put(id, "x"));
    java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 5);
    store.rollUpDay(day);
    Statistics statistics = db().factory().unwrap(SessionFactory.class).getStatistics();
    statistics.clear();

    assertThat(store.latestPerModel(modelsByMonitor))
        .extracting(row -> row.monitorId() + "/" + row.result().model())
        .containsExactlyInAnyOrder(first.id() + "/x", last.id() + "/x", last.id() + "/y");
    assertThat(store.newestResults(modelByMonitor, 5))
        .extracting(ResultRecord::monitorId)
        .containsExactly(first.id(), last.id());
    assertThat(store.newestPoints(modelByMonitor, 5))
        .extracting(ResultPoint::monitorId)
        .containsExactly(first.id(), last.id());
    assertThat(store.countResultsFrom(ids, List.of(T, T.plusSeconds(1)), T.plusSeconds(3)))
        .hasEntrySatisfying(T, counts -> assertThat(counts).hasSize(3))
        .hasEntrySatisfying(T.plusSeconds(1), counts -> assertThat(counts).hasSize(2));
    assertThat(store.sumRollupsFrom(ids, List.of(day), day).get(day)).hasSize(3);
    assertThat(store.rollups(ids, day, day)).hasSize(3);
    assertThat(statistics.getPrepareStatementCount()).isEqualTo(6);
  }

  @Test
  void theStoreCommitsOnItsOwnWhateverTheCallerDoes() {
    EntityManager caller = db().factory().createEntityManager();
    try {
      caller.getTransaction().begin();
      MonitorRecord stored = store.insertMonitor(monitor().record());
      caller.getTransaction().rollback();

      assertThat(store.findMonitor(stored.id())).contains(stored);
    } finally {
      caller.close();
    }
  }

  @Test
  void aStoreCannotBeBuiltOnAUnitWithoutTheEntities() {
    var settings = TestDatabase.settings("jdbc:h2:mem:empty-unit", "sa", "");
    settings.remove("jakarta.persistence.schema-generation.database.action");
    try (var other =
        jakarta.persistence.Persistence.createEntityManagerFactory("without-entities", settings)) {
      assertThatThrownBy(() -> JpaStore.builder(other).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(MonitorEntity.class.getName())
          .hasMessageContaining("JpaStore.ENTITY_CLASSES")
          .hasMessageContaining("@EntityScan");
    }
  }

  @Test
  void aDialectGivenToTheBuilderIsUsedWithoutDetection() {
    JpaStore given = JpaStore.builder(db().factory()).dialect(expectedDialect()).build();

    assertThat(given.dialect()).isEqualTo(expectedDialect());
    given.setRollupWatermark(T.atZone(java.time.ZoneOffset.UTC).toLocalDate());
    assertThat(given.rollupWatermark()).isPresent();
  }
}
