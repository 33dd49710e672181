package io.channelmonitor.ssrf;

import java.util.Locale;

/**
 * An allowlisted host: an exact name, or {@code *.suffix} matching any name below the suffix on a
 * label boundary (but not the suffix itself).
 */
record HostPattern(String name, boolean wildcard) {
  /**
   * Parses an exact host or {@code *.suffix}, case-insensitively.
   *
   * @throws IllegalArgumentException naming {@code text} when it is not such a pattern
   */
  static HostPattern parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("host pattern must not be null");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    boolean wildcard = lower.startsWith("*.");
    String name = wildcard ? lower.substring(2) : lower;
    if (!HostnameRules.isValidName(name)) {
      throw new IllegalArgumentException("not a host name or *.suffix pattern: " + text);
    }
    if (HostnameRules.endsInNumber(name)) {
      throw new IllegalArgumentException(
          "host pattern looks like an address, use allowCidr instead: " + text);
    }
    return new HostPattern(name, wildcard);
  }

  /** Whether a lower-case host name matches. */
  boolean matches(String host) {
    if (!wildcard) {
      return host.equals(name);
    }
    return host.length() > name.length() + 1
        && host.endsWith(name)
        && host.charAt(host.length() - name.length() - 1) == '.';
  }

  @Override
  public String toString() {
    return wildcard ? "*." + name : name;
  }
}
