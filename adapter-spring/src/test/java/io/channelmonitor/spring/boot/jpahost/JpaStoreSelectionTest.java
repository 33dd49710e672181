package io.channelmonitor.spring.boot.jpahost;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.jdbc.JdbcStore;
import io.channelmonitor.jpa.JpaStore;
import io.channelmonitor.jpa.entity.MonitorEntity;
import io.channelmonitor.spring.boot.ChannelMonitorAutoConfiguration;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.InMemoryStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jpa.EntityManagerFactoryBuilder;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * {@code channel-monitor.store} in hosts with Spring Boot's JPA (Hibernate 7 on embedded H2): which
 * store {@code auto} picks, how the store's entities reach the host's persistence unit, the forced
 * JPA store's failures and the schema.
 */
@ExtendWith(OutputCaptureExtension.class)
class JpaStoreSelectionTest {
  static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  static final String NOT_KEPT = "NOT kept across restarts";

  /** A host like {@code @SpringBootApplication} without {@code @EntityScan}. */
  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage
  static class ScanningHost {}

  /** A host that names its entity packages with {@code @EntityScan}. */
  @Configuration(proxyBeanMethods = false)
  @AutoConfigurationPackage
  @EntityScan(basePackageClasses = HostRoute.class)
  static class EntityScanHost {}

  /** A host that builds its own EntityManagerFactory, for its own package only. */
  @Configuration(proxyBeanMethods = false)
  static class OwnFactoryHost {
    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(
        EntityManagerFactoryBuilder builder, DataSource dataSource) {
      return builder.dataSource(dataSource).packages(HostRoute.class).build();
    }
  }

