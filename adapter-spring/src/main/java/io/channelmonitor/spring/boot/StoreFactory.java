package io.channelmonitor.spring.boot;

import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.InMemoryStore;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Chooses and builds the store {@code channel-monitor.store} asks for. The JDBC and JPA modules are
 * optional: their classes are only touched once their presence is checked, so this class loads
 * without them.
 */
final class StoreFactory {
  static final String JDBC_STORE_CLASS = "io.channelmonitor.jdbc.JdbcStore";
  static final String JPA_STORE_CLASS = "io.channelmonitor.jpa.JpaStore";
  static final String JPA_API_CLASS = "jakarta.persistence.EntityManagerFactory";

  private static final Logger log = LoggerFactory.getLogger(StoreFactory.class);

  private final ChannelMonitorProperties properties;
  private final ClassLoader classLoader;
  private final Clock clock;
  private final BeanFactory beans;

  StoreFactory(
      ChannelMonitorProperties properties,
      ClassLoader classLoader,
      Clock clock,
      BeanFactory beans) {
    this.properties = Objects.requireNonNull(properties, "properties");
    this.classLoader = classLoader;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.beans = Objects.requireNonNull(beans, "beans");
  }

  /**
   * The store for the configured type.
   *
   * @param dataSource the application's single (or primary) DataSource, or null
   * @throws IllegalStateException when a forced store cannot be built; the message says why
   */
  ChannelMonitorStore create(DataSource dataSource) {
    StoreType type = properties.getStore() == null ? StoreType.AUTO : properties.getStore();
    return switch (type) {
      case MEMORY -> memory(false);
      case JDBC -> jdbc(requireJdbc(dataSource));
      case JPA -> requireJpa();
      case AUTO -> auto(dataSource);
    };
  }

  private ChannelMonitorStore auto(DataSource dataSource) {
    if (jpaPresent()) {
      ChannelMonitorStore store = jpa(StoreType.AUTO);
      if (store != null) {
        return store;
      }
    }
    if (dataSource != null && present(JDBC_STORE_CLASS)) {
      return jdbc(dataSource);
    }
    return memory(true);
  }

  private ChannelMonitorStore requireJpa() {
    if (!jpaPresent()) {
      throw new IllegalStateException(
          "channel-monitor.store=jpa but JPA module not on the classpath:"
              + " add io.channelmonitor:channel-monitor-jpa and a JPA provider"
              + " (spring-boot-starter-data-jpa)");
    }
    ChannelMonitorStore store = jpa(StoreType.JPA);
    if (store == null) {
      throw new IllegalStateException(
          "channel-monitor.store=jpa needs a single (or @Primary) EntityManagerFactory bean;"
              + " none was found (spring-boot-starter-data-jpa with a DataSource configures one)");
    }
    return store;
  }

  /** The JPA store on the application's EntityManagerFactory, or null when there is none. */
  private ChannelMonitorStore jpa(StoreType chosenBy) {
    SchemaInit schema = properties.getJpa().getInitializeSchema();
    boolean scripts = present(JDBC_STORE_CLASS);
    if (schema == SchemaInit.ALWAYS && !scripts) {
      throw new IllegalStateException(
          "channel-monitor.jpa.initialize-schema=always runs the schema script of"
              + " io.channelmonitor:channel-monitor-jdbc, which is not on the classpath: add it, or"
              + " set the property to never and create the tables with a migration or Hibernate");
    }
    ChannelMonitorStore store =
        JpaStores.create(beans, clock, "channel-monitor.store=" + label(chosenBy));
    if (store != null && schema == SchemaInit.EMBEDDED && !scripts) {
      log.info(
          "channel-monitor: JPA store; its schema script ships in channel-monitor-jdbc, which is"
              + " absent, so the tables are left to Hibernate's ddl-auto or your migrations");
    }
    return store;
  }

  private DataSource requireJdbc(DataSource dataSource) {
    if (!present(JDBC_STORE_CLASS)) {
      throw new IllegalStateException(
          "channel-monitor.store=jdbc but JDBC module not on the classpath:"
              + " add io.channelmonitor:channel-monitor-jdbc");
    }
    if (dataSource == null) {
      throw new IllegalStateException(
          "channel-monitor.store=jdbc needs a single (or @Primary) DataSource bean; none was found");
    }
    return dataSource;
  }

  private ChannelMonitorStore jdbc(DataSource dataSource) {
    ChannelMonitorProperties.Jdbc jdbc = properties.getJdbc();
    boolean createSchema =
        switch (jdbc.getInitializeSchema() == null
            ? SchemaInit.EMBEDDED
            : jdbc.getInitializeSchema()) {
          case ALWAYS -> true;
          case NEVER -> false;
          case EMBEDDED -> isEmbedded(dataSource);
        };
    ChannelMonitorStore store =
        JdbcStores.create(dataSource, clock, jdbc.getTablePrefix(), createSchema);
    log.info(
        "channel-monitor: JDBC store on the application DataSource (schema creation {})",
        createSchema ? "on" : "off");
    return store;
  }

  private boolean isEmbedded(DataSource dataSource) {
    return present("org.springframework.boot.jdbc.EmbeddedDatabaseConnection")
        && EmbeddedDatabases.isEmbedded(dataSource);
  }

  private ChannelMonitorStore memory(boolean chosenAutomatically) {
    if (chosenAutomatically) {
      log.warn(
          "channel-monitor: using the in-memory store, monitors and results are NOT kept across"
              + " restarts (no EntityManagerFactory with channel-monitor-jpa and no DataSource with"
              + " channel-monitor-jdbc found; set channel-monitor.store=memory to choose it"
              + " explicitly)");
    } else {
      log.info("channel-monitor: in-memory store; monitors and results are lost at restart");
    }
    return new InMemoryStore(clock);
  }

  private boolean jpaPresent() {
    return present(JPA_STORE_CLASS) && present(JPA_API_CLASS);
  }

  private boolean present(String className) {
    return ClassUtils.isPresent(className, classLoader);
  }

  private static String label(StoreType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Touches the JDBC module; loaded only when it is present. */
  private static final class JdbcStores {
    static ChannelMonitorStore create(
        DataSource dataSource, Clock clock, String tablePrefix, boolean createSchema) {
      io.channelmonitor.jdbc.JdbcStore.Builder builder =
          io.channelmonitor.jdbc.JdbcStore.builder(dataSource)
              .clock(clock)
              .createSchemaIfMissing(createSchema);
      if (tablePrefix != null && !tablePrefix.isBlank()) {
        builder.tablePrefix(tablePrefix.trim());
      }
      return builder.build();
    }
  }

  /** Touches Spring Boot's JDBC module; loaded only when it is present. */
  private static final class EmbeddedDatabases {
    static boolean isEmbedded(DataSource dataSource) {
      return org.springframework.boot.jdbc.EmbeddedDatabaseConnection.isEmbedded(dataSource);
    }
  }
}
