package io.channelmonitor.jpa;

import static io.channelmonitor.testkit.store.StoreFixtures.monitor;
import static io.channelmonitor.testkit.store.StoreFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.StatusCounts;
import io.channelmonitor.testkit.ManualClock;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stored instants, UTC day buckets and dates do not move when the JVM runs in Asia/Kolkata
 * (UTC+5:30, where Hibernate would send a bound date as the day before, see {@code SqlLiterals})
 * and the database session outside UTC as well: H2's in America/Los_Angeles, which changes to
 * daylight time on the day used, PostgreSQL's in the JVM's zone (the driver sets it). The unit sets
 * {@code hibernate.jdbc.time_zone=UTC}.
 */
abstract class TimeZoneChecks {
  /** The JVM's default zone during these tests. */
  static final String JVM_ZONE = "Asia/Kolkata";

  /** In Los Angeles, 2026-03-08 02:00 local (10:00Z) is the switch to daylight time. */
  static final String LOS_ANGELES = "America/Los_Angeles";

  private static final LocalDate DAY = LocalDate.of(2026, 3, 8);
  private static final Instant MIDNIGHT = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant NEXT_MIDNIGHT = MIDNIGHT.plus(Duration.ofDays(1));

  @RegisterExtension
  @org.junit.jupiter.api.Order(1)
  static final JvmTimeZone ZONE_OF_THE_JVM = new JvmTimeZone(JVM_ZONE);

  private final ManualClock clock = ManualClock.at(MIDNIGHT.plusSeconds(36_000));
  private JpaStore store;

  abstract TestDatabase db();

  /** SQL giving the session's UTC offset in minutes. */
  abstract String sessionOffsetMinutesSql();

  /** The time zone of the database session. */
  abstract String sessionZone();

  @BeforeEach
  void createStore() {
    store = db().store(clock);
  }

  @AfterEach
  void emptyTables() {
    db().empty();
  }

  @Test
  void theJvmAndTheSessionRunOutsideUtc() {
    assertThat(TimeZone.getDefault().getID()).isEqualTo(JVM_ZONE);
    Number offset =
        query(m -> (Number) m.createNativeQuery(sessionOffsetMinutesSql()).getSingleResult());
    int expected =
        ZoneId.of(sessionZone()).getRules().getOffset(Instant.now()).getTotalSeconds() / 60;
    assertThat(offset.intValue()).isEqualTo(expected).isNotZero();
  }

  @Test
  void instantsComeBackUnchangedAndAreStoredAsTheUtcInstant() {
    Instant created = MIDNIGHT.plusSeconds(36_000).minusMillis(1);
    MonitorRecord stored =
        store.insertMonitor(
            monitor()
                .createdAt(created)
                .updatedAt(NEXT_MIDNIGHT.minusMillis(1))
                .lastCheckedAt(MIDNIGHT)
                .record());

    assertThat(store.findMonitor(stored.id())).contains(stored);
    assertThat(epochSeconds("created_at")).isEqualByComparingTo("1772963999.999");
    assertThat(epochSeconds("last_checked_at"))
        .isEqualByComparingTo(BigDecimal.valueOf(MIDNIGHT.getEpochSecond()));
    store.markChecked(stored.id(), NEXT_MIDNIGHT);
    assertThat(store.findMonitor(stored.id()).orElseThrow().lastCheckedAt())
        .isEqualTo(NEXT_MIDNIGHT);
  }

  @Test
  void dayBucketsAreUtcDaysAndDatesRoundTrip() {
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
    assertThat(store.rollups(List.of(id), DAY, DAY)).hasSize(1);
    assertThat(store.sumRollups(List.of(id), DAY, DAY)).hasSize(1);
    assertThat(store.countResults(List.of(id), MIDNIGHT, NEXT_MIDNIGHT))
        .singleElement()
        .satisfies(counts -> assertThat(counts.counts()).isEqualTo(two));
    assertThat(store.history(id, "x", 10))
        .extracting(row -> row.result().checkedAt())
        .containsExactly(
            NEXT_MIDNIGHT, NEXT_MIDNIGHT.minusMillis(1), MIDNIGHT, MIDNIGHT.minusMillis(1));
    assertThat(store.pruneRollups(DAY, 10)).isZero();
    assertThat(store.pruneRollups(DAY.plusDays(1), 10)).isEqualTo(1);
  }

  @Test
  void theWatermarkDayIsStoredAsTheSameDate() {
    store.setRollupWatermark(DAY);

    assertThat(store.rollupWatermark()).contains(DAY);
    String stored =
        query(
            m ->
                String.valueOf(
                    m.createNativeQuery(
                            "SELECT CAST(rollup_watermark AS VARCHAR(10)) FROM "
                                + io.channelmonitor.jpa.entity.MaintenanceEntity.TABLE)
                        .getSingleResult()));
    assertThat(stored).isEqualTo("2026-03-08");
  }

  @Test
  void leasesExpireByTheStoreClock() {
    assertThat(store.tryLock("job", "a", Duration.ofMinutes(5))).isTrue();
    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertThat(store.tryLock("job", "b", Duration.ofMinutes(5))).isFalse();
    clock.advance(Duration.ofMillis(2));
    assertThat(store.tryLock("job", "b", Duration.ofMinutes(5))).isTrue();
  }

  /** The database's own reading of a monitors column as seconds since the epoch. */
  private BigDecimal epochSeconds(String column) {
    return query(
        m ->
            new BigDecimal(
                String.valueOf(
                    m.createNativeQuery(
                            "SELECT EXTRACT(EPOCH FROM "
                                + column
                                + ") FROM "
                                + io.channelmonitor.jpa.entity.MonitorEntity.TABLE)
                        .getSingleResult())));
  }

  private <T> T query(Function<EntityManager, T> read) {
    EntityManager manager = db().factory().createEntityManager();
    try {
      return read.apply(manager);
    } finally {
      manager.close();
    }
  }
}
