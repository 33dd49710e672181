package io.channelmonitor.jdbc;

import static io.channelmonitor.testkit.store.StoreFixtures.monitor;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.testkit.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped schema scripts are usable by Flyway as they are: each, copied unchanged from the jar
 * into a migration {@code V1__channel_monitor.sql}, migrates an empty database, and a store built
 * on it without creating anything passes its start-up schema check and keeps a monitor.
 */
class FlywaySchemaTest {
  @RegisterExtension static final H2Database H2 = new H2Database();
  @RegisterExtension static final PostgresDatabase POSTGRES = new PostgresDatabase();

  @TempDir Path migrations;

  @Test
  void theH2ScriptMigratesWithFlyway() throws IOException {
    assertMigratesAndServes(H2, JdbcDialect.H2);
  }

  @Test
  void thePostgresqlScriptMigratesWithFlyway() throws IOException {
    assertMigratesAndServes(POSTGRES, JdbcDialect.POSTGRESQL);
  }

  private void assertMigratesAndServes(TestDatabase db, JdbcDialect dialect) throws IOException {
    copyScript(dialect.schemaResource(), migrations.resolve("V1__channel_monitor.sql"));
    Flyway flyway =
        Flyway.configure()
            .dataSource(db.unpooled())
            .locations("filesystem:" + migrations.toAbsolutePath())
            .load();

    MigrateResult result = flyway.migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isEqualTo(1);
    assertThat(result.targetSchemaVersion).isEqualTo("1");
    assertThat(flyway.info().current().getState()).isEqualTo(MigrationState.SUCCESS);

    JdbcStore store =
        JdbcStore.builder(db.dataSource())
            .clock(ManualClock.start())
            .createSchemaIfMissing(false)
            .build();
    assertThat(store.dialect()).isEqualTo(dialect);
    MonitorRecord stored = store.insertMonitor(monitor().name("flyway").record());
    assertThat(store.findMonitor(stored.id())).contains(stored);
    assertThat(store.listEnabledMonitors()).containsExactly(stored);
  }

  /** The script as the jar ships it, byte for byte. */
  private static void copyScript(String resource, Path target) throws IOException {
    try (InputStream in = JdbcStore.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Files.copy(in, target);
    }
  }
}
