package io.channelmonitor.jdbc.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * An H2 file database behind H2's own connection pool. A restart disposes of the pool, which closes
 * the last connection and with it the database, and opens a new pool: the next reader reads the
 * file again.
 */
public final class H2FileDatabase implements EndToEndDatabase {
  private Path directory;
  private JdbcConnectionPool pool;

  @Override
  public void open() throws Exception {
    directory = Files.createTempDirectory("cm-e2e-h2");
    pool = newPool();
  }

  private JdbcConnectionPool newPool() {
    return JdbcConnectionPool.create(
        "jdbc:h2:file:" + directory.resolve("channel-monitor") + ";LOCK_TIMEOUT=20000", "sa", "");
  }

  @Override
  public void restart() {
    pool.dispose();
    pool = newPool();
  }

  @Override
  public void close() throws Exception {
    if (pool != null) {
      pool.dispose();
    }
    Directories.delete(directory);
  }

  @Override
  public DataSource dataSource() {
    return pool;
  }
}
