package io.channelmonitor.ssrf;

import io.channelmonitor.Reason;
import java.util.Locale;

/**
 * The base-path rules: trailing slashes are dropped; empty segments, dot-segments (raw or
 * percent-encoded), encoded slashes and backslashes, and encoded control characters are refused,
 * because servers and proxies normalise them differently and they can walk out of the base path.
 */
final class PathRules {
  private static final String MESSAGE =
      "endpoint path must not contain dot-segments, empty segments or encoded slashes";

  private PathRules() {}

  /**
   * The canonical base path: {@code ""} or {@code /a/b} without a trailing slash.
   *
   * @throws io.channelmonitor.MonitorValidationException with {@link
   *     Reason#CHANNEL_MONITOR_ENDPOINT_PATH} when the path is refused
   */
  static String basePath(String rawPath) {
    String path = rawPath == null ? "" : rawPath;
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    path = path.substring(0, end);
    if (path.isEmpty()) {
      return "";
    }
    if (path.charAt(0) != '/' || path.contains("//")) {
      throw EndpointParser.refuse(Reason.CHANNEL_MONITOR_ENDPOINT_PATH, MESSAGE);
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (!isAllowedSegment(segment)) {
        throw EndpointParser.refuse(Reason.CHANNEL_MONITOR_ENDPOINT_PATH, MESSAGE);
      }
    }
    return path;
  }

  private static boolean isAllowedSegment(String segment) {
    String lower = segment.toLowerCase(Locale.ROOT);
    String dots = lower.replace("%2e", ".");
    if (dots.equals(".") || dots.equals("..")) {
      return false;
    }
    int percent = lower.indexOf('%');
    while (percent >= 0) {
      if (isForbiddenEscape(lower, percent)) {
        return false;
      }
      percent = lower.indexOf('%', percent + 1);
    }
    return true;
  }

  /** Encoded {@code /}, {@code \}, control characters and DEL. */
  private static boolean isForbiddenEscape(String lower, int percent) {
    if (percent + 2 >= lower.length()) {
      return true;
    }
    String hex = lower.substring(percent + 1, percent + 3);
    return hex.equals("2f") || hex.equals("5c") || hex.equals("7f") || hex.charAt(0) < '2';
  }
}
