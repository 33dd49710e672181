package io.channelmonitor.jpa;

import io.channelmonitor.StoreException;
import io.channelmonitor.internal.SqlStates;
import jakarta.persistence.PersistenceException;

/**
 * Turns provider exceptions into {@link StoreException}s whose messages name the operation and the
 * SQLState, never a value. The kind comes from the SQL exception the provider wraps (Hibernate
 * chains the driver's exception as a cause), decided as in the JDBC store ({@link SqlStates}:
 * classes 22 and 23 are refused values; 08, 40, 53 and 57 mean unavailable). Drivers quote
 * offending values in data and constraint errors, and a monitor's columns may hold credentials in
 * header values, so such a failure keeps its exception class, SQLState and stack trace but not its
 * message or causes.
 */
final class StoreFailures {
  private StoreFailures() {}

  static StoreException toStoreException(String operation, PersistenceException e) {
    String state = SqlStates.firstState(e);
    StoreException.Kind kind = SqlStates.kindOf(e);
    boolean refusedValue = kind == StoreException.Kind.REFUSED_VALUE;
    String message =
        "channel-monitor JPA store: "
            + operation
            + " failed"
            + (state == null ? "" : " (SQLState " + state + ")")
            + (refusedValue
                ? ": the database refused a value (too long or violating a constraint);"
                    + " the operation's changes were rolled back"
                : "");
    return new StoreException(kind, message, refusedValue ? withoutMessage(e, state) : e);
  }

  /** Whether {@code e} was caused by a unique or primary key violation. */
  static boolean isUniqueViolation(PersistenceException e) {
    return SqlStates.isUniqueViolation(e);
  }

  private static PersistenceException withoutMessage(PersistenceException e, String state) {
    PersistenceException clean =
        new PersistenceException(
            e.getClass().getName()
                + " (SQLState "
                + state
                + "; message withheld: it may quote stored values)");
    clean.setStackTrace(e.getStackTrace());
    return clean;
  }
}
