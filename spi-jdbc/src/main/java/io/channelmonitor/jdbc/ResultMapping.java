package io.channelmonitor.jdbc;

import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.WireValue;
import io.channelmonitor.store.ResultPoint;
import io.channelmonitor.store.ResultRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps check results to and from rows of the results table; enums are stored by wire name. */
final class ResultMapping {
  /** The columns {@link #bind} binds, in its order. */
  static final String INSERT_COLUMNS =
      "monitor_id, model, status, failure_kind, latency_ms, first_token_latency_ms,"
          + " ping_latency_ms, message, checked_at";

  /** Every column, in the order of a SELECT. */
  static final String ALL_COLUMNS = "id, " + INSERT_COLUMNS;

  /** The statuses and failure kinds by their wire names: rows store exactly those. */
  private static final Map<String, CheckStatus> STATUSES = byWire(CheckStatus.class);

  private static final Map<String, FailureKind> FAILURE_KINDS = byWire(FailureKind.class);

  private final String table;

  ResultMapping(String table) {
    this.table = table;
  }

  /** The columns {@link #readPoint} reads, in its order. */
  static final String POINT_COLUMNS =
      "id, monitor_id, status, latency_ms, ping_latency_ms, checked_at";

  /** {@code columns}, a comma-separated list, each qualified with {@code alias}. */
  static String qualified(String columns, String alias) {
    return alias + "." + columns.replace(", ", ", " + alias + ".");
  }

  /**
   * Inserts {@code rows} into {@code table} as one JDBC batch on the caller's connection and
   * transaction, in order, so ids follow the list. Nothing is sent for no rows.
   */
  void insert(Connection connection, String table, List<ResultRecord> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String sql =
        "INSERT INTO " + table + " (" + INSERT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (ResultRecord row : rows) {
        bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  void bind(PreparedStatement statement, ResultRecord row) throws SQLException {
    CheckResult result = row.result();
    statement.setLong(1, row.monitorId());
    statement.setString(2, result.model());
    statement.setString(3, result.status().wire());
    statement.setString(4, result.failureKind().wire());
    statement.setLong(5, result.latencyMs());
    setNullableLong(statement, 6, result.firstTokenLatencyMs());
    setNullableLong(statement, 7, result.pingLatencyMs());
    statement.setString(8, result.message());
    Jdbc.setInstant(statement, 9, result.checkedAt());
  }

  private static void setNullableLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  /**
   * Every row of the executed query, a SELECT of {@link #ALL_COLUMNS} in that order, each read with
   * {@link #read}.
   */
  List<ResultRecord> readAll(PreparedStatement statement) throws SQLException {
    List<ResultRecord> rows = new ArrayList<>();
    try (ResultSet resultSet = statement.executeQuery()) {
      while (resultSet.next()) {
        rows.add(read(resultSet));
      }
    }
    return rows;
  }

  /**
   * The result in the current row of a SELECT of {@link #ALL_COLUMNS}, read by position: reads of
   * many rows (60,000 for the timelines of 1,000 monitors) spend noticeably less time than with a
   * lookup by name per column and row.
   */
  ResultRecord read(ResultSet rows) throws SQLException {
    CheckResult result =
        new CheckResult(
            rows.getString(3),
            parse(STATUSES, CheckStatus.class, rows.getString(4))
                .orElseThrow(() -> Jdbc.corruptRow(table, "status")),
            parse(FAILURE_KINDS, FailureKind.class, rows.getString(5))
                .orElseThrow(() -> Jdbc.corruptRow(table, "failure_kind")),
            rows.getLong(6),
            Jdbc.getNullableLong(rows, 7),
            Jdbc.getNullableLong(rows, 8),
            rows.getString(9),
            Jdbc.getInstant(rows, 10));
    return new ResultRecord(rows.getLong(1), rows.getLong(2), result);
  }

  /** The point in the current row of a SELECT of {@link #POINT_COLUMNS}, read by position. */
  ResultPoint readPoint(ResultSet rows) throws SQLException {
    return new ResultPoint(
        rows.getLong(1),
        rows.getLong(2),
        parse(STATUSES, CheckStatus.class, rows.getString(3))
            .orElseThrow(() -> Jdbc.corruptRow(table, "status")),
        rows.getLong(4),
        Jdbc.getNullableLong(rows, 5),
        Jdbc.getInstant(rows, 6));
  }

  private static <E extends Enum<E> & WireValue> Map<String, E> byWire(Class<E> type) {
    Map<String, E> byWire = new HashMap<>();
    for (E constant : type.getEnumConstants()) {
      byWire.put(constant.wire(), constant);
    }
    return Map.copyOf(byWire);
  }

  /**
   * The constant stored as {@code value}: a map lookup for the exact wire name the store writes
   * (computing every constant's wire name per row was a fifth of the time of a large read), then
   * the lenient {@link WireValue#parse} for anything else.
   */
  private static <E extends Enum<E> & WireValue> Optional<E> parse(
      Map<String, E> byWire, Class<E> type, String value) {
    E exact = value == null ? null : byWire.get(value);
    return exact != null ? Optional.of(exact) : WireValue.parse(type, value);
  }
}
