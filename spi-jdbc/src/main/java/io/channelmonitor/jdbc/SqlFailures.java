package io.channelmonitor.jdbc;

import io.channelmonitor.StoreException;
import io.channelmonitor.internal.SqlStates;
import java.sql.SQLException;

/**
 * Turns driver exceptions into {@link StoreException}s whose messages name the operation and the
 * SQLState, never a value. The kind comes from the SQLStates, as in the JPA store ({@link
 * SqlStates}: classes 22 and 23 are refused values; 08, 40, 53 and 57 mean unavailable). Drivers
 * quote offending values in data and constraint errors, and a monitor's columns may hold
 * credentials in header values, so such a cause keeps its class, state, vendor code and stack trace
 * but not its message.
 */
final class SqlFailures {
  private SqlFailures() {}

  static StoreException toStoreException(String operation, SQLException e) {
    String state = state(e);
    StoreException.Kind kind = SqlStates.kindOf(e);
    boolean refusedValue = kind == StoreException.Kind.REFUSED_VALUE;
    String message =
        "channel-monitor JDBC store: "
            + operation
            + " failed (SQLState "
            + state
            + ")"
            + (refusedValue
                ? ": the database refused a value (too long or violating a constraint);"
                    + " the operation's changes were rolled back"
                : "");
    return new StoreException(kind, message, refusedValue ? withoutMessage(e) : e);
  }

  /** Whether {@code e} (or one chained to it) reports that a unique key already exists. */
  static boolean isUniqueViolation(SQLException e) {
    return SqlStates.isUniqueViolation(e);
  }

  private static String state(SQLException e) {
    String state = SqlStates.firstState(e);
    return state == null ? "unknown" : state;
  }

  private static SQLException withoutMessage(SQLException e) {
    SQLException clean =
        new SQLException(
            e.getClass().getName() + " (message withheld: it may quote stored values)",
            state(e),
            e.getErrorCode());
    clean.setStackTrace(e.getStackTrace());
    return clean;
  }
}
