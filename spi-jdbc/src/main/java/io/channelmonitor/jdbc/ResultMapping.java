package io.channelmonitor.jdbc;

import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.WireValue;
import io.channelmonitor.store.ResultRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Maps check results to and from rows of the results table; enums are stored by wire name. */
final class ResultMapping {
  /** The columns {@link #bind} binds, in its order. */
  static final String INSERT_COLUMNS =
      "monitor_id, model, status, failure_kind, latency_ms, first_token_latency_ms,"
          + " ping_latency_ms, message, checked_at";

  /** Every column, in the order of a SELECT. */
  static final String ALL_COLUMNS = "id, " + INSERT_COLUMNS;

  private final String table;

  ResultMapping(String table) {
    this.table = table;
  }

  /** Every column, each qualified with {@code alias}. */
  static String allColumns(String alias) {
    return alias + "." + ALL_COLUMNS.replace(", ", ", " + alias + ".");
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

  /** Every row of the executed query, each read with {@link #read}. */
  List<ResultRecord> readAll(PreparedStatement statement) throws SQLException {
    List<ResultRecord> rows = new ArrayList<>();
    try (ResultSet resultSet = statement.executeQuery()) {
      while (resultSet.next()) {
        rows.add(read(resultSet));
      }
    }
    return rows;
  }

  ResultRecord read(ResultSet rows) throws SQLException {
    CheckResult result =
        new CheckResult(
            rows.getString("model"),
            WireValue.parse(CheckStatus.class, rows.getString("status"))
                .orElseThrow(() -> Jdbc.corruptRow(table, "status")),
            WireValue.parse(FailureKind.class, rows.getString("failure_kind"))
                .orElseThrow(() -> Jdbc.corruptRow(table, "failure_kind")),
            rows.getLong("latency_ms"),
            Jdbc.getNullableLong(rows, "first_token_latency_ms"),
            Jdbc.getNullableLong(rows, "ping_latency_ms"),
            rows.getString("message"),
            Jdbc.getInstant(rows, "checked_at"));
    return new ResultRecord(rows.getLong("id"), rows.getLong("monitor_id"), result);
  }
}
