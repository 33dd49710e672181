package io.channelmonitor.jdbc;

import io.channelmonitor.StoreException;
import java.sql.SQLException;

/**
 * Turns driver exceptions into {@link StoreException}s whose messages name the operation and the
 * SQLState, never a value. Drivers quote offending values in data and constraint errors (SQLState
 * classes 22 and 23), and a monitor's columns may hold credentials in header values, so such a
 * cause keeps its class, state, vendor code and stack trace but not its message.
 */
final class SqlFailures {
  /** SQLState of a unique or primary key violation. */
  static final String UNIQUE_VIOLATION = "23505";

  /** How far down a chain of causes and next exceptions the SQLStates are looked for. */
  private static final int MAX_CHAIN = 32;

  private SqlFailures() {}

  static StoreException toStoreException(String operation, SQLException e) {
    String state = state(e);
    boolean refusedValue = refusesValue(e);
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
    return new StoreException(
        kindOf(state, refusedValue), message, refusedValue ? withoutMessage(e) : e);
  }

  /**
   * Connection problems (08), transaction rollbacks such as deadlocks and serialization failures
   * (40), insufficient resources (53) and operator intervention (57) may pass on a retry.
   */
  private static StoreException.Kind kindOf(String state, boolean refusedValue) {
    if (refusedValue) {
      return StoreException.Kind.REFUSED_VALUE;
    }
    boolean transientState =
        state.startsWith("08")
            || state.startsWith("40")
            || state.startsWith("53")
            || state.startsWith("57");
    return transientState ? StoreException.Kind.UNAVAILABLE : StoreException.Kind.OTHER;
  }

  /** Whether {@code e} (or one chained to it) reports that a unique key already exists. */
  static boolean isUniqueViolation(SQLException e) {
    for (SQLException each = e; each != null; each = each.getNextException()) {
      if (UNIQUE_VIOLATION.equals(each.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static String state(SQLException e) {
    for (SQLException each = e; each != null; each = each.getNextException()) {
      if (each.getSQLState() != null) {
        return each.getSQLState();
      }
    }
    return "unknown";
  }

  private static boolean refusesValue(SQLException e) {
    int depth = 0;
    for (Throwable each = e; each != null && depth < MAX_CHAIN; each = next(each), depth++) {
      if (each instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("22") || state.startsWith("23")) {
          return true;
        }
      }
    }
    return false;
  }

  private static Throwable next(Throwable each) {
    if (each instanceof SQLException sql && sql.getNextException() != null) {
      return sql.getNextException();
    }
    return each.getCause() == each ? null : each.getCause();
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
