package io.channelmonitor.jpa;

import io.channelmonitor.jdbc.JdbcStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database for one test class on an embedded PostgreSQL 17 server (zonky), reached through
 * Hibernate's built-in connection pool. The server is started once for the whole test run and
 * stopped when the run ends.
 */
final class PostgresDatabase implements TestDatabase, BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresDatabase.class);

  private final Schema schema;
  private DataSource admin;
  private String name;
  private EntityManagerFactory factory;

  /**
   * A database with a schema Hibernate generates. Its sessions use the zone the run asks for
   * ({@link SessionTimeZone}), else the JVM's time zone: the driver sets it when it connects.
   */
  PostgresDatabase() {
    this(Schema.GENERATED);
  }

  /** A database whose tables {@code schema} says who creates. */
  PostgresDatabase(Schema schema) {
    this.schema = schema;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    EmbeddedPostgres server =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent("server", key -> new Server(), Server.class)
            .postgres;
    admin = server.getPostgresDatabase();
    name = "cm_" + UUID.randomUUID().toString().replace("-", "");
    execute(admin, "CREATE DATABASE " + name);
    if (schema == Schema.JDBC_SCRIPT) {
      JdbcStore.builder(server.getDatabase("postgres", name)).createSchemaIfMissing(true).build();
    }
    String url = server.getJdbcUrl("postgres", name);
    Map<String, Object> settings = TestDatabase.settings(url, "postgres", "postgres", schema);
    SessionTimeZone.postgresSettings(settings);
    factory = TestDatabase.open(settings);
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    factory.close();
    execute(admin, "DROP DATABASE IF EXISTS " + name);
  }

  @Override
  public EntityManagerFactory factory() {
    return factory;
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
