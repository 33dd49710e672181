package io.channelmonitor.jdbc.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The end-to-end story on an embedded PostgreSQL 17 server (zonky) of its own, in a database
 * created for it. The server keeps its data directory, so a restart stops the server and starts a
 * new one on the same files: the next instance of the library reads what PostgreSQL made durable.
 */
class PostgresEndToEndTest extends EndToEndScenario {
  private static final String DATABASE = "channel_monitor_e2e";

  private Path dataDirectory;
  private EmbeddedPostgres postgres;

  @Override
  void openDatabase() throws Exception {
    dataDirectory = Files.createTempDirectory("cm-e2e-pg");
    postgres = start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + DATABASE);
    }
  }

  private EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .start();
  }

  @Override
  void restartDatabase() throws IOException {
    postgres.close();
    postgres = start();
  }

  @Override
  void closeDatabase() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Override
  DataSource dataSource() {
    return postgres.getDatabase("postgres", DATABASE);
  }
}
