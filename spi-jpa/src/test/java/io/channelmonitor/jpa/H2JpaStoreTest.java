package io.channelmonitor.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2JpaStoreTest extends JpaStoreChecks {
  @RegisterExtension static final H2Database DB = new H2Database();

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  JpaDialect expectedDialect() {
    return JpaDialect.H2;
  }
}
