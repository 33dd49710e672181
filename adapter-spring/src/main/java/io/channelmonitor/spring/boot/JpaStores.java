package io.channelmonitor.spring.boot;

import io.channelmonitor.jpa.JpaStore;
import io.channelmonitor.store.ChannelMonitorStore;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;

/**
 * Builds the JPA store on the application's EntityManagerFactory. It touches the JPA module and the
 * JPA API, so {@link StoreFactory} only calls it once both are on the classpath.
 */
final class JpaStores {
  private static final Logger log = LoggerFactory.getLogger(JpaStores.class);

  private JpaStores() {}

  /**
   * The store on the single (or primary) EntityManagerFactory, or null when there is none.
   *
   * @param setting the setting that chose JPA, for messages ({@code channel-monitor.store=auto})
   * @throws IllegalStateException when the factory's unit lacks the store's entities, is not
   *     resource-local or runs on an unsupported database
   */
  static ChannelMonitorStore create(BeanFactory beans, Clock clock, String setting) {
    EntityManagerFactory factory = beans.getBeanProvider(EntityManagerFactory.class).getIfUnique();
    if (factory == null) {
      return null;
    }
    requireEntities(factory, setting);
    JpaStore store = JpaStore.builder(factory).clock(clock).build();
    log.info(
        "channel-monitor: JPA store on the application's EntityManagerFactory ({})",
        store.dialect());
    return store;
  }

  /**
   * Fails, saying what to do, when the unit does not manage the store's entities. The starter adds
   * them to the unit Spring Boot configures (see {@link JpaEntityRegistrar}), so this happens when
   * the application builds its own EntityManagerFactory.
   */
  private static void requireEntities(EntityManagerFactory factory, String setting) {
    for (Class<?> type : JpaStore.ENTITY_CLASSES) {
      if (!type.isAnnotationPresent(Entity.class)) {
        continue;
      }
      try {
        factory.getMetamodel().entity(type);
      } catch (IllegalArgumentException notAnEntity) {
        // the provider's "not an entity" adds nothing: this message is the root cause people read
        throw new IllegalStateException(
            setting
                + " uses the application's EntityManagerFactory, but its persistence unit does not"
                + " manage "
                + type.getName()
                + ". The starter adds the JPA store's entities to the unit Spring Boot"
                + " auto-configures, with or without @EntityScan; an application that builds its"
                + " own EntityManagerFactory must add them itself: scan the package "
                + JpaStore.ENTITY_PACKAGE
                + " next to its own (packagesToScan, EntityManagerFactoryBuilder.packages(...))"
                + " or list JpaStore.ENTITY_CLASSES; or set channel-monitor.store=jdbc");
      }
    }
  }
}
