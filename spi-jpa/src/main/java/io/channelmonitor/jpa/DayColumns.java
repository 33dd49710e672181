package io.channelmonitor.jpa;

import java.time.LocalDate;

/**
 * Reads {@code DATE} columns as text the database formats itself, never as a {@code java.sql.Date}.
 *
 * <p>Hibernate reads a {@link LocalDate} attribute with {@code ResultSet.getDate} and turns the
 * {@code java.sql.Date} into a day in the JVM's default zone. H2 makes that {@code java.sql.Date}
 * midnight in the session's time zone: with the session east of the JVM (the JVM in Los Angeles,
 * the session in Kolkata), every day read comes back as the day before. The text {@code
 * 'YYYY-MM-DD'} depends on no zone of the JVM, the session or the provider; writes already use date
 * literals (see {@link io.channelmonitor.internal.SqlLiterals}).
 */
final class DayColumns {
  private DayColumns() {}

  /** The SQL that reads {@code column} as {@code 'YYYY-MM-DD'} on PostgreSQL and H2. */
  static String text(String column) {
    return "TO_CHAR(" + column + ", 'YYYY-MM-DD')";
  }

  /** The day of a value read with {@link #text}, or {@code null} for SQL {@code NULL}. */
  static LocalDate parse(Object text) {
    return text == null ? null : LocalDate.parse(text.toString().strip());
  }
}
