package io.channelmonitor.jpa;

import static io.channelmonitor.testkit.store.StoreFixtures.monitor;
import static io.channelmonitor.testkit.store.StoreFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.channelmonitor.MonitorQuery;
import io.channelmonitor.StoreException;
import io.channelmonitor.jpa.entity.ResultEntity;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.ManualClock;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JPA store's failures are typed as the JDBC store's are, on one database: a value the database
 * refuses is {@code REFUSED_VALUE}, stores nothing of its operation and is quoted by no message; a
 * database that cannot be reached is {@code UNAVAILABLE}.
 */
abstract class JpaStoreFailureChecks {
  private static final String SECRET = "sk-do-not-echo-0123456789";
  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

  /** More rows than one INSERT statement takes, so a refused row fails a later statement. */
  private static final int ROWS = ResultInsert.ROWS_PER_STATEMENT + 50;

  private JpaStore store;

  abstract TestDatabase db();

  abstract JpaDialect expectedDialect();

  /** Hibernate's dialect class for this database, set when the provider cannot connect. */
  abstract String hibernateDialect();

  /** A data source of this database's driver aimed at {@code port}, where nothing listens. */
  abstract DataSource unreachable(int port, String password);

  @BeforeEach
  void createStore() {
    store = db().store(ManualClock.start());
  }

  @AfterEach
  void emptyTables() {
    db().empty();
  }

  @Test
  void aBatchWithAValueTooLongForItsColumnIsRefusedAndStoresNoneOfItsRows() {
    long id = store.insertMonitor(monitor().record()).id();
    List<ResultRecord> batch = batchWithAt(id, ROWS - 10, SECRET + "m".repeat(250));

    StoreException failure =
        catchThrowableOfType(StoreException.class, () -> store.insertResults(batch));

    assertThat(failure.kind()).isEqualTo(StoreException.Kind.REFUSED_VALUE);
    assertThat(failure).hasMessageContaining("insertResults").hasMessageContaining("SQLState 22");
    assertThat(TestDatabase.messagesOf(failure)).noneMatch(message -> message.contains(SECRET));
    assertThat(store.history(id, null, 1000)).isEmpty();
  }

  @Test
  void aBatchViolatingAConstraintIsRefusedAndStoresNoneOfItsRows() {
    long id = store.insertMonitor(monitor().record()).id();
    List<ResultRecord> batch = batchWithAt(id, ROWS - 10, "refused-" + SECRET);
    String constraint = "cm_test_no_refused_model";
    execute(
        "ALTER TABLE "
            + ResultEntity.TABLE
            + " ADD CONSTRAINT "
            + constraint
            + " CHECK (model NOT LIKE 'refused%')");
    try {
      StoreException failure =
          catchThrowableOfType(StoreException.class, () -> store.insertResults(batch));

      assertThat(failure.kind()).isEqualTo(StoreException.Kind.REFUSED_VALUE);
      assertThat(failure).hasMessageContaining("insertResults").hasMessageContaining("SQLState 23");
      assertThat(TestDatabase.messagesOf(failure)).noneMatch(message -> message.contains(SECRET));
      assertThat(store.history(id, null, 1000)).isEmpty();
    } finally {
      execute("ALTER TABLE " + ResultEntity.TABLE + " DROP CONSTRAINT " + constraint);
    }
  }

  @Test
  void aValueTooLongForAMonitorColumnIsRefusedOnInsertAndOnUpdate() {
    String tooLong = SECRET + "x".repeat(100);
    MonitorRecord stored = store.insertMonitor(monitor().record());

    StoreException onInsert =
        catchThrowableOfType(
            StoreException.class, () -> store.insertMonitor(monitor().name(tooLong).record()));
    StoreException onUpdate =
        catchThrowableOfType(
            StoreException.class,
            () -> store.updateMonitor(monitor().name(tooLong).record().asUpdateOf(stored)));

    for (StoreException failure : List.of(onInsert, onUpdate)) {
      assertThat(failure.kind()).isEqualTo(StoreException.Kind.REFUSED_VALUE);
      assertThat(failure).hasMessageContaining("SQLState 22");
      assertThat(TestDatabase.messagesOf(failure)).noneMatch(message -> message.contains(SECRET));
    }
    assertThat(onInsert).hasMessageContaining("insertMonitor");
    assertThat(onUpdate).hasMessageContaining("updateMonitor");
    assertThat(store.listMonitors(MonitorQuery.all()).items()).containsExactly(stored);
  }

  @Test
  void aDatabaseThatCannotBeReachedIsUnavailableAndItsPasswordIsNotQuoted() throws IOException {
    try (EntityManagerFactory down = unreachableFactory()) {
      StoreException onBuild =
          catchThrowableOfType(StoreException.class, () -> JpaStore.builder(down).build());
      JpaStore given = JpaStore.builder(down).dialect(expectedDialect()).build();
      StoreException onRead =
          catchThrowableOfType(StoreException.class, () -> given.findMonitor(1));
      StoreException onWrite =
          catchThrowableOfType(
              StoreException.class, () -> given.insertResults(batchWithAt(1, 0, "fine")));

      for (StoreException failure : List.of(onBuild, onRead, onWrite)) {
        assertThat(failure.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE);
        assertThat(TestDatabase.messagesOf(failure)).noneMatch(message -> message.contains(SECRET));
      }
      assertThat(onRead).hasMessageContaining("findMonitor");
      assertThat(onWrite).hasMessageContaining("insertResults");
    }
  }

  /**
   * A factory of the test unit on a data source that refuses every connection: the dialect is
   * given, since the provider cannot ask the database at boot, and no schema is generated.
   */
  private EntityManagerFactory unreachableFactory() throws IOException {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.nonJtaDataSource", unreachable(closedPort(), SECRET));
    settings.put("hibernate.dialect", hibernateDialect());
    settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
    settings.put("hibernate.jdbc.time_zone", "UTC");
    return Persistence.createEntityManagerFactory(TestDatabase.UNIT, settings);
  }

  /**
   * {@value #ROWS} results of monitor {@code id}, the one at {@code index} of model {@code odd}.
   */
  private static List<ResultRecord> batchWithAt(long id, int index, String odd) {
    List<ResultRecord> batch = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      batch.add(result(i == index ? odd : "m" + i, T.plusSeconds(i)).of(id));
    }
    return batch;
  }

  /** A local port nothing listens on: one the system just handed out and that was closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void execute(String sql) {
    db().inTransaction(manager -> manager.createNativeQuery(sql).executeUpdate());
  }
}
