package io.channelmonitor.jdbc;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private in-memory H2 database (plain H2, no compatibility mode) for one test class. The lock
 * timeout is raised from H2's 1 s so that the concurrency contract's row locks wait instead of
 * failing on a loaded machine.
 */
final class H2Database implements TestDatabase, BeforeAllCallback, AfterAllCallback {
  private final String settings;
  private DataSource unpooled;
  private TestPool pool;

  /**
   * A database whose sessions use the zone the run asks for ({@link SessionTimeZone}), else H2's
   * default: the JVM's zone.
   */
  H2Database() {
    this(SessionTimeZone.h2UrlSettings());
  }

  /** A database whose URL adds {@code settings}, e.g. {@code ;TIME ZONE=Asia/Kolkata}. */
  H2Database(String settings) {
    this.settings = settings;
  }

  /** A new, empty database that lives until the JVM ends; not pooled. */
  static DataSource fresh(String settings) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(
        "jdbc:h2:mem:cm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000" + settings);
    return dataSource;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    unpooled = fresh(settings);
    pool = new TestPool(unpooled);
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    pool.close();
  }

  @Override
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public DataSource unpooled() {
    return unpooled;
  }
}
