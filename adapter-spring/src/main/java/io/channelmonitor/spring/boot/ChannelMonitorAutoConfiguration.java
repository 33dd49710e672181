package io.channelmonitor.spring.boot;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.CheckListener;
import io.channelmonitor.probe.ChannelChecker;
import io.channelmonitor.schedule.ClusterCoordinator;
import io.channelmonitor.schedule.SettingsProvider;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.secret.SecretCodec;
import io.channelmonitor.ssrf.HostResolver;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.store.ChannelMonitorStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Configures a {@link ChannelMonitor} from the {@code channel-monitor.*} properties and starts it
 * with the context. Every bean backs off when the application defines its own; {@code
 * channel-monitor.enabled=false} removes them all.
 *
 * <p>The store is chosen by {@code channel-monitor.store}: by default JPA on the application's
 * EntityManagerFactory when {@code channel-monitor-jpa} is present (its entities are added to the
 * unit Boot configures, see {@link JpaStoreConfiguration}), else JDBC on the application's
 * DataSource when {@code channel-monitor-jdbc} is present, else in memory (with a warning).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure"
          + ".CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple"
          + ".SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass(ChannelMonitor.class)
@ConditionalOnBooleanProperty(name = "channel-monitor.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChannelMonitorProperties.class)
@Import({JpaStoreConfiguration.class, ClusterConfiguration.class})
public class ChannelMonitorAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ChannelMonitorSettings channelMonitorSettings(ChannelMonitorProperties properties) {
    return PropertyConversions.settings(properties);
  }

  @Bean
  @ConditionalOnMissingBean
  SsrfPolicy channelMonitorSsrfPolicy(ChannelMonitorProperties properties) {
    return PropertyConversions.ssrfPolicy(properties.getSsrf());
  }

  /** The global feature switch: {@code channel-monitor.monitoring-enabled}, read every time. */
  @Bean
  @ConditionalOnMissingBean
  SettingsProvider channelMonitorSettingsProvider(ChannelMonitorProperties properties) {
    return properties::isMonitoringEnabled;
  }

  @Bean
  @ConditionalOnMissingBean
  @DependsOnDatabaseInitialization
  ChannelMonitorStore channelMonitorStore(
      ChannelMonitorProperties properties,
      ObjectProvider<DataSource> dataSources,
      ObjectProvider<Clock> clocks,
      ResourceLoader resourceLoader,
      BeanFactory beanFactory) {
    StoreFactory factory =
        new StoreFactory(
            properties,
            resourceLoader.getClassLoader(),
            clocks.getIfUnique(Clock::systemUTC),
            beanFactory);
    return factory.create(dataSources.getIfUnique());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  ChannelMonitor channelMonitor(
      ChannelMonitorProperties properties,
      ChannelMonitorStore store,
      ChannelMonitorSettings settings,
      SsrfPolicy ssrfPolicy,
      SettingsProvider settingsProvider,
      ObjectProvider<Clock> clocks,
      ObjectProvider<SecretCodec> codecs,
      ObjectProvider<KeyRing> keyRings,
      ObjectProvider<MeterRegistry> meterRegistries,
      ObjectProvider<HostResolver> hostResolvers,
      ObjectProvider<ClusterCoordinator> coordinators,
      ObjectProvider<CheckListener> listeners,
      ObjectProvider<ChannelChecker> checkers,
      ObjectProvider<ChannelMonitorCustomizer> customizers) {
    return new ChannelMonitorAssembler(properties)
        .core(store, settings, ssrfPolicy, settingsProvider, clocks.getIfUnique(Clock::systemUTC))
        .keys(codecs, keyRings)
        .optional(meterRegistries, hostResolvers, coordinators, listeners, checkers)
        .customize(customizers)
        .build(store);
  }

  @Bean
  @ConditionalOnMissingBean
  ChannelMonitorLifecycle channelMonitorLifecycle(ChannelMonitor channelMonitor) {
    return new ChannelMonitorLifecycle(channelMonitor);
  }
}
