package io.channelmonitor.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.h2.util.DateTimeUtils;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves that the build's {@code contracts-outside-utc} run (see this module's pom.xml) runs the
 * contract tests where it says: the JVM in America/Los_Angeles and every database session in
 * Asia/Kolkata, through the same fixtures and Hibernate pool the contract tests use. It runs in
 * that execution only (the default one excludes it), and asserts fixed zones rather than reading
 * them from the run's settings, so a run that stops setting a zone fails here instead of quietly
 * testing UTC.
 */
class OutsideUtcRunTest {
  static final String JVM_ZONE = "America/Los_Angeles";
  static final String SESSION_ZONE = "Asia/Kolkata";

  /** Asia/Kolkata has had no daylight time since 1945: +5:30 all year. */
  private static final int SESSION_OFFSET_MINUTES = 330;

  private static final String OFFSET_MINUTES =
      "SELECT CAST(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 60"
          + " + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) AS INTEGER)";

  @RegisterExtension static final H2Database H2 = new H2Database();
  @RegisterExtension static final PostgresDatabase POSTGRES = new PostgresDatabase();

  @Test
  void theJvmRunsInLosAngeles() {
    assertThat(TimeZone.getDefault().getID()).isEqualTo(JVM_ZONE);
    assertThat(ZoneId.systemDefault().getId()).isEqualTo(JVM_ZONE);
    assertThat(System.getProperty(SessionTimeZone.PROPERTY)).isEqualTo(SESSION_ZONE);
  }

  @Test
  void everyH2SessionRunsInKolkataWhileH2ConvertsInTheJvmsZone() {
    String zone =
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'TIME ZONE'";
    assertSessions(H2, zone);
    assertSessions(H2, zone);
    // H2 caches the JVM's zone on first use; started in Los Angeles, the cache holds it too.
    assertThat(DateTimeUtils.getTimeZone().getId()).isEqualTo(JVM_ZONE);
  }

  @Test
  void everyPostgresSessionRunsInKolkataEvenAfterARollback() {
    assertSessions(POSTGRES, "SHOW TIME ZONE");
    assertSessions(POSTGRES, "SHOW TIME ZONE");
  }

  /**
   * Three transactions held at once, so that the pool has to open more than one connection, each
   * rolled back: the zone must outlive a rollback, as later transactions on the same connections
   * show when this runs again.
   */
  private static void assertSessions(TestDatabase db, String zoneSql) {
    List<EntityManager> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        EntityManager manager = db.factory().createEntityManager();
        held.add(manager);
        manager.getTransaction().begin();
        assertThat(single(manager, zoneSql)).isEqualTo(SESSION_ZONE);
        assertThat(Integer.parseInt(single(manager, OFFSET_MINUTES)))
            .isEqualTo(SESSION_OFFSET_MINUTES);
      }
    } finally {
      for (EntityManager manager : held) {
        manager.getTransaction().rollback();
        manager.close();
      }
    }
  }

  private static String single(EntityManager manager, String sql) {
    return manager
        .unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (Statement statement = connection.createStatement();
                  ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getString(1);
              }
            });
  }
}
