package io.channelmonitor;

import io.channelmonitor.internal.Texts;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rules for a monitor's extra request headers. */
final class HeaderRules {
  static final int MAX_HEADERS = 50;
  static final int MAX_VALUE = 8192;

  /** Names the transport owns; a monitor may not set them. */
  static final Set<String> FORBIDDEN =
      Set.of("host", "content-length", "content-encoding", "transfer-encoding", "connection");

  /**
   * Headers that carry credentials. Their value must use {@link MonitorConfig#API_KEY_PLACEHOLDER}
   * (for example {@code api-key: {api_key}} for Azure OpenAI): a literal key here would be stored
   * in clear text, outside the encrypted key.
   */
  static final Set<String> CREDENTIAL =
      Set.of(
          "authorization",
          "proxy-authorization",
          "x-api-key",
          "api-key",
          "x-goog-api-key",
          "cookie");

  private HeaderRules() {}

  /** Returns the headers in input order, names trimmed, or refuses the whole map. */
  static Map<String, String> validate(Map<String, String> raw) {
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    if (raw.size() > MAX_HEADERS) {
      throw new MonitorValidationException(
          Reason.VALIDATION_ERROR, "at most " + MAX_HEADERS + " extra headers are allowed");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    raw.forEach(
        (rawName, rawValue) -> {
          String name = name(rawName);
          if (!seen.add(name.toLowerCase(Locale.ROOT))) {
            throw new MonitorValidationException(
                Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_NAME,
                "extra header names must be unique (ignoring case)");
          }
          headers.put(name, credentialSafe(name, value(rawValue)));
        });
    return headers;
  }

  private static String name(String raw) {
    String name = raw == null ? "" : raw.trim();
    if (!Texts.isToken(name)) {
      throw new MonitorValidationException(Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_NAME);
    }
    if (FORBIDDEN.contains(name.toLowerCase(Locale.ROOT))) {
      throw new MonitorValidationException(
          Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_FORBIDDEN,
          "extra header " + name.toLowerCase(Locale.ROOT) + " is not allowed");
    }
    return name;
  }

  private static String value(String raw) {
    String value = raw == null ? "" : raw;
    if (value.length() > MAX_VALUE) {
      throw new MonitorValidationException(
          Reason.VALIDATION_ERROR, "extra header values must be at most " + MAX_VALUE + " chars");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((Character.isISOControl(c) && c != '\t') || c > 0xFF) {
        throw new MonitorValidationException(Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_VALUE);
      }
    }
    return value;
  }

  private static String credentialSafe(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (CREDENTIAL.contains(lower) && !value.contains(MonitorConfig.API_KEY_PLACEHOLDER)) {
      throw new MonitorValidationException(
          Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_FORBIDDEN,
          "extra header "
              + lower
              + " must carry the monitor's key as "
              + MonitorConfig.API_KEY_PLACEHOLDER
              + ", not a literal value");
    }
    return value;
  }
}
