package io.channelmonitor.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2TimeZoneTest extends TimeZoneChecks {
  @RegisterExtension static final H2Database DB = new H2Database(";TIME ZONE=Asia/Kolkata");

  @Override
  TestDatabase db() {
    return DB;
  }
}
