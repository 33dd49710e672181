package io.channelmonitor.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that counts the statements prepared or created on its connections, and the reads of
 * their isolation level, so that a test can check how many round trips an operation sends.
 */
final class StatementCountingDataSource {
  private final DataSource delegate;
  private final AtomicInteger statements = new AtomicInteger();
  private final AtomicInteger isolationReads = new AtomicInteger();

  StatementCountingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** The counting data source. */
  DataSource dataSource() {
    return proxy(DataSource.class, delegate, this::countingConnection);
  }

  /** The statements since the last call, then starts counting again from zero. */
  int takeCount() {
    return statements.getAndSet(0);
  }

  private Object countingConnection(String method, Object value) {
    if (method.equals("getConnection")) {
      return proxy(Connection.class, value, this::counted);
    }
    return value;
  }

  /** How often the driver was asked for a connection's isolation level. */
  int isolationReads() {
    return isolationReads.get();
  }

  private Object counted(String method, Object value) {
    if (method.equals("prepareStatement") || method.equals("createStatement")) {
      statements.incrementAndGet();
    }
    if (method.equals("getTransactionIsolation")) {
      isolationReads.incrementAndGet();
    }
    return value;
  }

  /** What a proxy does with the value its delegate returned for a method. */
  @FunctionalInterface
  private interface AfterCall {
    Object apply(String method, Object value);
  }

  private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
    InvocationHandler handler =
        (self, method, args) -> {
          try {
            return after.apply(method.getName(), method.invoke(target, args));
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(
        Proxy.newProxyInstance(
            StatementCountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
