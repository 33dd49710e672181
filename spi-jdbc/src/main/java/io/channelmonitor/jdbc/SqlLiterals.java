package io.channelmonitor.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Values written into the SQL text of the window reads instead of bound as parameters, so that the
 * statement has nothing left for a generic plan to guess.
 *
 * <p>pgJDBC prepares a statement on the server from its fifth execution on a connection, and
 * PostgreSQL then weighs a generic plan, made without the parameter values, against the custom
 * ones. For a range of days or instants, and for a list of monitor ids, the generic plan expects a
 * handful of rows and picks index walks that are several times slower than the custom plan, and it
 * cannot hash the id list. With the values in the text a generic plan is the custom plan, whatever
 * the host's driver settings ({@code prepareThreshold}, {@code plan_cache_mode}).
 *
 * <p>Only values of the types below reach the text: days, instants and ids are formatted here,
 * deterministically and in UTC, into digits, dashes, colons, dots and a fixed offset. No string of
 * a caller (a model name, a message) is ever written into SQL; those stay bound parameters.
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

  /** A date literal, {@code DATE '2026-03-01'}, as PostgreSQL and H2 read it. */
  static String day(LocalDate day) {
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
  static String instant(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
      throw new IllegalArgumentException("must be in the years 1 to 9999: " + instant);
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
