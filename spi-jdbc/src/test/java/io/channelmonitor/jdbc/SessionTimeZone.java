package io.channelmonitor.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import javax.sql.DataSource;

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
   * {@code physical} with each connection it opens moved to {@code zone} by {@code SET TIME ZONE},
   * or {@code physical} itself when {@code zone} is {@code null}. pgJDBC starts every session in
   * the JVM's zone: it sends a {@code TimeZone} startup parameter, and the server applies that
   * after the settings of an {@code options=-c TimeZone=...} URL parameter, so only a statement run
   * after connecting wins.
   */
  static DataSource everySession(DataSource physical, String zone) {
    if (zone == null) {
      return physical;
    }
    String sql = "SET TIME ZONE '" + ZoneId.of(zone).getId() + "'";
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object out;
              try {
                out = method.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (out instanceof Connection connection) {
                apply(connection, sql);
              }
              return out;
            });
  }

  private static void apply(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }
}
