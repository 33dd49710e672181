package io.channelmonitor.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded PostgreSQL 17 server (zonky) for the benchmarks, with pooled data sources on
 * databases of its own. zonky starts the server with {@code synchronous_commit=off}; a pool asked
 * for durable commits sets it back to {@code on} (PostgreSQL's default) on each connection.
 */
final class BenchPostgres implements AutoCloseable {
  private final EmbeddedPostgres server;
  private final String planCacheMode;
  private final List<HikariDataSource> pools = new ArrayList<>();

  private BenchPostgres(EmbeddedPostgres server, String planCacheMode) {
    this.server = server;
    this.planCacheMode = planCacheMode;
  }

  /**
   * Starts a server.
   *
   * @param planCacheMode the {@code plan_cache_mode} of every pooled session ({@code auto}, {@code
   *     force_custom_plan} or {@code force_generic_plan}), or blank for the server's default
   */
  static BenchPostgres start(String planCacheMode) {
    if (!planCacheMode.isBlank() && !planCacheMode.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a plan_cache_mode: " + planCacheMode);
    }
    try {
      return new BenchPostgres(EmbeddedPostgres.builder().start(), planCacheMode);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  /** Creates an empty database. */
  void createDatabase(String name) throws SQLException {
    execute("postgres", "CREATE DATABASE " + name);
  }

  /** Runs one statement on {@code database} outside any transaction (VACUUM needs that). */
  void execute(String database, String sql) throws SQLException {
    try (Connection connection = server.getDatabase("postgres", database).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The first column of every row of {@code sql} on {@code database}, as text. */
  List<String> query(String database, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection connection = server.getDatabase("postgres", database).getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return lines;
  }

  /**
   * A pool of {@code size} connections on {@code database}.
   *
   * @param durableCommits whether commits wait for the WAL flush, as PostgreSQL does by default
   */
  HikariDataSource pool(String database, int size, boolean durableCommits) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.getJdbcUrl("postgres", database));
    config.setUsername("postgres");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setPoolName("bench-" + database + (durableCommits ? "-durable" : "-async"));
    config.setConnectionInitSql(
        "SET synchronous_commit = "
            + (durableCommits ? "on" : "off")
            + "; SET TIME ZONE 'UTC'"
            + (planCacheMode.isBlank() ? "" : "; SET plan_cache_mode = " + planCacheMode));
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return pool;
  }

  /** What the server runs: version and the commit setting of a fresh session. */
  String describe() throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT current_setting('server_version'), current_setting('synchronous_commit'),"
                    + " current_setting('shared_buffers'), current_setting('work_mem')")) {
      rows.next();
      return "PostgreSQL "
          + rows.getString(1)
          + " (server synchronous_commit="
          + rows.getString(2)
          + ", shared_buffers="
          + rows.getString(3)
          + ", work_mem="
          + rows.getString(4)
          + (planCacheMode.isBlank() ? "" : "; pooled sessions plan_cache_mode=" + planCacheMode)
          + ")";
    }
  }

  @Override
  public void close() throws IOException {
    pools.forEach(HikariDataSource::close);
    server.close();
  }
}
