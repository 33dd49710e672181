package io.channelmonitor.jpa.e2e;

import io.channelmonitor.jdbc.JdbcStore;
import io.channelmonitor.jdbc.e2e.EndToEndDatabase;
import io.channelmonitor.jdbc.e2e.EndToEndScenario;
import io.channelmonitor.jpa.JpaStore;
import io.channelmonitor.store.ChannelMonitorStore;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDBC module's end-to-end story with every instance of the library on a {@link JpaStore}: a
 * Hibernate persistence unit over the story's data source, on the tables of the schema script the
 * JDBC module ships (created once, then validated by Hibernate), as a host that manages its schema
 * with Flyway would run it. Each instance gets a unit of its own; a restart closes them first.
 */
abstract class JpaEndToEndScenario extends EndToEndScenario {
  /** The test unit of {@code META-INF/persistence.xml}: the library's entities only. */
  private static final String UNIT = "channel-monitor-test";

  private final List<EntityManagerFactory> factories = new ArrayList<>();
  private boolean schemaCreated;

  JpaEndToEndScenario(EndToEndDatabase database) {
    super(database);
  }

  @Override
  protected ChannelMonitorStore newStore() {
    if (!schemaCreated) {
      JdbcStore.builder(dataSource()).createSchemaIfMissing(true).build();
      schemaCreated = true;
    }
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.nonJtaDataSource", dataSource());
    settings.put("hibernate.hbm2ddl.auto", "validate");
    settings.put("hibernate.jdbc.time_zone", "UTC");
    settings.put("hibernate.jdbc.batch_size", "50");
    EntityManagerFactory factory = Persistence.createEntityManagerFactory(UNIT, settings);
    factories.add(factory);
    return JpaStore.builder(factory).clock(clock()).build();
  }

  @Override
  protected void restartDatabase() throws Exception {
    closeFactories();
    super.restartDatabase();
  }

  @Override
  protected void closeDatabase() throws Exception {
    closeFactories();
    super.closeDatabase();
  }

  private void closeFactories() {
    factories.forEach(EntityManagerFactory::close);
    factories.clear();
  }
}
