package io.channelmonitor.probe;

import io.channelmonitor.internal.Texts;

/** Syntax checks for request headers, so that no header can smuggle a line break onto the wire. */
final class HttpClientHeaders {
  private HttpClientHeaders() {}

  /** Whether {@code name} is a non-empty RFC 9110 token. */
  static boolean validName(String name) {
    return Texts.isToken(name);
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
