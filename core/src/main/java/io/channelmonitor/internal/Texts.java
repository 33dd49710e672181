package io.channelmonitor.internal;

/** Text helpers shared by the library's packages. Not part of the public API. */
public final class Texts {
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private Texts() {}

  /**
   * Cuts {@code text} to at most {@code maxChars} UTF-16 units without splitting a surrogate pair,
   * appending {@code suffix} when something was cut (the result, suffix included, still fits). Lone
   * surrogates become U+FFFD, so the result is always valid UTF-16 that any database accepts.
   */
  public static String truncate(String text, int maxChars, String suffix) {
    if (text == null) {
      return "";
    }
    String clean = replaceLoneSurrogates(text);
    if (clean.length() <= maxChars) {
      return clean;
    }
    int end = Math.max(0, maxChars - suffix.length());
    if (end > 0 && Character.isHighSurrogate(clean.charAt(end - 1))) {
      end--;
    }
    return clean.substring(0, end) + suffix;
  }

  /** Replaces every unpaired surrogate by U+FFFD. */
  public static String replaceLoneSurrogates(String text) {
    StringBuilder out = null;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < length
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(length).append(text, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether {@code text} is null or holds only whitespace. */
  public static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /** Whether {@code text} is a non-empty RFC 9110 token, as a header name must be. */
  public static boolean isToken(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && TOKEN_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