  private final ApplicationContextRunner dataSourceOnly =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class, ChannelMonitorAutoConfiguration.class))
          .withPropertyValues("channel-monitor.key-ring.keys.k1=" + KEY);

  private final ApplicationContextRunner jpa =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  HibernateJpaAutoConfiguration.class,
                  ChannelMonitorAutoConfiguration.class))
          .withPropertyValues(
              "channel-monitor.key-ring.keys.k1=" + KEY,
              "channel-monitor.ssrf.allowed-cidrs=127.0.0.0/8",
              "spring.jpa.properties.hibernate.jdbc.time_zone=UTC");

  private final ApplicationContextRunner scanningHost =
      jpa.withUserConfiguration(ScanningHost.class);

  @Test
  void autoPicksJpaAndAddsTheStoresEntitiesNextToTheHostsScannedOnes(CapturedOutput output) {
    scanningHost.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(ChannelMonitorStore.class)).isInstanceOf(JpaStore.class);
          assertThat(entityNames(context)).contains("HostRoute", MonitorEntity.NAME);
          assertThat(output).doesNotContain(NOT_KEPT);
        });
  }

  @Test
  void aMonitorCreatedThroughTheServiceIsReadBackThroughTheJpaStoreAndTheHostsUnit() {
    scanningHost.run(
        context -> {
          Monitor created =
              context.getBean(ChannelMonitor.class).monitors().create(draft("round trip"));
          ChannelMonitorStore store = context.getBean(ChannelMonitorStore.class);
          assertThat(store.findMonitor(created.id()))
              .hasValueSatisfying(
                  record -> assertThat(record.config().name()).isEqualTo("round trip"));
          EntityManager manager = context.getBean(EntityManagerFactory.class).createEntityManager();
          try {
            MonitorEntity entity = manager.find(MonitorEntity.class, created.id());
            assertThat(entity.toRecord().config().name()).isEqualTo("round trip");
          } finally {
            manager.close();
          }
        });
  }

  @Test
  void withEntityScanTheHostsPackagesStayAndTheStoresEntitiesAreAdded() {
    jpa.withUserConfiguration(EntityScanHost.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(ChannelMonitorStore.class)).isInstanceOf(JpaStore.class);
              assertThat(entityNames(context)).contains("HostRoute", MonitorEntity.NAME);
            });
  }

  @Test
  void withoutTheJpaModuleAutoPicksJdbcAndLeavesTheHostsUnitAlone() {
    scanningHost
        .withClassLoader(new FilteredClassLoader("io.channelmonitor.jpa"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(ChannelMonitorStore.class)).isInstanceOf(JdbcStore.class);
              assertThat(entityNames(context)).containsExactly("HostRoute");
            });
  }

  @Test
  void anApplicationWithoutAnyJpaOnItsClasspathStillStarts() {
    dataSourceOnly
        .withClassLoader(
            new FilteredClassLoader(
                "jakarta.persistence", "io.channelmonitor.jpa", "org.springframework.orm"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(ChannelMonitorStore.class)).isInstanceOf(JdbcStore.class);
            });
  }

  @Test
  void anExplicitJdbcOrMemoryStoreLeavesTheHostsUnitAlone(CapturedOutput output) {
    scanningHost
        .withPropertyValues("channel-monitor.store=jdbc")
        .run(
            context -> {
              assertThat(context.getBean(ChannelMonitorStore.class)).isInstanceOf(JdbcStore.class);
              assertThat(entityNames(context)).containsExactly("HostRoute");
            });
    scanningHost
        .withPropertyValues("channel-monitor.store=memory")
        .run(
            context -> {
              assertThat(context.getBean(ChannelMonitorStore.class))
                  .isInstanceOf(InMemoryStore.class);
              assertThat(entityNames(context)).containsExactly("HostRoute");
            });
    assertThat(output).doesNotContain(NOT_KEPT);
  }

  @Test
  void autoWarnsAndKeepsDataInMemoryWhenNoStoreModuleFindsItsBean(CapturedOutput output) {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ChannelMonitorAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context.getBean(ChannelMonitorStore.class))
                  .isInstanceOf(InMemoryStore.class);
              assertThat(output).contains("WARN").contains(NOT_KEPT);
            });
  }

  @Test
  void autoWarnsAndKeepsDataInMemoryWhenBothStoreModulesAreMissing(CapturedOutput output) {
    scanningHost
        .withClassLoader(new FilteredClassLoader("io.channelmonitor.jpa", "io.channelmonitor.jdbc"))
        .run(
            context -> {
              assertThat(context.getBean(ChannelMonitorStore.class))
                  .isInstanceOf(InMemoryStore.class);
              assertThat(output).contains(NOT_KEPT).contains("EntityManagerFactory");
            });
  }

  @Test
  void forcedJpaWithoutTheModuleFailsNamingTheArtifact() {
    scanningHost
        .withPropertyValues("channel-monitor.store=jpa")
        .withClassLoader(new FilteredClassLoader("io.channelmonitor.jpa"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("JPA module not on the classpath")
                    .hasMessageContaining("io.channelmonitor:channel-monitor-jpa"));
  }

  @Test
  void forcedJpaWithoutAnEntityManagerFactoryFailsClearly() {
    dataSourceOnly
        .withPropertyValues("channel-monitor.store=jpa")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("channel-monitor.store=jpa needs a single")
                    .hasMessageContaining("EntityManagerFactory"));
  }

  @Test
  void aFactoryTheHostBuiltWithoutTheStoresEntitiesFailsSayingHowToAddThem() {
    for (String store : new String[] {"jpa", "auto"}) {
      jpa.withUserConfiguration(OwnFactoryHost.class)
          .withPropertyValues("channel-monitor.store=" + store)
          .run(
              context ->
                  assertThat(context)
                      .getFailure()
                      .rootCause()
                      .hasMessageContaining("channel-monitor.store=" + store)
                      .hasMessageContaining("does not manage " + MonitorEntity.class.getName())
                      .hasMessageContaining("must add them itself")
                      .hasMessageContaining("io.channelmonitor.jpa.entity")
                      .hasMessageContaining("channel-monitor.store=jdbc"));
    }
  }

  private static Set<String> entityNames(AssertableApplicationContext context) {
    return context.getBean(EntityManagerFactory.class).getMetamodel().getEntities().stream()
        .map(EntityType::getName)
        .collect(Collectors.toSet());
  }

  static MonitorDraft draft(String name) {
    return MonitorDraft.builder()
        .name(name)
        .provider("openai")
        .endpoint("https://127.0.0.1:8443")
        .apiKey("sk-test-secret")
        .primaryModel("gpt-4o-mini")
        .enabled(false)
        .build();
  }
}
