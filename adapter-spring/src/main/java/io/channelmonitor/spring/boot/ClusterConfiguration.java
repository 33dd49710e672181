package io.channelmonitor.spring.boot;

import io.channelmonitor.schedule.ClusterCoordinator;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.InMemoryStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Cluster mode: with {@code channel-monitor.cluster.enabled=true} a {@code JdbcClusterCoordinator}
 * on the application's DataSource, unless the application defines its own {@link
 * ClusterCoordinator}. Its tables come with the store's schema script, so the coordinator is built
 * after the store and creates nothing itself. Whatever is missing fails the start-up: an instance
 * that silently ran alone would probe every channel once more, and every probe is a paid call.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "channel-monitor.cluster.enabled")
class ClusterConfiguration {
  static final String COORDINATOR_CLASS = "io.channelmonitor.jdbc.JdbcClusterCoordinator";

  @Bean
  @ConditionalOnMissingBean(ClusterCoordinator.class)
  ClusterCoordinator channelMonitorClusterCoordinator(
      ChannelMonitorProperties properties,
      ChannelMonitorStore store,
      ObjectProvider<DataSource> dataSources,
      ObjectProvider<Clock> clocks,
      ResourceLoader resourceLoader) {
    if (!ClassUtils.isPresent(COORDINATOR_CLASS, resourceLoader.getClassLoader())) {
      throw new IllegalStateException(
          "channel-monitor.cluster.enabled=true needs the channel-monitor-jdbc artifact on the"
              + " classpath");
    }
    DataSource dataSource = dataSources.getIfUnique();
    if (dataSource == null) {
      throw new IllegalStateException(
          "channel-monitor.cluster.enabled=true needs the application's DataSource (one, or one"
              + " primary): the instances share the schedule through the database");
    }
    if (store instanceof InMemoryStore) {
      throw new IllegalStateException(
          "channel-monitor.cluster.enabled=true needs a persistent store on the shared database"
              + " (channel-monitor.store=jdbc or jpa), not the in-memory store");
    }
    return JdbcCoordinators.create(properties, dataSource, clocks.getIfUnique(Clock::systemUTC));
  }

  /** Holds the only references to the JDBC module, loaded once it is known to be present. */
  private static final class JdbcCoordinators {
    static ClusterCoordinator create(
        ChannelMonitorProperties properties, DataSource dataSource, Clock clock) {
      ClusterProperties cluster = properties.getCluster();
      io.channelmonitor.jdbc.JdbcClusterCoordinator.Builder builder =
          io.channelmonitor.jdbc.JdbcClusterCoordinator.builder(dataSource)
              .tablePrefix(properties.getJdbc().getTablePrefix())
              .pollInterval(cluster.getPollInterval())
              .heartbeatInterval(cluster.getHeartbeatInterval())
              .leaseTime(cluster.getLeaseTime())
              .clock(clock);
      String instanceId = cluster.getInstanceId();
      if (instanceId != null && !instanceId.isBlank()) {
        builder.instanceId(instanceId);
      }
      return builder.build();
    }
  }
}
