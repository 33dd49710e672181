package io.channelmonitor.jpa.e2e;

import io.channelmonitor.jdbc.e2e.PostgresFileDatabase;

/** The end-to-end story through {@code JpaStore} on an embedded PostgreSQL 17 server. */
class PostgresJpaEndToEndTest extends JpaEndToEndScenario {
  PostgresJpaEndToEndTest() {
    super(new PostgresFileDatabase());
  }
}
