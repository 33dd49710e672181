package io.channelmonitor.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One instance's way to the database, which a test can freeze (every new connection waits, as for
 * an instance in a long pause) or sever (every new connection fails at once, as for an instance cut
 * off or killed). Connections already handed out keep working.
 */
final class GatedDataSource implements DataSource {
  private enum Gate {
    OPEN,
    FROZEN,
    SEVERED
  }

  private final DataSource delegate;
  private final Object lock = new Object();
  private Gate gate = Gate.OPEN;

  GatedDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  void freeze() {
    set(Gate.FROZEN);
  }

  void thaw() {
    set(Gate.OPEN);
  }

  void sever() {
    set(Gate.SEVERED);
  }

  private void set(Gate value) {
    synchronized (lock) {
      gate = value;
      lock.notifyAll();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    synchronized (lock) {
      while (gate == Gate.FROZEN) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLTransientConnectionException("interrupted while frozen", "08001", e);
        }
      }
      if (gate == Gate.SEVERED) {
        throw new SQLTransientConnectionException("the instance is cut off", "08001");
      }
    }
    return delegate.getConnection();
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
