package io.channelmonitor.spring.boot;

import static io.channelmonitor.spring.boot.StoreSelectionTest.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.jdbc.JdbcClusterCoordinator;
import io.channelmonitor.schedule.ClusterCoordinator;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code channel-monitor.cluster.*}: the JDBC coordinator, its settings and what it needs. */
class ClusterConfigurationTest {
  private final String database = "jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  private final ApplicationContextRunner app =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class, ChannelMonitorAutoConfiguration.class))
          .withPropertyValues(
              "spring.datasource.url=" + database,
              "channel-monitor.key-ring.keys.k1=" + KEY,
              "channel-monitor.cluster.enabled=true");

  @Test
  void offByDefault() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class, ChannelMonitorAutoConfiguration.class))
        .withPropertyValues("channel-monitor.key-ring.keys.k1=" + KEY)
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(ClusterCoordinator.class));
  }

  @Test
  void enabledGivesAJdbcCoordinatorWithThePropertiesOnTheStoresTables() {
    app.withPropertyValues(
            "channel-monitor.cluster.instance-id=gateway-a",
            "channel-monitor.cluster.poll-interval=2s",
            "channel-monitor.cluster.heartbeat-interval=3s",
            "channel-monitor.cluster.lease-time=45s")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              JdbcClusterCoordinator coordinator = context.getBean(JdbcClusterCoordinator.class);
              assertThat(coordinator.instanceId()).isEqualTo("gateway-a");
              assertThat(coordinator.pollInterval()).isEqualTo(Duration.ofSeconds(2));
              assertThat(coordinator.heartbeat()).isEqualTo(1);
            });
  }

  @Test
  void twoApplicationsOnOneDatabaseSeeEachOther() {
    app.withPropertyValues("channel-monitor.cluster.instance-id=gateway-a")
        .run(
            first ->
                app.withPropertyValues("channel-monitor.cluster.instance-id=gateway-b")
                    .run(
                        second -> {
                          assertThat(first).hasNotFailed();
                          assertThat(second).hasNotFailed();
                          JdbcClusterCoordinator a = first.getBean(JdbcClusterCoordinator.class);
                          JdbcClusterCoordinator b = second.getBean(JdbcClusterCoordinator.class);
                          b.join();
                          a.join(); // beats now; heartbeat() beats once per interval
                          assertThat(a.heartbeat()).isEqualTo(2);
                        }));
  }

  @Test
  void anApplicationCoordinatorWins() {
    ClusterCoordinator own = ClusterCoordinator.singleInstance();
    app.withBean(ClusterCoordinator.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(ClusterCoordinator.class)).isSameAs(own);
            });
  }

  @Test
  void theDefaultsAreTheLibrarys() {
    ClusterProperties defaults = new ClusterProperties();
    assertThat(defaults.isEnabled()).isFalse();
    assertThat(defaults.getPollInterval()).isEqualTo(JdbcClusterCoordinator.DEFAULT_POLL_INTERVAL);
    assertThat(defaults.getHeartbeatInterval())
        .isEqualTo(JdbcClusterCoordinator.DEFAULT_HEARTBEAT_INTERVAL);
    assertThat(defaults.getLeaseTime()).isEqualTo(JdbcClusterCoordinator.DEFAULT_LEASE_TIME);
  }

  @Test
  void theInMemoryStoreIsRefused() {
    app.withPropertyValues("channel-monitor.store=memory")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("needs a persistent store on the shared database"));
  }

  @Test
  void noDataSourceIsRefused() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ChannelMonitorAutoConfiguration.class))
        .withPropertyValues("channel-monitor.cluster.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("needs the application's DataSource"));
  }

  @Test
  void withoutTheJdbcModuleItFailsInsteadOfRunningAlone() {
    app.withClassLoader(new FilteredClassLoader("io.channelmonitor.jdbc"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("needs the channel-monitor-jdbc artifact"));
  }
}
