package io.channelmonitor.jpa.entity;

import io.channelmonitor.StoreException;
import io.channelmonitor.WireValue;

/**
 * Column sizes shared by the entities (the same as the shipped JDBC schema scripts) and the checks
 * that turn a row back into the library's values.
 */
final class Columns {
  static final int NAME = 100;
  static final int GROUP = 100;
  static final int PROVIDER = 40;
  static final int ENDPOINT = 500;
  static final int MODEL = 200;
  static final int API_MODE = 20;
  static final int BODY_MODE = 10;
  static final int STATUS = 20;
  static final int FAILURE_KIND = 30;
  static final int MESSAGE = 500;
  static final int LOCK_NAME = 100;
  static final int LOCK_OWNER = 200;

  /**
   * Unbounded text. Hibernate maps a length this large to the database's long text type ({@code
   * text} on PostgreSQL, {@code clob} on H2), as the JDBC schema scripts declare these columns.
   */
  static final int TEXT = Integer.MAX_VALUE;

  private Columns() {}

  /** {@code value}, which a valid row never holds as null. */
  static <T> T present(T value, String table, String column) {
    if (value == null) {
      throw corrupt(table, column);
    }
    return value;
  }

  /** The constant of {@code type} stored as {@code value}. */
  static <E extends Enum<E> & WireValue> E wire(
      Class<E> type, String value, String table, String column) {
    return WireValue.parse(type, value).orElseThrow(() -> corrupt(table, column));
  }

  /** A row holds what no valid write stores; the message names the column, never the value. */
  static StoreException corrupt(String table, String column) {
    return new StoreException(
        "channel-monitor JPA store: table " + table + " holds an unreadable " + column, null);
  }
}
