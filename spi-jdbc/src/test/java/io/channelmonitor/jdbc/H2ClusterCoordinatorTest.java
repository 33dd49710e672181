package io.channelmonitor.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2ClusterCoordinatorTest extends ClusterCoordinatorChecks {
  @RegisterExtension static final H2Database DB = new H2Database();

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  JdbcDialect expectedDialect() {
    return JdbcDialect.H2;
  }
}
