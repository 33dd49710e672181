package io.channelmonitor.jpa;

import io.channelmonitor.CheckStatus;
import io.channelmonitor.StoreException;
import io.channelmonitor.WireValue;
import io.channelmonitor.jpa.entity.ResultEntity;
import io.channelmonitor.store.ResultPoint;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Timeline points read by a native query as plain values ({@code Object[]} rows), so that tens of
 * thousands of rows build no entity and fill no persistence context.
 */
final class ResultPoints {
  /** The columns a query must return, in this order. */
  static final String COLUMNS = "id, monitor_id, status, latency_ms, ping_latency_ms, checked_at";

  /** The statuses by the wire names rows store: a map lookup per row, not a scan. */
  private static final Map<String, CheckStatus> STATUSES = statuses();

  private ResultPoints() {}

  /** The points of the executed query, a SELECT of {@link #COLUMNS}. */
  static List<ResultPoint> read(Query query) {
    List<?> rows = query.getResultList();
    List<ResultPoint> points = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] values = (Object[]) row;
      points.add(
          new ResultPoint(
              ((Number) values[0]).longValue(),
              ((Number) values[1]).longValue(),
              status(values[2]),
              ((Number) values[3]).longValue(),
              values[4] == null ? null : ((Number) values[4]).longValue(),
              instant(values[5])));
    }
    return points;
  }

  private static CheckStatus status(Object value) {
    CheckStatus exact = value == null ? null : STATUSES.get(value.toString());
    if (exact != null) {
      return exact;
    }
    return WireValue.parse(CheckStatus.class, value == null ? null : value.toString())
        .orElseThrow(() -> corrupt("status"));
  }

  /**
   * A {@code TIMESTAMP WITH TIME ZONE} as the provider returns it from a native query: Hibernate 7
   * gives an {@link OffsetDateTime} or an {@link Instant}; other providers may give a {@link
   * ZonedDateTime} or a {@link Timestamp}, an instant too.
   */
  static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw corrupt("checked_at");
  }

  private static StoreException corrupt(String column) {
    return new StoreException(
        "channel-monitor JPA store: table " + ResultEntity.TABLE + " holds an unreadable " + column,
        null);
  }

  private static Map<String, CheckStatus> statuses() {
    Map<String, CheckStatus> byWire = new HashMap<>();
    for (CheckStatus status : CheckStatus.values()) {
      byWire.put(status.wire(), status);
    }
    return Map.copyOf(byWire);
  }
}
