package io.channelmonitor.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a dialect's shipped schema script with the table prefix applied. The scripts only use {@code
 * CREATE ... IF NOT EXISTS}, so running one on an existing schema changes nothing.
 */
final class SchemaScript {
  private static final Logger log = LoggerFactory.getLogger(SchemaScript.class);

  private SchemaScript() {}

  /** The statements of {@code dialect}'s script, for the tables of {@code tables}. */
  static List<String> statements(JdbcDialect dialect, Tables tables) {
    String script = load(dialect.schemaResource());
    StringBuilder code = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (!line.strip().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    String withPrefix = code.toString().replace(Tables.DEFAULT_PREFIX, tables.prefix());
    List<String> statements = new ArrayList<>();
    for (String statement : withPrefix.split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }

  /** Creates whatever tables and indexes are missing. */
  static void run(Jdbc jdbc, JdbcDialect dialect, Tables tables) {
    List<String> statements = statements(dialect, tables);
    jdbc.call(
        "create schema",
        connection -> {
          try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
              statement.execute(sql);
            }
          }
          return null;
        });
    log.info(
        "channel-monitor tables with prefix '{}' are in place ({} script)",
        tables.prefix(),
        dialect);
  }

  private static String load(String resource) {
    ClassLoader loader = SchemaScript.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema script not on the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema script " + resource, e);
    }
  }
}
