package io.channelmonitor.jdbc;

import io.channelmonitor.store.ChannelMonitorStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;

/** A database a test class runs against: a fresh one per class, emptied after each test. */
interface TestDatabase {
  /** Pooled connections to this class's database. */
  DataSource dataSource();

  /** A new physical connection per call to this class's database. */
  DataSource unpooled();

  /** A store on {@link #dataSource()}, creating the tables when they are missing. */
  default JdbcStore store(Clock clock) {
    return JdbcStore.builder(dataSource()).clock(clock).createSchemaIfMissing(true).build();
  }

  /** Deletes every row of the store's tables with the default prefix, children first. */
  default void empty(ChannelMonitorStore used) {
    Tables tables = new Tables(((JdbcStore) used).tablePrefix());
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String table :
          new String[] {
            tables.locks(),
            tables.maintenance(),
            tables.rollups(),
            tables.results(),
            tables.monitors()
          }) {
        statement.executeUpdate("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the test tables", e);
    }
  }
}
