package io.channelmonitor.jpa;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTimeZoneTest extends TimeZoneChecks {
  @RegisterExtension
  @Order(2)
  static final PostgresDatabase DB = new PostgresDatabase();

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  String sessionZone() {
    return JVM_ZONE;
  }

  @Override
  String sessionOffsetMinutesSql() {
    return "SELECT CAST(EXTRACT(TIMEZONE FROM CURRENT_TIMESTAMP) / 60 AS INTEGER)";
  }
}
