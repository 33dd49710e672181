package io.channelmonitor.spring.boot;

import io.channelmonitor.jpa.JpaStore;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

/**
 * Adds the JPA store's entities and converters ({@link JpaStore#ENTITY_CLASSES}) to the {@link
 * PersistenceManagedTypes} that Spring Boot's JPA auto-configuration builds its
 * EntityManagerFactory from, <em>on top of</em> what that bean already holds.
 *
 * <p>Why not {@code @AutoConfigurationPackage} or {@code @EntityScan}: Boot scans either the
 * {@code @EntityScan} packages or, when there are none, the auto-configuration packages. A
 * library's package in the second list is therefore dropped as soon as the application declares
 * {@code @EntityScan}, and registering it in the first list would stop the scan of the
 * application's own packages (spring-boot#30064). Extending the computed types keeps the
 * application's scan exactly as it is, whichever way it is configured.
 *
 * <p>Only the bean that feeds the unit is extended: the single {@code PersistenceManagedTypes}
 * bean, or the primary one when there are several. An application that builds its own
 * EntityManagerFactory without such a bean adds the entities itself; the starter's startup failure
 * says so.
 */
final class JpaEntityRegistrar implements BeanPostProcessor, BeanFactoryAware {
  private static final Logger log = LoggerFactory.getLogger(JpaEntityRegistrar.class);

  private ConfigurableListableBeanFactory beanFactory;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
      this.beanFactory = listable;
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof PersistenceManagedTypes types && feedsTheUnit(beanName)) {
      return withStoreEntities(types);
    }
    return bean;
  }

  private boolean feedsTheUnit(String beanName) {
    if (beanFactory == null) {
      return true;
    }
    String[] names = beanFactory.getBeanNamesForType(PersistenceManagedTypes.class, true, false);
    if (names.length <= 1) {
      return true;
    }
    return beanFactory.containsBeanDefinition(beanName)
        && beanFactory.getBeanDefinition(beanName).isPrimary();
  }

  /** {@code types} with the store's classes added after the application's own. */
  static PersistenceManagedTypes withStoreEntities(PersistenceManagedTypes types) {
    Set<String> names = new LinkedHashSet<>(types.getManagedClassNames());
    for (Class<?> type : JpaStore.ENTITY_CLASSES) {
      names.add(type.getName());
    }
    if (names.size() == types.getManagedClassNames().size()) {
      return types;
    }
    log.debug("channel-monitor: adding the JPA store's entities to the persistence unit");
    return new ManagedTypes(
        List.copyOf(names),
        List.copyOf(types.getManagedPackages()),
        types.getPersistenceUnitRootUrl());
  }

  /** The extended managed types. */
  private record ManagedTypes(List<String> classNames, List<String> packages, URL rootUrl)
      implements PersistenceManagedTypes {
    @Override
    public List<String> getManagedClassNames() {
      return classNames;
    }

    @Override
    public List<String> getManagedPackages() {
      return packages;
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
      return rootUrl;
    }
  }
}
