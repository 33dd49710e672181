package io.channelmonitor.ssrf;

import io.channelmonitor.MonitorValidationException;
import io.channelmonitor.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The structural half of the save-time check (security.md 3.4 as adapted by DESIGN.md 3a): turns
 * raw input into a canonical {@link Endpoint} or refuses it with a reason code. Parses with {@link
 * URI} and then checks everything URI is lenient about. Messages are fixed texts.
 */
final class EndpointParser {
  private static final int MAX_PORT = 65535;

  /** The result: the endpoint and its parsed host. */
  record Parsed(Endpoint endpoint, ParsedHost host) {}

  private final boolean allowInsecureHttp;

  EndpointParser(boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
  }

  /**
   * @throws MonitorValidationException with an endpoint reason code when {@code raw} is refused
   */
  Parsed parse(String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      throw refuse(Reason.CHANNEL_MONITOR_INVALID_ENDPOINT, "endpoint is required");
    }
    requirePrintableAscii(text);
    URI uri = toUri(text);
    String scheme = scheme(uri);
    if (uri.isOpaque() || uri.getRawAuthority() == null || uri.getHost() == null) {
      throw invalid();
    }
    if (uri.getRawUserInfo() != null) {
      throw refuse(Reason.CHANNEL_MONITOR_INVALID_ENDPOINT, "endpoint must not contain userinfo");
    }
    int port = port(uri);
    ParsedHost host =
        ParsedHost.parse(uri.getHost())
            .orElseThrow(
                () ->
                    refuse(
                        Reason.CHANNEL_MONITOR_INVALID_ENDPOINT,
                        "endpoint host is not in canonical form"));
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw refuse(Reason.CHANNEL_MONITOR_ENDPOINT_PATH);
    }
    String basePath = PathRules.basePath(uri.getRawPath());
    return new Parsed(new Endpoint(scheme, host.canonical(), port, basePath), host);
  }

  private static void requirePrintableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x21 || c > 0x7e || c == '\\') {
        throw refuse(
            Reason.CHANNEL_MONITOR_INVALID_ENDPOINT,
            "endpoint must be printable ASCII without spaces or backslashes");
      }
    }
  }

  private static URI toUri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw invalid();
    }
  }

  private String scheme(URI uri) {
    if (uri.getScheme() == null) {
      throw invalid();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if ("https".equals(scheme) || ("http".equals(scheme) && allowInsecureHttp)) {
      return scheme;
    }
    throw refuse(Reason.CHANNEL_MONITOR_ENDPOINT_SCHEME);
  }

  /** The port, or -1; the raw authority must be exactly the host and an optional port. */
  private static int port(URI uri) {
    String authority = uri.getRawAuthority();
    String host = uri.getHost();
    if (authority.equals(host)) {
      return -1;
    }
    String digits = authority.startsWith(host + ":") ? authority.substring(host.length() + 1) : "";
    boolean canonical =
        !digits.isEmpty()
            && digits.length() <= 5
            && digits.charAt(0) != '0'
            && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!canonical || Integer.parseInt(digits) > MAX_PORT) {
      throw refuse(
          Reason.CHANNEL_MONITOR_INVALID_ENDPOINT,
          "endpoint port must be 1-65535 without leading zeros");
    }
    return Integer.parseInt(digits);
  }

  private static MonitorValidationException invalid() {
    return refuse(Reason.CHANNEL_MONITOR_INVALID_ENDPOINT);
  }

  static MonitorValidationException refuse(Reason reason) {
    return new MonitorValidationException(reason);
  }

  static MonitorValidationException refuse(Reason reason, String message) {
    return new MonitorValidationException(reason, message);
  }
}
