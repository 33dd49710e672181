package io.channelmonitor.spring.boot;

import io.channelmonitor.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

/**
 * Creates the JPA store's missing tables with the JDBC module's script for the database ({@code
 * CREATE ... IF NOT EXISTS} only). As a Boot database initializer it runs before the
 * EntityManagerFactory starts, so a unit with {@code ddl-auto=validate} already sees the tables.
 */
final class JpaSchemaInitializer extends DataSourceScriptDatabaseInitializer {
  private static final Logger log = LoggerFactory.getLogger(JpaSchemaInitializer.class);

  private JpaSchemaInitializer(DataSource dataSource, DatabaseInitializationSettings settings) {
    super(dataSource, settings);
  }

  /**
   * An initializer that runs the script when {@code mode} asks for it on this database. It reads
   * the database product only then; on a database the store does not support it runs nothing, and
   * the store's own check reports the product.
   */
  static JpaSchemaInitializer of(DataSource dataSource, SchemaInit mode) {
    DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
    boolean wanted =
        switch (mode == null ? SchemaInit.EMBEDDED : mode) {
          case ALWAYS -> true;
          case NEVER -> false;
          case EMBEDDED -> EmbeddedDatabaseConnection.isEmbedded(dataSource);
        };
    if (wanted) {
      JdbcDialect dialect = dialect(dataSource);
      if (dialect != null) {
        settings.setSchemaLocations(List.of("classpath:" + dialect.schemaResource()));
        settings.setMode(DatabaseInitializationMode.ALWAYS);
        log.info("channel-monitor: creating the JPA store's missing tables ({} script)", dialect);
      }
    } else {
      settings.setMode(DatabaseInitializationMode.NEVER);
    }
    return new JpaSchemaInitializer(dataSource, settings);
  }

  private static JdbcDialect dialect(DataSource dataSource) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "channel-monitor: cannot read the database product to create the JPA store's tables"
              + " (SQLState "
              + e.getSQLState()
              + ")",
          e);
    }
    try {
      return JdbcDialect.fromProductName(product);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
