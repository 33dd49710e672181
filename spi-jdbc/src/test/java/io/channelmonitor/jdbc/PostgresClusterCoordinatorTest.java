package io.channelmonitor.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresClusterCoordinatorTest extends ClusterCoordinatorChecks {
  @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  JdbcDialect expectedDialect() {
    return JdbcDialect.POSTGRESQL;
  }
}
