package io.channelmonitor.spring.boot;

import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * What the JPA store needs from a Boot application beyond the store bean itself: its entities in
 * the auto-configured persistence unit ({@link JpaEntityRegistrar}) and, when asked for, its tables
 * before the EntityManagerFactory starts ({@link JpaSchemaInitializer}). Active only when the JPA
 * module and API are present and {@code channel-monitor.store} is {@code auto} or {@code jpa}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(
    name = {
      StoreFactory.JPA_STORE_CLASS,
      StoreFactory.JPA_API_CLASS,
      "org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes"
    })
@Conditional(JpaStoreConfiguration.StoreMayBeJpa.class)
class JpaStoreConfiguration {

  /** Static: a post-processor must not wait for (or force early) this configuration's instance. */
  @Bean
  @ConditionalOnMissingBean
  static JpaEntityRegistrar channelMonitorJpaEntityRegistrar() {
    return new JpaEntityRegistrar();
  }

  /** The tables, from the JDBC module's script, on the DataSource the unit runs on. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        StoreFactory.JDBC_STORE_CLASS,
        "org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer"
      })
  @ConditionalOnBean(EntityManagerFactory.class)
  @ConditionalOnSingleCandidate(DataSource.class)
  static class SchemaConfiguration {
    @Bean
    @ConditionalOnMissingBean
    JpaSchemaInitializer channelMonitorJpaSchemaInitializer(
        DataSource dataSource, ChannelMonitorProperties properties) {
      return JpaSchemaInitializer.of(dataSource, properties.getJpa().getInitializeSchema());
    }
  }

  /** Matches when {@code channel-monitor.store} is unset, {@code auto} or {@code jpa}. */
  static final class StoreMayBeJpa extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      StoreType type =
          Binder.get(context.getEnvironment())
              .bind(ChannelMonitorProperties.PREFIX + ".store", StoreType.class)
              .orElse(StoreType.AUTO);
      return type == StoreType.AUTO || type == StoreType.JPA
          ? ConditionOutcome.match("channel-monitor.store=" + type + " may use JPA")
          : ConditionOutcome.noMatch("channel-monitor.store=" + type);
    }
  }
}
