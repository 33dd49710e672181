package io.channelmonitor.jpa;

import io.channelmonitor.jdbc.JdbcStore;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private in-memory H2 database (plain H2, no compatibility mode) for one test class. The lock
 * timeout is raised from H2's 1 s so that the concurrency contract's row locks wait instead of
 * failing on a loaded machine.
 */
final class H2Database implements TestDatabase, BeforeAllCallback, AfterAllCallback {
  private final String urlSettings;
  private final Schema schema;
  private EntityManagerFactory factory;

  /**
   * A database with a schema Hibernate generates, whose sessions use the zone the run asks for
   * ({@link SessionTimeZone}), else H2's default: the JVM's zone.
   */
  H2Database() {
    this(SessionTimeZone.h2UrlSettings(), Schema.GENERATED);
  }

  /** A database whose URL adds {@code urlSettings}, e.g. {@code ;TIME ZONE=Asia/Kolkata}. */
  H2Database(String urlSettings) {
    this(urlSettings, Schema.GENERATED);
  }

  /** A database whose tables {@code schema} says who creates, its sessions as above. */
  H2Database(Schema schema) {
    this(SessionTimeZone.h2UrlSettings(), schema);
  }

  private H2Database(String urlSettings, Schema schema) {
    this.urlSettings = urlSettings;
    this.schema = schema;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String url =
        "jdbc:h2:mem:cm-"
            + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000"
            + urlSettings;
    if (schema == Schema.JDBC_SCRIPT) {
      JdbcDataSource dataSource = new JdbcDataSource();
      dataSource.setURL(url);
      dataSource.setUser("sa");
      JdbcStore.builder(dataSource).createSchemaIfMissing(true).build();
    }
    Map<String, Object> settings = TestDatabase.settings(url, "sa", "", schema);
    factory = TestDatabase.open(settings);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    factory.close();
  }

  @Override
  public EntityManagerFactory factory() {
    return factory;
  }
}
