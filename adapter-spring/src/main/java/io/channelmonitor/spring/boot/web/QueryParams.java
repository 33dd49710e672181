package io.channelmonitor.spring.boot.web;

import io.channelmonitor.Reason;
import java.util.Locale;

/** Lenient parsing of query parameters, as the seed does it, and strict parsing of ids. */
final class QueryParams {
  private QueryParams() {}

  /** {@code value} as an int, or {@code fallback} when absent or not a number. */
  static int intOr(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** {@code true/1/yes} or {@code false/0/no} (any case); anything else means no filter. */
  static Boolean flag(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> Boolean.TRUE;
      case "false", "0", "no" -> Boolean.FALSE;
      default -> null;
    };
  }

  /**
   * A monitor id from the path.
   *
   * @throws BadRequestException with {@code INVALID_MONITOR_ID} when it is not a positive integer
   */
  static long monitorId(String value) {
    try {
      long id = Long.parseLong(value.trim());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new BadRequestException(Reason.INVALID_MONITOR_ID);
  }
}
