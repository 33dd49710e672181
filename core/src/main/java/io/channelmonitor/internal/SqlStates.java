package io.channelmonitor.internal;

import io.channelmonitor.StoreException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Which {@link StoreException.Kind} a database failure is, read from the SQL exceptions among its
 * causes; shared by the JDBC and JPA stores, so that both report the same failure alike. Not part
 * of the library's API.
 *
 * <table>
 *   <caption>From SQL exception to kind; the first row that matches decides</caption>
 *   <tr><th>SQLState class, or exception</th><th>Kind</th></tr>
 *   <tr><td>22 (data exception), 23 (integrity constraint violation)</td>
 *       <td>{@code REFUSED_VALUE}</td></tr>
 *   <tr><td>08 (connection), 40 (transaction rollback: deadlock, serialization), 53 (insufficient
 *       resources), 57 (operator intervention, cancelled statement)</td>
 *       <td>{@code UNAVAILABLE}</td></tr>
 *   <tr><td>a {@link SQLTransientException} or {@link SQLRecoverableException} (JDBC's "a retry
 *       may succeed": a pool's connection timeout, a lock timeout), or H2's lost server or closed
 *       database (90067, 90098, 90121, which H2 reports instead of class 08)</td>
 *       <td>{@code UNAVAILABLE}</td></tr>
 *   <tr><td>anything else, or no SQL exception</td><td>{@code OTHER}</td></tr>
 * </table>
 *
 * <p>The causes are walked through {@link Throwable#getCause()} and {@link
 * SQLException#getNextException()}, next exceptions first, each exception once and at most 32 of
 * them, so a cyclic chain ends.
 */
public final class SqlStates {
  /** SQLState of a unique or primary key violation. */
  public static final String UNIQUE_VIOLATION = "23505";

  /** How many exceptions of a chain are looked at. */
  private static final int MAX_CHAIN = 32;

  private static final Set<String> REFUSED_CLASSES = Set.of("22", "23");
  private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "40", "53", "57");

  /** H2's connection broken, database is closed and database called at shutdown. */
  private static final Set<String> H2_UNAVAILABLE = Set.of("90067", "90098", "90121");

  private SqlStates() {}

  /** The kind of failure {@code failure} reports (see the class comment). */
  public static StoreException.Kind kindOf(Throwable failure) {
    List<SQLException> chain = sqlExceptions(failure);
    if (refusesValue(chain)) {
      return StoreException.Kind.REFUSED_VALUE;
    }
    for (SQLException each : chain) {
      String state = each.getSQLState();
      boolean unavailable =
          each instanceof SQLTransientException
              || each instanceof SQLRecoverableException
              || (state != null
                  && (UNAVAILABLE_CLASSES.contains(stateClass(state))
                      || H2_UNAVAILABLE.contains(state)));
      if (unavailable) {
        return StoreException.Kind.UNAVAILABLE;
      }
    }
    return StoreException.Kind.OTHER;
  }

  /**
   * Whether the database refused a value (SQLState class 22 or 23): drivers quote the offending
   * value in the messages of such errors, so they must not reach a caller's log.
   */
  public static boolean refusesValue(Throwable failure) {
    return refusesValue(sqlExceptions(failure));
  }

  /** Whether {@code failure} was caused by a unique or primary key violation. */
  public static boolean isUniqueViolation(Throwable failure) {
    return sqlExceptions(failure).stream()
        .anyMatch(each -> UNIQUE_VIOLATION.equals(each.getSQLState()));
  }

  /** The first SQLState among the causes, or null when none has one. */
  public static String firstState(Throwable failure) {
    for (SQLException each : sqlExceptions(failure)) {
      if (each.getSQLState() != null) {
        return each.getSQLState();
      }
    }
    return null;
  }

  private static boolean refusesValue(List<SQLException> chain) {
    return chain.stream()
        .map(SQLException::getSQLState)
        .anyMatch(state -> state != null && REFUSED_CLASSES.contains(stateClass(state)));
  }

  private static String stateClass(String state) {
    return state.length() < 2 ? state : state.substring(0, 2);
  }

  /** The SQL exceptions of the chain, in order: an exception, its next exceptions, its cause. */
  private static List<SQLException> sqlExceptions(Throwable failure) {
    List<SQLException> found = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    if (failure != null) {
      pending.push(failure);
    }
    while (!pending.isEmpty() && seen.size() < MAX_CHAIN) {
      Throwable each = pending.pop();
      if (!seen.add(each)) {
        continue;
      }
      if (each.getCause() != null) {
        pending.push(each.getCause());
      }
      if (each instanceof SQLException sql) {
        found.add(sql);
        if (sql.getNextException() != null) {
          pending.push(sql.getNextException());
        }
      }
    }
    return found;
  }
}
