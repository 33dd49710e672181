package io.channelmonitor.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool for tests: closing a handed-out connection returns its physical
 * connection to the pool as it is, without resetting anything, so a test sees exactly the state the
 * store left behind. Physical connections are opened on demand and closed with the pool.
 */
final class TestPool implements DataSource, AutoCloseable {
  private final DataSource physical;
  private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
  private final BlockingDeque<Connection> all = new LinkedBlockingDeque<>();

  TestPool(DataSource physical) {
    this.physical = physical;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = idle.pollFirst();
    if (connection == null) {
      connection = physical.getConnection();
      all.add(connection);
    }
    return handOut(connection);
  }

  private Connection handOut(Connection connection) {
    boolean[] closed = {false};
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close":
                  if (!closed[0]) {
                    closed[0] = true;
                    idle.addFirst(connection);
                  }
                  return null;
                case "isClosed":
                  return closed[0] || connection.isClosed();
                default:
                  if (closed[0]) {
                    throw new SQLException("connection handed back to the pool");
                  }
                  try {
                    return method.invoke(connection, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
              }
            });
  }

  /** How many physical connections the pool has opened. */
  int opened() {
    return all.size();
  }

  @Override
  public void close() throws SQLException {
    for (Connection connection : all) {
      connection.close();
    }
    all.clear();
    idle.clear();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
