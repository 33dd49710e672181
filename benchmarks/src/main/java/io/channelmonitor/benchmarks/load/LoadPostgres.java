package io.channelmonitor.benchmarks.load;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.channelmonitor.jdbc.JdbcStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An embedded PostgreSQL server (zonky, the binaries the tests use) for the load harness, the same
 * way the module's {@code BenchPostgres} starts one: a database per phase behind a HikariCP pool
 * with PostgreSQL's default durable commits. Also tells the CPU time its processes used.
 */
final class LoadPostgres implements AutoCloseable {
  private final EmbeddedPostgres server;
  private final Path dataDirectory;
  private final List<HikariDataSource> pools = new ArrayList<>();

  private LoadPostgres(EmbeddedPostgres server, Path dataDirectory) {
    this.server = server;
    this.dataDirectory = dataDirectory;
  }

  static LoadPostgres start() throws IOException {
    Path data = Files.createTempDirectory("load-harness-pg");
    return new LoadPostgres(EmbeddedPostgres.builder().setDataDirectory(data).start(), data);
  }

  /** A new database with the store's schema, behind a pool of {@code poolSize} connections. */
  JdbcStore store(String database, int poolSize) throws SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.getJdbcUrl("postgres", database));
    config.setUsername("postgres");
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(poolSize);
    config.setPoolName("load-" + database);
    config.setConnectionInitSql("SET synchronous_commit = on; SET TIME ZONE 'UTC'");
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return JdbcStore.builder(pool).createSchemaIfMissing(true).build();
  }

  /** CPU time of the server: the postmaster and every process it forked that is alive now. */
  Duration cpu() {
    Optional<ProcessHandle> postmaster =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains(dataDirectory.toString()))
            .filter(p -> p.info().command().orElse("").endsWith("postgres"))
            .findFirst();
    if (postmaster.isEmpty()) {
      return Duration.ZERO;
    }
    Duration total = cpuOf(postmaster.get());
    for (ProcessHandle child : postmaster.get().children().toList()) {
      total = total.plus(cpuOf(child));
    }
    return total;
  }

  private static Duration cpuOf(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  String describe() {
    return "embedded PostgreSQL (zonky) on port "
        + server.getPort()
        + ", pooled sessions"
        + " synchronous_commit=on";
  }

  @Override
  public void close() throws IOException {
    pools.forEach(HikariDataSource::close);
    server.close();
  }
}
