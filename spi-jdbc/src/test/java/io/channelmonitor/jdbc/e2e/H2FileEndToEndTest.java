package io.channelmonitor.jdbc.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The end-to-end story on an H2 file database behind H2's own connection pool. A restart disposes
 * of the pool, which closes the last connection and with it the database, and opens a new pool: the
 * next instance of the library reads the file again.
 */
class H2FileEndToEndTest extends EndToEndScenario {
  private Path directory;
  private JdbcConnectionPool pool;

  @Override
  void openDatabase() throws Exception {
    directory = Files.createTempDirectory("cm-e2e-h2");
    pool = newPool();
  }

  private JdbcConnectionPool newPool() {
    return JdbcConnectionPool.create(
        "jdbc:h2:file:" + directory.resolve("channel-monitor") + ";LOCK_TIMEOUT=20000", "sa", "");
  }

  @Override
  void restartDatabase() {
    pool.dispose();
    pool = newPool();
  }

  @Override
  void closeDatabase() throws Exception {
    if (pool != null) {
      pool.dispose();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Override
  DataSource dataSource() {
    return pool;
  }
}
