package io.channelmonitor.jdbc.e2e;

import javax.sql.DataSource;

/**
 * The database an end-to-end story runs on, with a restart that keeps its data. Shared with the JPA
 * module's end-to-end tests through this module's test jar.
 */
public interface EndToEndDatabase {
  /** Starts the database. */
  void open() throws Exception;

  /**
   * Stops the database (server, or file and pool) and starts it again on the same data, so that
   * what the next instance reads is what was made durable. Nothing may use the database meanwhile.
   */
  void restart() throws Exception;

  /** Stops it for good and removes its files. */
  void close() throws Exception;

  /** A data source on the database as it runs now. */
  DataSource dataSource();
}
