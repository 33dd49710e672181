package io.channelmonitor.jpa;

import java.time.ZoneId;
import java.util.Map;

/**
 * The database session time zone a test run asks for with the system property {@value #PROPERTY}
 * (the build's {@code contracts-outside-utc} run sets it). Without it, sessions keep the zone that
 * the driver gives them: H2's and pgJDBC's both start in the JVM's default zone.
 */
final class SessionTimeZone {
  /** The system property naming the zone, e.g. {@code Asia/Kolkata}. */
  static final String PROPERTY = "channelmonitor.test.sessionTimeZone";

  private SessionTimeZone() {}

  /** The zone the run asks for, or {@code null}. */
  static String requested() {
    String zone = System.getProperty(PROPERTY, "").strip();
    return zone.isEmpty() ? null : ZoneId.of(zone).getId();
  }

  /** H2 URL settings that put every session of the database in the requested zone, if any. */
  static String h2UrlSettings() {
    String zone = requested();
    return zone == null ? "" : ";TIME ZONE=" + zone;
  }

  /**
   * Adds to a PostgreSQL unit's {@code settings} what moves each connection of Hibernate's pool to
   * the requested zone, if any. pgJDBC starts every session in the JVM's zone with a {@code
   * TimeZone} startup parameter, which the server applies after an {@code options=-c TimeZone=...}
   * URL parameter, so only a statement run after connecting wins. The pool runs it with auto-commit
   * off, inside a transaction of its own: the {@code COMMIT} keeps a later rollback of the
   * connection's first transaction from undoing it.
   */
  static void postgresSettings(Map<String, Object> settings) {
    String zone = requested();
    if (zone != null) {
      settings.put("hibernate.connection.init_sql", "SET TIME ZONE '" + zone + "'; COMMIT");
    }
  }
}
