package io.channelmonitor.spring.boot.jpahost;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.jpa.JpaStore;
import io.channelmonitor.spring.boot.ChannelMonitorAutoConfiguration;
import io.channelmonitor.store.ChannelMonitorStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

/**
 * The JPA store's tables in a Boot host (Hibernate 7 on H2): the JDBC module's script runs before
 * the EntityManagerFactory starts, on embedded databases by default, and Hibernate validates the
 * result against the store's entities.
 */
@ExtendWith(OutputCaptureExtension.class)
class JpaSchemaTest {
  static final String MISSING_TABLE = "missing table [channel_monitor_";
  static final String HOST_SCHEMA =
      "spring.sql.init.schema-locations=classpath:jpahost/host-schema.sql";

  private final ApplicationContextRunner host =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  DataSourceInitializationAutoConfiguration.class,
                  HibernateJpaAutoConfiguration.class,
                  ChannelMonitorAutoConfiguration.class))
          .withUserConfiguration(JpaStoreSelectionTest.ScanningHost.class)
          .withPropertyValues(
              "channel-monitor.key-ring.keys.k1=" + JpaStoreSelectionTest.KEY,
              "channel-monitor.ssrf.allowed-cidrs=127.0.0.0/8",
              "spring.jpa.properties.hibernate.jdbc.time_zone=UTC");

  /** Like a host whose migrations make its own tables and whose Hibernate only validates. */
  private final ApplicationContextRunner validatingHost =
      host.withPropertyValues(
          "spring.jpa.hibernate.ddl-auto=validate", "spring.sql.init.mode=always", HOST_SCHEMA);

  @Test
  void onAnEmbeddedDatabaseTheScriptMakesTheTablesBeforeHibernateValidatesThem() {
    validatingHost.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(ChannelMonitorStore.class)).isInstanceOf(JpaStore.class);
          long id =
              context
                  .getBean(ChannelMonitor.class)
                  .monitors()
                  .create(JpaStoreSelectionTest.draft("validated"))
                  .id();
          assertThat(context.getBean(ChannelMonitorStore.class).findMonitor(id)).isPresent();
        });
  }

  @Test
  void withSchemaCreationOffHibernateFindsTheStoresTablesMissing() {
    validatingHost
        .withPropertyValues("channel-monitor.jpa.initialize-schema=never")
        .run(context -> assertThat(context).getFailure().hasStackTraceContaining(MISSING_TABLE));
  }

  @Test
  void aFileDatabaseIsNotEmbeddedSoItGetsTheTablesOnlyWhenAskedFor(@TempDir Path dir) {
    String url = "spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    validatingHost
        .withPropertyValues(url)
        .run(context -> assertThat(context).getFailure().hasStackTraceContaining(MISSING_TABLE));
    validatingHost
        .withPropertyValues(url, "channel-monitor.jpa.initialize-schema=always")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(ChannelMonitorStore.class)).isInstanceOf(JpaStore.class);
            });
  }

  @Test
  void withoutTheJdbcModuleTheTablesAreLeftToHibernate(CapturedOutput output) {
    host.withClassLoader(new FilteredClassLoader("io.channelmonitor.jdbc"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              long id =
                  context
                      .getBean(ChannelMonitor.class)
                      .monitors()
                      .create(JpaStoreSelectionTest.draft("generated"))
                      .id();
              assertThat(context.getBean(ChannelMonitorStore.class).findMonitor(id)).isPresent();
              assertThat(output).contains("left to Hibernate");
            });
  }

  @Test
  void alwaysWithoutTheJdbcModuleFailsNamingIt() {
    host.withClassLoader(new FilteredClassLoader("io.channelmonitor.jdbc"))
        .withPropertyValues("channel-monitor.jpa.initialize-schema=always")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("channel-monitor.jpa.initialize-schema=always")
                    .hasMessageContaining("io.channelmonitor:channel-monitor-jdbc"));
  }

  /** Two units' managed types: only the primary one, which feeds Boot's factory, is extended. */
  @Configuration(proxyBeanMethods = false)
  static class TwoUnits {
    @Bean
    @Primary
    PersistenceManagedTypes mainTypes() {
      return PersistenceManagedTypes.of(List.of(HostRoute.class.getName()), List.of("host.pkg"));
    }

    @Bean
    PersistenceManagedTypes reportingTypes() {
      return PersistenceManagedTypes.of("reporting.Entity");
    }
  }

  @Test
  void ofSeveralManagedTypesOnlyThePrimaryGetsTheStoresEntities() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ChannelMonitorAutoConfiguration.class))
        .withUserConfiguration(TwoUnits.class)
        .run(
            context -> {
              PersistenceManagedTypes main =
                  context.getBean("mainTypes", PersistenceManagedTypes.class);
              assertThat(main.getManagedClassNames())
                  .startsWith(HostRoute.class.getName())
                  .containsAll(JpaStore.ENTITY_CLASSES.stream().map(Class::getName).toList())
                  .doesNotHaveDuplicates();
              assertThat(main.getManagedPackages()).containsExactly("host.pkg");
              assertThat(
                      context
                          .getBean("reportingTypes", PersistenceManagedTypes.class)
                          .getManagedClassNames())
                  .containsExactly("reporting.Entity");
            });
  }
}
