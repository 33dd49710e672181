package io.channelmonitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.h2.util.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves that the build's {@code contracts-outside-utc} run (see this module's pom.xml) runs the
 * contract tests where it says: the JVM in America/Los_Angeles and every database session in
 * Asia/Kolkata, through the same fixtures the contract tests use. It runs in that execution only
 * (the default one excludes it), and asserts fixed zones rather than reading them from the run's
 * settings, so a run that stops setting a zone fails here instead of quietly testing UTC.
 */
class OutsideUtcRunTest {
  static final String JVM_ZONE = "America/Los_Angeles";
  static final String SESSION_ZONE = "Asia/Kolkata";

  /** Asia/Kolkata has had no daylight time since 1945: +5:30 all year. */
  private static final int SESSION_OFFSET_MINUTES = 330;

  @RegisterExtension static final H2Database H2 = new H2Database();
  @RegisterExtension static final PostgresDatabase POSTGRES = new PostgresDatabase();

  @Test
  void theJvmRunsInLosAngeles() {
    assertThat(TimeZone.getDefault().getID()).isEqualTo(JVM_ZONE);
    assertThat(ZoneId.systemDefault().getId()).isEqualTo(JVM_ZONE);
    assertThat(System.getProperty(SessionTimeZone.PROPERTY)).isEqualTo(SESSION_ZONE);
  }

  @Test
  void everyH2SessionRunsInKolkataWhileH2ConvertsInTheJvmsZone() throws SQLException {
    for (DataSource source : List.of(H2.dataSource(), H2.unpooled())) {
      assertSessions(
          source,
          "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'TIME ZONE'");
    }
    // H2 caches the JVM's zone on first use; started in Los Angeles, the cache holds it too.
    assertThat(DateTimeUtils.getTimeZone().getId()).isEqualTo(JVM_ZONE);
  }

  @Test
  void everyPostgresSessionRunsInKolkata() throws SQLException {
    for (DataSource source : List.of(POSTGRES.dataSource(), POSTGRES.unpooled())) {
      assertSessions(source, "SHOW TIME ZONE");
    }
  }

  /** Three connections held at once, so that a pool has to open more than one session. */
  private static void assertSessions(DataSource source, String zoneSql) throws SQLException {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Connection connection = source.getConnection();
        held.add(connection);
        assertThat(single(connection, zoneSql)).isEqualTo(SESSION_ZONE);
        assertThat(
                Integer.parseInt(
                    single(
                        connection,
                        "SELECT CAST(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 60"
                            + " + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) AS INTEGER)")))
            .isEqualTo(SESSION_OFFSET_MINUTES);
      }
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
  }

  private static String single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
