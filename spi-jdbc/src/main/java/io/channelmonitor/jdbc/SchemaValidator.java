package io.channelmonitor.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks at start that every table and column the store uses exists, and the unique keys its
 * upserts rely on ({@code ON CONFLICT} / {@code MERGE ... KEY}), so a missing or outdated schema
 * fails the build of the store with a message naming what is missing instead of failing later, one
 * operation at a time. Names are compared ignoring case.
 */
final class SchemaValidator {
  private static final List<String> MONITOR_COLUMNS =
      List.of(
          "id",
          "version",
          "name",
          "provider",
          "endpoint",
          "api_key_ciphertext",
          "primary_model",
          "extra_models",
          "group_name",
          "enabled",
          "interval_seconds",
          "jitter_seconds",
          "api_mode",
          "extra_headers",
          "body_override_mode",
          "body_override",
          "stream",
          "created_at",
          "updated_at",
          "last_checked_at");
  private static final List<String> RESULT_COLUMNS =
      List.of(
          "id",
          "monitor_id",
          "model",
          "status",
          "failure_kind",
          "latency_ms",
          "first_token_latency_ms",
          "ping_latency_ms",
          "message",
          "checked_at");
  private static final List<String> ROLLUP_COLUMNS =
      List.of(
          "id",
          "monitor_id",
          "model",
          "bucket_date",
          "operational_count",
          "degraded_count",
          "failed_count",
          "error_count",
          "latency_sum_ms",
          "latency_count",
          "computed_at");

  private static final List<String> SCHEDULE_COLUMNS =
      List.of("monitor_id", "next_due_at", "owner", "lease_until", "claim_token");
  private static final List<String> INSTANCE_COLUMNS =
      List.of("instance_id", "started_at", "heartbeat_at");

  private SchemaValidator() {}

  /**
   * Checks the store's tables.
   *
   * @throws IllegalStateException naming every missing table and column
   */
  static void validate(Jdbc jdbc, JdbcDialect dialect, Tables tables) {
    check(jdbc, dialect, tables, tables.all(), "JdbcStore");
  }

  /**
   * Checks the tables cluster mode reads and writes.
   *
   * @throws IllegalStateException naming every missing table and column
   */
  static void validateCluster(Jdbc jdbc, JdbcDialect dialect, Tables tables) {
    check(jdbc, dialect, tables, tables.cluster(), "JdbcClusterCoordinator");
  }

