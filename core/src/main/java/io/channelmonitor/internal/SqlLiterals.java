package io.channelmonitor.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Values a store computed itself, written into the text of native SQL as literals instead of bound
 * as parameters; shared by the JDBC and JPA stores. Not part of the library's API.
 *
 * <p>Window reads: pgJDBC prepares a statement on the server from its fifth execution on a
 * connection, and PostgreSQL then weighs a generic plan, made without the parameter values, against
 * the custom ones. For a range of days or instants, and for a list of monitor ids, the generic plan
 * expects a handful of rows and picks index walks several times slower than the custom plan. With
 * the values in the text a generic plan is the custom plan, whatever the host's driver settings.
 *
 * <p>Days in JPA: Hibernate binds a {@link LocalDate} as a {@code java.sql.Date} at the JVM's local
 * midnight and, with {@code hibernate.jdbc.time_zone} set, through a calendar in that zone: on H2
 * with the JVM east of that zone the database receives the day before. A literal is read by the
 * database itself, whatever the JVM's, the session's and the provider's time zones.
 *
 * <p>Only days, instants and ids reach the text, formatted here deterministically and in UTC into
 * digits, dashes, colons, dots and a fixed offset. No string of a caller (a model name, a message)
 * is ever written into SQL; those stay bound parameters.
 */
public final class SqlLiterals {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

  private SqlLiterals() {}

  /** A date literal, {@code DATE '2026-03-01'}, as PostgreSQL and H2 read it. */
  public static String day(LocalDate day) {
    int year = Objects.requireNonNull(day, "day").getYear();
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("must be in the years 1 to 9999: " + day);
    }
    return "DATE '" + DAY.format(day) + "'";
  }

  /**
   * A UTC timestamp literal with nanoseconds and an explicit offset, {@code TIMESTAMP WITH TIME
   * ZONE '2026-03-01 00:00:00.000000000+00:00'}: the session's time zone plays no part, and each
   * database reads the nine fraction digits at its own precision (PostgreSQL: microseconds).
   */
  public static String instant(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
      throw new IllegalArgumentException("must be in the years 1 to 9999: " + instant);
    }
    return "TIMESTAMP WITH TIME ZONE '" + INSTANT.format(instant) + "+00:00'";
  }

  /** The ids as a comma-separated list of integer literals, for {@code IN (...)}. */
  public static String ids(List<Long> ids) {
    StringBuilder list = new StringBuilder(ids.size() * 8);
    for (Long id : ids) {
      list.append(list.length() == 0 ? "" : ", ")
          .append(Long.toString(Objects.requireNonNull(id, "monitor id")));
    }
    return list.toString();
  }
}
