package io.channelmonitor.jdbc;

import io.channelmonitor.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;

/**
 * Borrows a connection per operation and gives it back as it came.
 *
 * <p>{@link #call} runs work that is one statement or only reads: on a connection in auto-commit
 * mode each statement commits by itself; on one that arrives with auto-commit off, the work is
 * committed (or rolled back) before the connection is returned, so a pool never gets it back in an
 * open transaction. {@link #transaction} runs several statements as one unit in read-committed
 * isolation, switching auto-commit off for the duration when needed. Auto-commit and isolation are
 * restored before the connection is closed. Instants are bound and read as UTC.
 */
final class Jdbc {
  private static final ZoneOffset UTC = ZoneOffset.UTC;

  private final DataSource dataSource;

  /**
   * The physical connections last seen in read committed, the isolation the store's transactions
   * use. Asking a driver for the isolation level can be a round trip (pgJDBC sends {@code SHOW
   * TRANSACTION ISOLATION LEVEL}); a pooled connection is asked once. Only read committed is
   * remembered: a connection remembered wrongly (changed later by its owner, not reset by its pool)
   * has its transaction run at the owner's level and its state left as it was, never changed.
   */
  private final Map<Connection, Boolean> readCommitted =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Data sources that hand out the caller's transactional connection: the store would commit the
   * caller's work with its own. Matched by class name, so this module needs no Spring.
   */
  private static final Set<String> TRANSACTION_JOINING =
      Set.of("org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy");

  Jdbc(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    for (Class<?> type = dataSource.getClass(); type != null; type = type.getSuperclass()) {
      if (TRANSACTION_JOINING.contains(type.getName())) {
        throw new IllegalArgumentException(
            "channel-monitor JDBC store: "
                + type.getSimpleName()
                + " hands out the caller's transactional connection, which the store would"
                + " commit; pass the pool behind it (getTargetDataSource()) instead");
      }
    }
  }

  /** Work on a borrowed connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Reads one row of a result set. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /** Runs single-statement or read-only work; {@code operation} names it in errors. */
  <T> T call(String operation, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      if (connection.getAutoCommit()) {
        return work.run(connection);
      }
      return commitOrRollBack(connection, work);
    } catch (SQLException e) {
      throw SqlFailures.toStoreException(operation, e);
    }
  }

  /** Runs {@code work} in a transaction of its own, in read-committed isolation. */
  <T> T transaction(String operation, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return inTransaction(connection, work);
    } catch (SQLException e) {
      throw SqlFailures.toStoreException(operation, e);
    }
  }

  private <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    int isolation = isolationOf(connection);
    boolean changeIsolation = isolation != Connection.TRANSACTION_READ_COMMITTED;
    if (changeIsolation) {
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    Throwable failure = null;
    try {
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      return commitOrRollBack(connection, work);
    } catch (SQLException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      restore(connection, autoCommit, changeIsolation ? isolation : -1, failure);
    }
  }

  private int isolationOf(Connection connection) throws SQLException {
    Connection physical = physical(connection);
    if (physical != null && readCommitted.containsKey(physical)) {
      return Connection.TRANSACTION_READ_COMMITTED;
    }
    int isolation = connection.getTransactionIsolation();
    if (physical != null && isolation == Connection.TRANSACTION_READ_COMMITTED) {
      readCommitted.put(physical, Boolean.TRUE);
    }
    return isolation;
  }

  /** The driver's connection behind a pool's proxy, or null when the proxy does not say. */
  private static Connection physical(Connection connection) {
    try {
      return connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : null;
    } catch (SQLException e) {
      return null;
    }
  }

  private static void restore(
      Connection connection, boolean autoCommit, int isolation, Throwable failure)
      throws SQLException {
    try {
      if (autoCommit) {
        connection.setAutoCommit(true);
      }
      if (isolation >= 0) {
        connection.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  private static <T> T commitOrRollBack(Connection connection, Work<T> work) throws SQLException {
    T value;
    try {
      value = work.run(connection);
      connection.commit();
    } catch (SQLException | RuntimeException | Error e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    }
    return value;
  }

  /** Binds {@code instant} (or SQL NULL) as a UTC timestamp with time zone. */
  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, UTC));
  }

  /** Reads a timestamp with time zone as an instant, or null. */
  static Instant getInstant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Reads a timestamp with time zone, by position, as an instant, or null. */
  static Instant getInstant(ResultSet rows, int column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Reads a nullable BIGINT by position. */
  static Long getNullableLong(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  /** Thrown as a {@link StoreException} when a row holds what no valid write stores. */
  static StoreException corruptRow(String table, String column) {
    return new StoreException(
        "channel-monitor JDBC store: table " + table + " holds an unreadable " + column, null);
  }
}
