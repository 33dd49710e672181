package io.channelmonitor.spring.boot;

import io.channelmonitor.spring.boot.ChannelMonitorProperties.StoreType;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.InMemoryStore;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ClassUtils;

/**
 * Chooses and builds the store {@code channel-monitor.store} asks for. The JDBC and JPA modules are
 * optional: their classes are only touched once their presence is checked, so this class loads
 * without them.
 */
final class StoreFactory {
  static final String JDBC_STORE_CLASS = "io.channelmonitor.jdbc.JdbcStore";
  static final String JPA_STORE_CLASS = "io.channelmonitor.jpa.JpaStore";

  private static final Logger log = LoggerFactory.getLogger(StoreFactory.class);

  private final ChannelMonitorProperties properties;
  private final ClassLoader classLoader;
  private final Clock clock;

  StoreFactory(ChannelMonitorProperties properties, ClassLoader classLoader, Clock clock) {
    this.properties = Objects.requireNonNull(properties, "properties");
    this.classLoader = classLoader;
    this.clock = Objects.requireNonNull(clock, "clock");
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
      case JPA -> throw new IllegalStateException(jpaMissing());
      case AUTO -> auto(dataSource);
    };
  }

  private ChannelMonitorStore auto(DataSource dataSource) {
    if (dataSource != null && present(JDBC_STORE_CLASS)) {
      return jdbc(dataSource);
    }
    return memory(true);
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
            ? ChannelMonitorProperties.SchemaInit.EMBEDDED
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
              + " restarts (no DataSource with channel-monitor-jdbc found; set"
              + " channel-monitor.store=memory to choose it explicitly)");
    } else {
      log.info("channel-monitor: in-memory store; monitors and results are lost at restart");
    }
    return new InMemoryStore(clock);
  }

  private String jpaMissing() {
    if (!present(JPA_STORE_CLASS)) {
      return "channel-monitor.store=jpa but JPA module not on the classpath:"
          + " add io.channelmonitor:channel-monitor-jpa";
    }
    return "channel-monitor.store=jpa is not supported by this starter version yet;"
        + " use channel-monitor.store=jdbc or define a ChannelMonitorStore bean";
  }

  private boolean present(String className) {
    return ClassUtils.isPresent(className, classLoader);
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
