package io.channelmonitor.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database for one test class on an embedded PostgreSQL 17 server (zonky), pooled. The
 * server is started once for the whole test run and stopped when the run ends.
 */
final class PostgresDatabase implements TestDatabase, BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresDatabase.class);

  private final String sessionTimeZone;
  private DataSource unpooled;
  private TestPool pool;
  private DataSource admin;
  private String name;

  /**
   * A database whose sessions use the zone the run asks for ({@link SessionTimeZone}), else the
   * JVM's default zone: the driver sets it when it connects.
   */
  PostgresDatabase() {
    this(SessionTimeZone.requested());
  }

  /** A database whose sessions use {@code sessionTimeZone}, e.g. {@code Asia/Kolkata}. */
  PostgresDatabase(String sessionTimeZone) {
    this.sessionTimeZone = sessionTimeZone;
  }

  /** The embedded server shared by every PostgreSQL test class of the run. */
  static Server server(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent("server", key -> new Server(), Server.class);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    Server server = server(context);
    admin = server.postgres.getPostgresDatabase();
    name = "cm_" + UUID.randomUUID().toString().replace("-", "");
    execute(admin, "CREATE DATABASE " + name);
    // The driver starts each session in the JVM's zone; each new connection is moved on connect.
    unpooled =
        SessionTimeZone.everySession(
            server.postgres.getDatabase("postgres", name), sessionTimeZone);
    pool = new TestPool(unpooled);
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    pool.close();
    execute(admin, "DROP DATABASE IF EXISTS " + name);
  }

  @Override
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public DataSource unpooled() {
    return unpooled;
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The running server, closed when the root extension context closes. */
  static final class Server implements AutoCloseable {
    final EmbeddedPostgres postgres;

    Server() {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start embedded PostgreSQL", e);
      }
    }

    @Override
    public void close() throws IOException {
      postgres.close();
    }
  }
}
