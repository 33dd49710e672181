package io.channelmonitor.jpa;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2TimeZoneTest extends TimeZoneChecks {
  @RegisterExtension
  @Order(2)
  static final H2Database DB = new H2Database(";TIME ZONE=" + LOS_ANGELES);

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  String sessionZone() {
    return LOS_ANGELES;
  }

  @Override
  String sessionOffsetMinutesSql() {
    return "SELECT EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 60"
        + " + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP)";
  }
}
