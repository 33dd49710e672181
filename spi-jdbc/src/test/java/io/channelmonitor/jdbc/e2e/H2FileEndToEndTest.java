package io.channelmonitor.jdbc.e2e;

/** The end-to-end story through {@code JdbcStore} on an H2 file database. */
class H2FileEndToEndTest extends EndToEndScenario {
  H2FileEndToEndTest() {
    super(new H2FileDatabase());
  }
}
