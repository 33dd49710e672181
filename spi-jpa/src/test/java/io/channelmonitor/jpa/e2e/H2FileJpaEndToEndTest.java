package io.channelmonitor.jpa.e2e;

import io.channelmonitor.jdbc.e2e.H2FileDatabase;

/** The end-to-end story through {@code JpaStore} on an H2 file database. */
class H2FileJpaEndToEndTest extends JpaEndToEndScenario {
  H2FileJpaEndToEndTest() {
    super(new H2FileDatabase());
  }
}
