package io.channelmonitor.ssrf;

import java.util.Set;

/**
 * Rules on host names: syntax, the WHATWG "ends in a number" test, and the deny-set of names that
 * only make sense inside a private network (security.md 3.3). Names are defence in depth; the
 * address check decides. All methods expect a lower-case name without brackets.
 */
final class HostnameRules {
  private static final int MAX_NAME = 253;
  private static final int MAX_LABEL = 63;

  /** Instance metadata names: refused whatever the allowlist says. */
  private static final Set<String> METADATA =
      Set.of(
          "metadata",
          "metadata.google.internal",
          "metadata.goog",
          "instance-data",
          "instance-data.ec2.internal",
          "metadata.tencentyun.com");

  private static final Set<String> EXACT =
      Set.of(
          "localhost.localdomain",
          "host.docker.internal",
          "gateway.docker.internal",
          "kubernetes",
          "kubernetes.default");

  /** Refused as a name and as any name below it. */
  private static final Set<String> SUFFIXES =
      Set.of(
          "localhost",
          "svc",
          "svc.cluster.local",
          "cluster.local",
          "local",
          "internal",
          "home.arpa",
          "localdomain");

  private HostnameRules() {}

  /** Whether {@code host} names an instance metadata service. */
  static boolean isMetadataName(String host) {
    return METADATA.contains(host);
  }

  /** Whether {@code host} is on the deny-set, metadata names included. */
  static boolean isDenied(String host) {
    if (METADATA.contains(host) || EXACT.contains(host)) {
      return true;
    }
    String name = host;
    while (!SUFFIXES.contains(name)) {
      int dot = name.indexOf('.');
      if (dot < 0) {
        return false;
      }
      name = name.substring(dot + 1);
    }
    return true;
  }

  /**
   * The WHATWG URL "ends in a number" test: the last label is all digits, or {@code 0x} followed by
   * hex digits. Such a host must then be a canonical dotted quad, as anything else is read
   * differently by different parsers ({@code 127.1}, {@code 0x7f.1}, {@code 2130706433}).
   */
  static boolean endsInNumber(String host) {
    String last = host.substring(host.lastIndexOf('.') + 1);
    if (last.isEmpty()) {
      return false;
    }
    if (last.startsWith("0x") || last.startsWith("0X")) {
      return last.chars().skip(2).allMatch(c -> Ipv6Literal.hexDigit((char) c) >= 0);
    }
    return last.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /**
   * Whether {@code host} is a syntactically valid DNS name: labels of 1-63 letters, digits and
   * hyphens, not starting or ending with a hyphen, 253 characters at most, no trailing dot.
   */
  static boolean isValidName(String host) {
    if (host.isEmpty() || host.length() > MAX_NAME) {
      return false;
    }
    for (String label : host.split("\\.", -1)) {
      if (!isValidLabel(label)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isValidLabel(String label) {
    int length = label.length();
    if (length == 0 || length > MAX_LABEL) {
      return false;
    }
    if (label.charAt(0) == '-' || label.charAt(length - 1) == '-') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = label.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
