package io.channelmonitor.jdbc.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * An embedded PostgreSQL 17 server (zonky) of its own, with a database created for the story. The
 * server keeps its data directory, so a restart stops the server and starts a new one on the same
 * files: the next reader reads what PostgreSQL made durable.
 */
public final class PostgresFileDatabase implements EndToEndDatabase {
  private static final String DATABASE = "channel_monitor_e2e";

  private Path dataDirectory;
  private EmbeddedPostgres postgres;

  @Override
  public void open() throws Exception {
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
  public void restart() throws IOException {
    postgres.close();
    postgres = start();
  }

  @Override
  public void close() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
    Directories.delete(dataDirectory);
  }

  @Override
  public DataSource dataSource() {
    return postgres.getDatabase("postgres", DATABASE);
  }
}
