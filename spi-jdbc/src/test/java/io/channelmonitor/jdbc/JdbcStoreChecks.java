package io.channelmonitor.jdbc;

import static io.channelmonitor.testkit.store.StoreFixtures.monitor;
import static io.channelmonitor.testkit.store.StoreFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.Reason;
import io.channelmonitor.StoreException;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultPoint;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store promises beyond the contract suite, run on each database: dialect detection,
 * typed failures that store nothing and quote no value, one statement per read for any number of
 * monitors. Every test uses tables of its own prefix in the class's database.
 */
abstract class JdbcStoreChecks {
  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");
  private static final String SECRET = "sk-do-not-echo-0123456789";

  protected final ManualClock clock = ManualClock.start();

  /** The database of the test class. */
  abstract TestDatabase db();

  abstract JdbcDialect expectedDialect();

  /** A data source of this database's driver aimed at {@code port}, where nothing listens. */
  abstract DataSource unreachable(int port, String password);

  /** A store on fresh tables of a prefix no other test uses. */
  JdbcStore freshStore() {
    return JdbcStore.builder(db().dataSource())
        .tablePrefix(uniquePrefix())
        .clock(clock)
        .createSchemaIfMissing(true)
        .build();
  }

  static String uniquePrefix() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
  }

  @Test
  void detectsTheDialectFromTheDatabase() {
    JdbcStore store = freshStore();

    assertThat(store.dialect()).isEqualTo(expectedDialect());
    assertThat(store.toString()).contains(expectedDialect().name());
  }

  @Test
  void aBatchWithAValueTooLongForItsColumnFailsTypedAndStoresNothing() {
    JdbcStore store = freshStore();
    MonitorRecord stored = store.insertMonitor(monitor().record());
    String tooLong = "m".repeat(250);
    List<ResultRecord> batch =
        List.of(
            result("fine", T).of(stored.id()),
            result(tooLong, T).of(stored.id()),
            result("also-fine", T).of(stored.id()));

    assertThatThrownBy(() -> store.insertResults(batch))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.CHANNEL_MONITOR_STORE_FAILED);
              assertThat(e.getMessage()).contains("insertResults").contains("22001");
              assertThat(e.getMessage()).doesNotContain("mmmm");
              assertThat(e.getCause()).isInstanceOf(SQLException.class);
              assertThat(e.getCause().getMessage()).doesNotContain("mmmm");
            });
    assertThat(store.history(stored.id(), null, 10)).isEmpty();
    assertThat(store.latestPerModel(Map.of(stored.id(), List.of("fine", "also-fine")))).isEmpty();
  }

  @Test
  void aBatchViolatingAConstraintFailsTypedAndStoresNothing() throws SQLException {
    String prefix = uniquePrefix();
    JdbcStore store =
        JdbcStore.builder(db().dataSource())
            .tablePrefix(prefix)
            .clock(clock)
            .createSchemaIfMissing(true)
            .build();
    MonitorRecord stored = store.insertMonitor(monitor().record());
    execute(
        "ALTER TABLE "
            + prefix
            + "results ADD CONSTRAINT "
            + prefix
            + "no_refused CHECK (model NOT LIKE 'refused%')");
    String refused = "refused-" + SECRET;
    List<ResultRecord> batch =
        List.of(
            result("fine", T).of(stored.id()),
            result(refused, T).of(stored.id()),
            result("also-fine", T).of(stored.id()));

    assertThatThrownBy(() -> store.insertResults(batch))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(StoreException.Kind.REFUSED_VALUE);
              assertThat(e.getMessage()).contains("insertResults").contains("SQLState 23");
              assertThat(messagesOf(e)).noneMatch(message -> message.contains(SECRET));
            });
    assertThat(count(prefix + "results")).isZero();
  }

  @Test
  void anUnreachableDatabaseIsUnavailableAndItsPasswordIsNotQuoted() throws IOException {
    DataSource unreachable = unreachable(closedPort(), SECRET);

    assertThatThrownBy(() -> JdbcStore.builder(unreachable).build())
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE);
              assertThat(messagesOf(e)).noneMatch(message -> message.contains(SECRET));
            });
    assertThatThrownBy(() -> JdbcStore.builder(unreachable).dialect(expectedDialect()).build())
        .isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).kind())
        .isEqualTo(StoreException.Kind.UNAVAILABLE);
  }

  @Test
  void readsForThousandsOfMonitorsTakeOneStatementEachAndMissNothing() {
    StatementCountingDataSource counting = new StatementCountingDataSource(db().dataSource());
    JdbcStore store =
        JdbcStore.builder(counting.dataSource())
            .tablePrefix(uniquePrefix())
            .clock(clock)
            .createSchemaIfMissing(true)
            .build();
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
    Map<Long, String> modelByMonitor = new HashMap<>();
    ids.forEach(id -> modelByMonitor.put(id, "x"));
    Map<Long, List<String>> modelsByMonitor = new HashMap<>();
    ids.forEach(id -> modelsByMonitor.put(id, List.of("x", "y")));
    LocalDate day = LocalDate.of(2026, 1, 5);
    store.rollUpDay(day);
    counting.takeCount();

    assertThat(store.latestPerModel(modelsByMonitor)).hasSize(3);
    assertThat(counting.takeCount()).isEqualTo(1);
    assertThat(store.newestPoints(modelByMonitor, 5))
        .extracting(ResultPoint::monitorId)
        .containsExactly(first.id(), last.id());
    assertThat(counting.takeCount()).isEqualTo(1);
    assertThat(store.countResultsFrom(ids, List.of(T, T.plusSeconds(1)), T.plusSeconds(3)))
        .hasEntrySatisfying(T, counts -> assertThat(counts).hasSize(3))
        .hasEntrySatisfying(T.plusSeconds(1), counts -> assertThat(counts).hasSize(2));
    assertThat(counting.takeCount()).isEqualTo(1);
    assertThat(store.sumRollupsFrom(ids, List.of(day), day).get(day)).hasSize(3);
    assertThat(counting.takeCount()).isEqualTo(1);
    assertThat(store.rollups(ids, day, day)).hasSize(3);
    assertThat(counting.takeCount()).isEqualTo(1);
  }

  @Test
  void theSchemaScriptRunsTwiceHarmlesslyAndHonoursThePrefix() throws SQLException {
    String prefix = uniquePrefix();
    JdbcStore first =
        JdbcStore.builder(db().dataSource())
            .tablePrefix(prefix)
            .createSchemaIfMissing(true)
            .build();
    MonitorRecord kept = first.insertMonitor(monitor().record());

    JdbcStore second =
        JdbcStore.builder(db().dataSource())
            .tablePrefix(prefix)
            .createSchemaIfMissing(true)
            .build();

    assertThat(second.tablePrefix()).isEqualTo(prefix);
    assertThat(second.findMonitor(kept.id())).contains(kept);
    assertThat(count(prefix + "monitors")).isEqualTo(1);
  }

  @Test
  void theSchemaScriptCreatesTheIndexesReadsAndCascadesNeed() throws SQLException {
    String prefix = uniquePrefix();
    JdbcStore.builder(db().dataSource()).tablePrefix(prefix).createSchemaIfMissing(true).build();

    assertThat(indexes(prefix + "monitors"))
        .contains(prefix + "monitors_provider_idx", prefix + "monitors_group_name_idx");
    assertThat(indexes(prefix + "results"))
        .contains(prefix + "results_latest_idx", prefix + "results_checked_at_idx");
    assertThat(indexes(prefix + "daily_rollups"))
        .contains(prefix + "daily_rollups_bucket_date_idx");
  }

  /** The lower-case names of the indexes on {@code table}, as the driver reports them. */
  private List<String> indexes(String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = db().dataSource().getConnection()) {
      String name = expectedDialect() == JdbcDialect.H2 ? table.toUpperCase(Locale.ROOT) : table;
      try (ResultSet rows = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
        while (rows.next()) {
          String index = rows.getString("INDEX_NAME");
          if (index != null) {
            names.add(index.toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return names;
  }

  @Test
  void withoutCreationAMissingSchemaFailsNamingEveryTable() {
    String prefix = uniquePrefix();

    assertThatThrownBy(() -> JdbcStore.builder(db().dataSource()).tablePrefix(prefix).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("table " + prefix + "monitors")
        .hasMessageContaining("table " + prefix + "results")
        .hasMessageContaining("table " + prefix + "daily_rollups")
        .hasMessageContaining("table " + prefix + "maintenance")
        .hasMessageContaining("table " + prefix + "locks")
        .hasMessageContaining(expectedDialect().schemaResource());
  }

  @Test
  void aMissingUniqueKeyOfTheRollupsIsNamedAtBuildTime() throws SQLException {
    String prefix = uniquePrefix();
    JdbcStore.builder(db().dataSource()).tablePrefix(prefix).createSchemaIfMissing(true).build();
    execute(
        "ALTER TABLE " + prefix + "daily_rollups DROP CONSTRAINT " + prefix + "daily_rollups_key");

    assertThatThrownBy(() -> JdbcStore.builder(db().dataSource()).tablePrefix(prefix).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "unique key " + prefix + "daily_rollups (monitor_id, model, bucket_date)")
        .hasMessageNotContaining("unique key " + prefix + "maintenance")
        .hasMessageNotContaining("unique key " + prefix + "locks");
  }

  @Test
  void aForeignKeyWithoutCascadeIsNamedAtBuildTime() throws SQLException {
    String prefix = uniquePrefix();
    JdbcStore.builder(db().dataSource()).tablePrefix(prefix).createSchemaIfMissing(true).build();
    String results = prefix + "results";
    execute("ALTER TABLE " + results + " DROP CONSTRAINT " + foreignKeyOf(results));
    execute(
        "ALTER TABLE "
            + results
            + " ADD FOREIGN KEY (monitor_id) REFERENCES "
            + prefix
            + "monitors (id)");

    assertThatThrownBy(() -> JdbcStore.builder(db().dataSource()).tablePrefix(prefix).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "foreign key " + results + ".monitor_id REFERENCES " + prefix + "monitors")
        .hasMessageNotContaining("foreign key " + prefix + "daily_rollups");
  }

  /** The name of {@code table}'s foreign key, as the database named it. */
  private String foreignKeyOf(String table) throws SQLException {
    try (Connection connection = db().dataSource().getConnection()) {
      String name = expectedDialect() == JdbcDialect.H2 ? table.toUpperCase(Locale.ROOT) : table;
      try (ResultSet rows =
          connection
              .getMetaData()
              .getImportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
        assertThat(rows.next()).as("a foreign key on " + table).isTrue();
        return rows.getString("FK_NAME");
      }
    }
  }

  @Test
  void aDroppedColumnIsNamedAtBuildTime() throws SQLException {
    String prefix = uniquePrefix();
    JdbcStore.builder(db().dataSource()).tablePrefix(prefix).createSchemaIfMissing(true).build();
    execute("ALTER TABLE " + prefix + "results DROP COLUMN ping_latency_ms");

    assertThatThrownBy(() -> JdbcStore.builder(db().dataSource()).tablePrefix(prefix).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("column " + prefix + "results.ping_latency_ms")
        .hasMessageNotContaining("table " + prefix)
        .hasMessageNotContaining("first_token_latency_ms");
  }

  @Test
  void aDroppedTableIsNamedAtBuildTime() throws SQLException {
    String prefix = uniquePrefix();
    JdbcStore.builder(db().dataSource()).tablePrefix(prefix).createSchemaIfMissing(true).build();
    execute("DROP TABLE " + prefix + "locks");

    assertThatThrownBy(() -> JdbcStore.builder(db().dataSource()).tablePrefix(prefix).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("table " + prefix + "locks")
        .hasMessageNotContaining(prefix + "monitors");
  }

  @Test
  void aRunIsOneTransactionOfTwoStatementsAndAPooledConnectionIsAskedItsIsolationOnce()
      throws SQLException {
    StatementCountingDataSource counting = new StatementCountingDataSource(db().unpooled());
    try (TestPool single = new TestPool(counting.dataSource())) {
      JdbcStore store =
          JdbcStore.builder(single)
              .tablePrefix(uniquePrefix())
              .clock(clock)
              .createSchemaIfMissing(true)
              .build();
      MonitorRecord monitor = store.insertMonitor(monitor().record());
      int isolationReads = counting.isolationReads();
      counting.takeCount();

      for (int run = 0; run < 3; run++) {
        store.recordRun(
            monitor.id(),
            List.of(result("x", T.plusSeconds(run)).of(monitor.id())),
            T.plusSeconds(run));
      }

      assertThat(counting.takeCount()).as("statements of 3 runs").isEqualTo(6);
      assertThat(counting.isolationReads() - isolationReads).isLessThanOrEqualTo(1);
      assertThat(store.history(monitor.id(), null, 10)).hasSize(3);
      assertThat(store.findMonitor(monitor.id()).orElseThrow().lastCheckedAt())
          .isEqualTo(T.plusSeconds(2));
    }
  }

  @Test
  void aCallersConnectionComesBackWithAutoCommitOffAndItsIsolationAndTheWorkCommitted()
      throws SQLException {
    try (TestPool single = new TestPool(db().unpooled())) {
      try (Connection connection = single.getConnection()) {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      }
      String prefix = uniquePrefix();
      JdbcStore store =
          JdbcStore.builder(single)
              .tablePrefix(prefix)
              .clock(clock)
              .createSchemaIfMissing(true)
              .build();
      assertState(single, false, Connection.TRANSACTION_SERIALIZABLE);

      runEveryOperation(
          store, () -> assertState(single, false, Connection.TRANSACTION_SERIALIZABLE));

      assertThat(single.opened()).as("one physical connection served every call").isEqualTo(1);
      assertThat(count(prefix + "monitors")).as("committed, seen elsewhere").isEqualTo(1);
      assertThat(count(prefix + "results")).isEqualTo(2);
      assertThat(count(prefix + "daily_rollups")).isEqualTo(1);
      assertThat(count(prefix + "locks")).isEqualTo(1);
    }
  }

  @Test
  void anAutoCommitConnectionComesBackInAutoCommitWithItsIsolation() throws SQLException {
    try (TestPool single = new TestPool(db().unpooled())) {
      try (Connection connection = single.getConnection()) {
        connection.setAutoCommit(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
      JdbcStore store =
          JdbcStore.builder(single)
              .tablePrefix(uniquePrefix())
              .clock(clock)
              .createSchemaIfMissing(true)
              .build();

      runEveryOperation(
          store, () -> assertState(single, true, Connection.TRANSACTION_REPEATABLE_READ));

      assertThat(single.opened()).isEqualTo(1);
    }
  }

  @Test
  void aFailedTransactionStillRestoresTheConnection() throws SQLException {
    try (TestPool single = new TestPool(db().unpooled())) {
      JdbcStore store =
          JdbcStore.builder(single)
              .tablePrefix(uniquePrefix())
              .clock(clock)
              .createSchemaIfMissing(true)
              .build();
      MonitorRecord stored = store.insertMonitor(monitor().record());
      try (Connection connection = single.getConnection()) {
        connection.setAutoCommit(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }

      assertThatThrownBy(
              () -> store.insertResults(List.of(result("m".repeat(201), T).of(stored.id()))))
          .isInstanceOf(StoreException.class)
          .extracting(e -> ((StoreException) e).kind())
          .isEqualTo(StoreException.Kind.REFUSED_VALUE);
      assertThatThrownBy(() -> store.updateMonitor(stored.withVersion(7)))
          .isInstanceOf(io.channelmonitor.store.StaleMonitorException.class);

      assertState(single, true, Connection.TRANSACTION_REPEATABLE_READ);
      assertThat(store.findMonitor(stored.id())).contains(stored);
    }
  }

  /** Calls every SPI operation once, running {@code check} after each. */
  private static void runEveryOperation(JdbcStore store, Check check) throws SQLException {
    java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 5);
    MonitorRecord stored = store.insertMonitor(monitor().record());
    check.run();
    MonitorRecord updated =
        store.updateMonitor(monitor().name("renamed").record().asUpdateOf(stored)).orElseThrow();
    check.run();
    store.markChecked(updated.id(), T);
    check.run();
    store.insertResults(
        List.of(result(T).of(updated.id()), result(T.plusSeconds(1)).of(updated.id())));
    check.run();
    List<Long> ids = List.of(updated.id());
    store.findMonitor(updated.id());
    check.run();
    store.listMonitors(io.channelmonitor.MonitorQuery.all().withSearch("renamed"));
    check.run();
    store.listEnabledMonitors();
    check.run();
    store.latestPerModel(Map.of(updated.id(), List.of("gpt-4o-mini")));
    check.run();
    store.newestResults(Map.of(updated.id(), "gpt-4o-mini"), 5);
    check.run();
    store.history(updated.id(), null, 5);
    check.run();
    store.countResults(ids, T, T.plusSeconds(60));
    check.run();
    assertThat(store.rollUpDay(day)).isEqualTo(1);
    check.run();
    store.rollups(ids, day, day);
    check.run();
    store.sumRollups(ids, day, day);
    check.run();
    store.setRollupWatermark(day);
    check.run();
    assertThat(store.rollupWatermark()).contains(day);
    check.run();
    assertThat(store.tryLock("job", "me", java.time.Duration.ofMinutes(1))).isTrue();
    check.run();
    store.tryLock("job", "other", java.time.Duration.ofMinutes(1));
    check.run();
    store.unlock("other-job", "me");
    check.run();
    store.pruneResults(T.minusSeconds(1), 10);
    check.run();
    store.pruneRollups(day.minusDays(1), 10);
    check.run();
    MonitorRecord doomed = store.insertMonitor(monitor().name("doomed").record());
    store.deleteMonitor(doomed.id());
    check.run();
  }

  private static void assertState(TestPool pool, boolean autoCommit, int isolation)
      throws SQLException {
    try (Connection connection = pool.getConnection()) {
      assertThat(connection.getAutoCommit()).as("autoCommit").isEqualTo(autoCommit);
      assertThat(connection.getTransactionIsolation()).as("isolation").isEqualTo(isolation);
    }
  }

  /** A check that may touch the database. */
  @FunctionalInterface
  private interface Check {
    void run() throws SQLException;
  }

  long count(String table) throws SQLException {
    try (Connection connection = db().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** A local port nothing listens on: one the system just handed out and that was closed. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The messages of {@code failure}, its causes and their suppressed exceptions. */
  static List<String> messagesOf(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable each = failure; each != null; each = each.getCause()) {
      messages.add(String.valueOf(each.getMessage()));
      for (Throwable suppressed : each.getSuppressed()) {
        messages.addAll(messagesOf(suppressed));
      }
    }
    return messages;
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = db().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
