package io.channelmonitor.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresJpaStoreTest extends JpaStoreChecks {
  @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  JpaDialect expectedDialect() {
    return JpaDialect.POSTGRESQL;
  }
}
