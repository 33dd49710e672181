package io.channelmonitor.probe;

/** Syntax checks for request headers, so that no header can smuggle a line break onto the wire. */
final class HttpClientHeaders {
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HttpClientHeaders() {}

  /** Whether {@code name} is a non-empty RFC 9110 token. */
  static boolean validName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && TOKEN_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value} is present and free of CR, LF, NUL and other control characters. */
  static boolean validValue(String value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
