package io.channelmonitor.jpa;

import io.channelmonitor.StoreException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * Turns provider exceptions into {@link StoreException}s whose messages name the operation and the
 * SQLState, never a value. Drivers quote offending values in data and constraint errors (SQLState
 * classes 22 and 23), and a monitor's columns may hold credentials in header values, so such a
 * failure keeps its exception class, SQLState and stack trace but not its message or causes.
 */
final class StoreFailures {
  /** SQLState of a unique or primary key violation. */
  static final String UNIQUE_VIOLATION = "23505";

  /** How far down a chain of causes the SQLState is looked for; a chain may be cyclic. */
  private static final int MAX_CHAIN = 32;

  private StoreFailures() {}

  static StoreException toStoreException(String operation, PersistenceException e) {
    String state = sqlState(e);
    boolean refusedValue = state != null && (state.startsWith("22") || state.startsWith("23"));
    String message =
        "channel-monitor JPA store: "
            + operation
            + " failed"
            + (state == null ? "" : " (SQLState " + state + ")")
            + (refusedValue
                ? ": the database refused a value (too long or violating a constraint);"
                    + " the operation's changes were rolled back"
                : "");
    return new StoreException(message, refusedValue ? withoutMessage(e, state) : e);
  }

  /** Whether {@code e} was caused by a unique or primary key violation. */
  static boolean isUniqueViolation(PersistenceException e) {
    return UNIQUE_VIOLATION.equals(sqlState(e));
  }

  /** The SQLState of the first SQL exception among the causes, or null. */
  static String sqlState(Throwable e) {
    Throwable each = e;
    for (int depth = 0; each != null && depth < MAX_CHAIN; depth++) {
      if (each instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
      each = each.getCause() == each ? null : each.getCause();
    }
    return null;
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
