package io.channelmonitor.jpa;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Values the store computed itself, written into native SQL as literals instead of bound as
 * parameters. Only days, instants and ids are written, formatted here deterministically and in UTC;
 * no string of a caller ever is.
 *
 * <p>Days: Hibernate binds a {@link LocalDate} as a {@code java.sql.Date} at the JVM's local
 * midnight and, when {@code hibernate.jdbc.time_zone} is set, through a calendar in that zone: on
 * H2 with the JVM east of that zone the database receives the day before. JPQL's date literal
 * ({@code {d '...'}}) is a {@code java.sql.Date} too and fares no better. An SQL literal is read by
 * the database itself, so a day means the same date whatever the JVM's, the session's and the
 * provider's time zones.
 *
 * <p>Window reads: PostgreSQL may plan a statement that pgJDBC prepared on the server (from its
 * fifth execution on a connection) once, generically, without the parameter values, and that plan
 * is several times slower for a range of days or instants over many monitors. A statement whose
 * values are all literals has nothing left for a generic plan to guess.
 */
final class SqlLiterals {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

  private SqlLiterals() {}

  /** An SQL date literal, {@code DATE '2026-03-01'}, as PostgreSQL and H2 read it. */
  static String day(LocalDate day) {
    int year = Objects.requireNonNull(day, "day").getYear();
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("day must be in the years 1 to 9999: " + day);
    }
    return "DATE '" + DAY.format(day) + "'";
  }

  /**
   * A UTC timestamp literal with nanoseconds and an explicit offset, {@code TIMESTAMP WITH TIME
   * ZONE '2026-03-01 00:00:00.000000000+00:00'}: the session's time zone plays no part, and each
   * database reads the nine fraction digits at its own precision (PostgreSQL: microseconds).
   */
  static String instant(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
      throw new IllegalArgumentException("instant must be in the years 1 to 9999: " + instant);
    }
    return "TIMESTAMP WITH TIME ZONE '" + INSTANT.format(instant) + "+00:00'";
  }

  /** The ids as a comma-separated list of integer literals, for {@code IN (...)}. */
  static String ids(List<Long> ids) {
    StringBuilder list = new StringBuilder(ids.size() * 8);
    for (Long id : ids) {
      list.append(list.length() == 0 ? "" : ", ")
          .append(Long.toString(Objects.requireNonNull(id, "monitor id")));
    }
    return list.toString();
  }
}
