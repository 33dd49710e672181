package io.channelmonitor.jdbc;

import static io.channelmonitor.testkit.store.StoreFixtures.monitor;
import static io.channelmonitor.testkit.store.StoreFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.StatusCounts;
import io.channelmonitor.testkit.ManualClock;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stored instants and UTC day buckets do not move when the JVM runs in America/Los_Angeles and the
 * database session in Asia/Kolkata (UTC+5:30): local dates of both differ from the UTC date around
 * midnight UTC, and Los Angeles changes to daylight time on the day used.
 */
abstract class TimeZoneChecks {
  /** In Los Angeles, 2026-03-08 02:00 local (10:00Z) is the switch to daylight time. */
  private static final LocalDate DAY = LocalDate.of(2026, 3, 8);

  private static final Instant MIDNIGHT = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant NEXT_MIDNIGHT = MIDNIGHT.plus(Duration.ofDays(1));
  private static TimeZone original;

  private final ManualClock clock = ManualClock.at(MIDNIGHT.plusSeconds(36_000));
  private JdbcStore store;

  abstract TestDatabase db();

  @BeforeAll
  static void runTheJvmInLosAngeles() {
    original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
  }

  @AfterAll
  static void restoreTheJvmZone() {
    TimeZone.setDefault(original);
  }

  @BeforeEach
  void createStore() {
    store =
        JdbcStore.builder(db().dataSource())
            .tablePrefix(JdbcStoreChecks.uniquePrefix())
            .clock(clock)
            .createSchemaIfMissing(true)
            .build();
  }

  @Test
  void theSessionAndTheJvmRunOutsideUtc() throws SQLException {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("America/Los_Angeles");
    try (Connection connection = db().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP),"
                    + " EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP)")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(5);
      assertThat(rows.getInt(2)).isEqualTo(30);
    }
  }

  @Test
  void instantsComeBackUnchangedAndAreStoredAsTheUtcInstant() throws SQLException {
    Instant created = MIDNIGHT.plusSeconds(36_000).minusMillis(1);
    MonitorRecord stored =
        store.insertMonitor(
            monitor()
                .createdAt(created)
                .updatedAt(NEXT_MIDNIGHT.minusMillis(1))
                .lastCheckedAt(MIDNIGHT)
                .record());

    assertThat(store.findMonitor(stored.id())).contains(stored);
    assertThat(stored.createdAt()).isEqualTo(created);
    assertThat(epochSeconds("created_at")).isEqualByComparingTo("1772963999.999");
    assertThat(epochSeconds("last_checked_at"))
        .isEqualByComparingTo(BigDecimal.valueOf(MIDNIGHT.getEpochSecond()));
  }

  @Test
  void dayBucketsAreUtcDays() throws SQLException {
    long id = store.insertMonitor(monitor().record()).id();
    store.insertResults(
        List.of(
            result("x", MIDNIGHT.minusMillis(1)).of(id),
            result("x", MIDNIGHT).of(id),
            result("x", NEXT_MIDNIGHT.minusMillis(1)).of(id),
            result("x", NEXT_MIDNIGHT).of(id)));

    assertThat(store.rollUpDay(DAY)).isEqualTo(1);

    StatusCounts two = new StatusCounts(2, 0, 0, 0, 200, 2);
    assertThat(store.rollups(List.of(id), DAY.minusDays(1), DAY.plusDays(1)))
        .containsExactly(new DailyRollup(id, "x", DAY, two));
    assertThat(store.countResults(List.of(id), MIDNIGHT, NEXT_MIDNIGHT))
        .singleElement()
        .satisfies(counts -> assertThat(counts.counts()).isEqualTo(two));
    assertThat(store.history(id, "x", 10))
        .extracting(row -> row.result().checkedAt())
        .containsExactly(
            NEXT_MIDNIGHT, NEXT_MIDNIGHT.minusMillis(1), MIDNIGHT, MIDNIGHT.minusMillis(1));
  }

  @Test
  void leasesExpireByTheStoreClock() {
    assertThat(store.tryLock("job", "a", Duration.ofMinutes(5))).isTrue();
    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertThat(store.tryLock("job", "b", Duration.ofMinutes(5))).isFalse();
    clock.advance(Duration.ofMillis(2));
    assertThat(store.tryLock("job", "b", Duration.ofMinutes(5))).isTrue();
  }

  private String table(String suffix) {
    return store.tablePrefix() + suffix;
  }

  /** The database's own reading of a monitors column as seconds since the epoch. */
  private BigDecimal epochSeconds(String column) throws SQLException {
    String sql = "SELECT EXTRACT(EPOCH FROM " + column + ") FROM " + table("monitors");
    try (Connection connection = db().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getBigDecimal(1);
    }
  }
}