  private static void check(
      Jdbc jdbc, JdbcDialect dialect, Tables tables, List<String> wanted, String builder) {
    List<String> missing =
        jdbc.call(
            "validate schema",
            connection -> {
              List<String> found = new ArrayList<>();
              for (String table : wanted) {
                found.addAll(missingFrom(connection, tables, table));
              }
              return found;
            });
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "channel-monitor tables are missing or incomplete: "
              + String.join(", ", missing)
              + ". Create them with the script "
              + dialect.schemaResource()
              + " from channel-monitor-jdbc (with the table prefix '"
              + tables.prefix()
              + "'), or build the "
              + builder
              + " with createSchemaIfMissing(true)");
    }
  }

  /** What {@code table} lacks: the table, columns, a unique key or the cascade from monitors. */
  private static List<String> missingFrom(Connection connection, Tables tables, String table)
      throws SQLException {
    List<String> missing = missingIn(connection, table, expected(tables).get(table));
    if (!missing.isEmpty()) {
      return missing;
    }
    List<String> key = uniqueKeys(tables).get(table);
    if (key != null && !hasUniqueKey(connection, table, key)) {
      missing.add("unique key " + table + " (" + String.join(", ", key) + ")");
    }
    boolean child = Set.of(tables.results(), tables.rollups(), tables.schedule()).contains(table);
    if (child && !cascadesFrom(connection, table, tables.monitors())) {
      missing.add(
          "foreign key "
              + table
              + ".monitor_id REFERENCES "
              + tables.monitors()
              + " ON DELETE CASCADE");
    }
    return missing;
  }

  private static Map<String, List<String>> expected(Tables tables) {
    return Map.of(
        tables.monitors(), MONITOR_COLUMNS,
        tables.results(), RESULT_COLUMNS,
        tables.rollups(), ROLLUP_COLUMNS,
        tables.maintenance(), List.of("id", "rollup_watermark"),
        tables.locks(), List.of("name", "owner", "locked_until"),
        tables.schedule(), SCHEDULE_COLUMNS,
        tables.instances(), INSTANCE_COLUMNS);
  }

  /** The unique keys the store's upserts and duplicate checks rely on, by table. */
  private static Map<String, List<String>> uniqueKeys(Tables tables) {
    return Map.of(
        tables.rollups(), List.of("monitor_id", "model", "bucket_date"),
        tables.maintenance(), List.of("id"),
        tables.locks(), List.of("name"),
        tables.schedule(), List.of("monitor_id"),
        tables.instances(), List.of("instance_id"));
  }

  /** Whether a unique index (a primary key's included) of {@code table} has exactly {@code key}. */
  private static boolean hasUniqueKey(Connection connection, String table, List<String> key)
      throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    Set<String> wanted = new HashSet<>(key);
    for (String candidate : spellings(metaData, table)) {
      Map<String, Set<String>> columnsByIndex = new HashMap<>();
      try (ResultSet rows =
          metaData.getIndexInfo(
              connection.getCatalog(), connection.getSchema(), candidate, true, false)) {
        while (rows.next()) {
          String index = rows.getString("INDEX_NAME");
          String column = rows.getString("COLUMN_NAME");
          if (index != null && column != null) {
            columnsByIndex
                .computeIfAbsent(index, name -> new HashSet<>())
                .add(column.toLowerCase(Locale.ROOT));
          }
        }
      }
      if (!columnsByIndex.isEmpty()) {
        return columnsByIndex.containsValue(wanted);
      }
    }
    return false;
  }

  /**
   * Whether {@code table}'s {@code monitor_id} references {@code monitors} with {@code ON DELETE
   * CASCADE}: deleting a monitor relies on it to delete its rows.
   */
  private static boolean cascadesFrom(Connection connection, String table, String monitors)
      throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    for (String candidate : spellings(metaData, table)) {
      try (ResultSet rows =
          metaData.getImportedKeys(connection.getCatalog(), connection.getSchema(), candidate)) {
        while (rows.next()) {
          if (rows.getString("PKTABLE_NAME").equalsIgnoreCase(monitors)
              && rows.getString("FKCOLUMN_NAME").equalsIgnoreCase("monitor_id")
              && rows.getShort("DELETE_RULE") == DatabaseMetaData.importedKeyCascade) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<String> missingIn(Connection connection, String table, List<String> wanted)
      throws SQLException {
    Set<String> present = columns(connection, table);
    if (present.isEmpty()) {
      return List.of("table " + table);
    }
    List<String> missing = new ArrayList<>();
    for (String column : wanted) {
      if (!present.contains(column)) {
        missing.add("column " + table + "." + column);
      }
    }
    return missing;
  }

  /** The lower-cased column names of {@code table} in the connection's current schema. */
  private static Set<String> columns(Connection connection, String table) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String escape = metaData.getSearchStringEscape();
    String schema = connection.getSchema();
    String schemaPattern = schema == null ? null : escape(schema, escape);
    Set<String> names = new LinkedHashSet<>();
    for (String candidate : spellings(metaData, table)) {
      try (ResultSet rows =
          metaData.getColumns(
              connection.getCatalog(), schemaPattern, escape(candidate, escape), "%")) {
        while (rows.next()) {
          if (rows.getString("TABLE_NAME").equalsIgnoreCase(table)) {
            names.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
      }
      if (!names.isEmpty()) {
        break;
      }
    }
    return names;
  }

  /** The ways the database may have stored an unquoted name, its own way first. */
  private static Set<String> spellings(DatabaseMetaData metaData, String table)
      throws SQLException {
    Set<String> spellings = new LinkedHashSet<>();
    if (metaData.storesUpperCaseIdentifiers()) {
      spellings.add(table.toUpperCase(Locale.ROOT));
    }
    spellings.add(table.toLowerCase(Locale.ROOT));
    spellings.add(table.toUpperCase(Locale.ROOT));
    return spellings;
  }

  private static String escape(String name, String escape) {
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }
}
