package io.channelmonitor.jdbc;

import static io.channelmonitor.testkit.store.StoreFixtures.monitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialectTest {
  @Test
  void productNamesMapToDialects() {
    assertThat(JdbcDialect.fromProductName("PostgreSQL")).isEqualTo(JdbcDialect.POSTGRESQL);
    assertThat(JdbcDialect.fromProductName("H2")).isEqualTo(JdbcDialect.H2);
    assertThat(JdbcDialect.POSTGRESQL.schemaResource())
        .isEqualTo("io/channelmonitor/jdbc/schema-postgresql.sql");
    assertThat(JdbcDialect.H2.schemaResource()).isEqualTo("io/channelmonitor/jdbc/schema-h2.sql");
  }

  @Test
  void anUnsupportedProductFailsTheBuildNamingTheProduct() {
    DataSource mysql = reportingProduct(H2Database.fresh(""), "MySQL");

    assertThatThrownBy(() -> JdbcStore.builder(mysql).createSchemaIfMissing(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'MySQL'")
        .hasMessageContaining("PostgreSQL, H2");
  }

  @Test
  void aDialectSetByHandSkipsTheDetection() {
    DataSource disguised = reportingProduct(H2Database.fresh(""), "MySQL");

    JdbcStore store =
        JdbcStore.builder(disguised).dialect(JdbcDialect.H2).createSchemaIfMissing(true).build();

    assertThat(store.dialect()).isEqualTo(JdbcDialect.H2);
    assertThat(store.insertMonitor(monitor().record()).id()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Channel_", "1abc", "cm-", "cm.", "cm; drop table x"})
  void aTablePrefixOutsideTheAllowedCharactersIsRefused(String prefix) {
    JdbcStore.Builder builder = JdbcStore.builder(H2Database.fresh(""));

    assertThatThrownBy(() -> builder.tablePrefix(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[a-z_][a-z0-9_]*");
  }

  @Test
  void theShippedScriptsUseTheDefaultPrefixAndOnlyIfNotExistsStatements() {
    for (JdbcDialect dialect : JdbcDialect.values()) {
      assertThat(SchemaScript.statements(dialect, new Tables(JdbcStore.DEFAULT_TABLE_PREFIX)))
          .hasSize(13)
          .allSatisfy(sql -> assertThat(sql).containsPattern("^CREATE (TABLE|INDEX) IF NOT EXISTS"))
          .allSatisfy(sql -> assertThat(sql).contains("channel_monitor_"));
    }
  }

  /** {@code target} whose metadata reports {@code productName}. */
  private static DataSource reportingProduct(DataSource target, String productName) {
    return proxy(
        DataSource.class,
        target,
        (name, result) ->
            name.equals("getConnection")
                ? proxy(
                    Connection.class,
                    result,
                    (inner, value) ->
                        inner.equals("getMetaData")
                            ? proxy(
                                DatabaseMetaData.class,
                                value,
                                (meta, answer) ->
                                    meta.equals("getDatabaseProductName") ? productName : answer)
                            : value)
                : result);
  }

  /** A proxy of {@code target} that passes each result through {@code change}. */
  private static <T> T proxy(Class<T> type, Object target, Change change) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              try {
                return change.apply(method.getName(), method.invoke(target, args));
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  @FunctionalInterface
  private interface Change {
    Object apply(String method, Object result);
  }
}
