package io.channelmonitor.jdbc.e2e;

/** The end-to-end story through {@code JdbcStore} on an embedded PostgreSQL 17 server. */
class PostgresEndToEndTest extends EndToEndScenario {
  PostgresEndToEndTest() {
    super(new PostgresFileDatabase());
  }
}
