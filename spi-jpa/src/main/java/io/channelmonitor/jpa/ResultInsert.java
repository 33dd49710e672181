package io.channelmonitor.jpa;

import io.channelmonitor.CheckResult;
import io.channelmonitor.jpa.entity.ResultEntity;
import io.channelmonitor.store.ResultRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/**
 * Results written with multi-row native {@code INSERT}s, {@value #ROWS_PER_STATEMENT} rows per
 * statement: the table's ids are identity columns, which keep a provider from batching {@code
 * persist} calls, so persisting would take one statement and one round trip per row. Rows go in
 * list order, so their ids follow the list. Text columns are bound; the two nullable latencies are
 * written as numeric literals (the library's own {@code long}s, never input), because an untyped
 * {@code null} parameter is bound as text by some drivers and then refused for a {@code BIGINT}.
 */
final class ResultInsert {
  static final int ROWS_PER_STATEMENT = 100;

  private static final String COLUMNS =
      " (monitor_id, model, status, failure_kind, latency_ms, first_token_latency_ms,"
          + " ping_latency_ms, message, checked_at) VALUES ";
  private static final int BOUND_PER_ROW = 7;

  private ResultInsert() {}

  /** Inserts {@code rows} in the manager's transaction; returns the rows written. */
  static int insert(EntityManager manager, List<ResultRecord> rows) {
    int written = 0;
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<ResultRecord> chunk =
          rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      written += statement(manager, chunk).executeUpdate();
    }
    return written;
  }

  private static Query statement(EntityManager manager, List<ResultRecord> chunk) {
    StringBuilder sql =
        new StringBuilder("INSERT INTO ").append(ResultEntity.TABLE).append(COLUMNS);
    for (int row = 0; row < chunk.size(); row++) {
      int p = row * BOUND_PER_ROW;
      CheckResult result = chunk.get(row).result();
      sql.append(row == 0 ? "(" : ", (")
          .append(params(p + 1, p + 5))
          .append(", ")
          .append(literal(result.firstTokenLatencyMs()))
          .append(", ")
          .append(literal(result.pingLatencyMs()))
          .append(", ")
          .append(params(p + 6, p + 7))
          .append(')');
    }
    Query query = manager.createNativeQuery(sql.toString());
    for (int row = 0; row < chunk.size(); row++) {
      bind(query, row * BOUND_PER_ROW, chunk.get(row));
    }
    return query;
  }

  private static void bind(Query query, int offset, ResultRecord row) {
    CheckResult result = row.result();
    query
        .setParameter(offset + 1, row.monitorId())
        .setParameter(offset + 2, result.model())
        .setParameter(offset + 3, result.status().wire())
        .setParameter(offset + 4, result.failureKind().wire())
        .setParameter(offset + 5, result.latencyMs())
        .setParameter(offset + 6, result.message())
        .setParameter(offset + 7, result.checkedAt());
  }

  /** {@code ?first, ..., ?last}. */
  private static String params(int first, int last) {
    StringBuilder out = new StringBuilder();
    for (int i = first; i <= last; i++) {
      out.append(i == first ? "?" : ", ?").append(i);
    }
    return out.toString();
  }

  private static String literal(Long value) {
    return value == null ? "NULL" : Long.toString(value);
  }
}
