package io.channelmonitor.jpa;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Days written into native SQL as date literals instead of bound as parameters. Hibernate binds a
 * {@link LocalDate} as a {@code java.sql.Date} at the JVM's local midnight and, when {@code
 * hibernate.jdbc.time_zone} is set, through a calendar in that zone: on H2 with the JVM east of
 * that zone the database receives the day before. JPQL's date literal ({@code {d '...'}}) is a
 * {@code java.sql.Date} too and fares no better. An SQL literal is read by the database itself, so
 * a day means the same date whatever the JVM's, the session's and the provider's time zones. The
 * text is the library's own formatting of a {@code LocalDate}, never input.
 */
final class DayLiterals {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

  private DayLiterals() {}

  /** An SQL date literal, as PostgreSQL and H2 read it. */
  static String sql(LocalDate day) {
    return "DATE '" + iso(day) + "'";
  }

  private static String iso(LocalDate day) {
    if (day.getYear() < 1 || day.getYear() > 9999) {
      throw new IllegalArgumentException("day must be in the years 1 to 9999: " + day);
    }
    return ISO.format(day);
  }
}
