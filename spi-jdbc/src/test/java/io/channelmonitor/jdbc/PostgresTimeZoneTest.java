package io.channelmonitor.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTimeZoneTest extends TimeZoneChecks {
  @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase("Asia/Kolkata");

  @Override
  TestDatabase db() {
    return DB;
  }
}
