package io.channelmonitor.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * A host in canonical form: a lower-case DNS name, a canonical dotted quad, or an RFC 5952 IPv6
 * literal in brackets. IP literals carry their address, so they are never sent to a resolver.
 *
 * @param canonical the host as it goes into a canonical URL
 * @param literal the address of an IP literal, {@code null} for a name
 */
record ParsedHost(String canonical, InetAddress literal) {
  /**
   * Parses a host as {@link java.net.URI#getHost()} or a transport hands it over. Refuses percent
   * signs (encoding, zone ids), trailing dots, ambiguous numeric forms, invalid names, and IPv6
   * literals that embed an IPv4 address. A bare IPv6 literal (no brackets) is accepted for
   * transports that strip them.
   *
   * @return empty when the host is not canonical
   */
  static Optional<ParsedHost> parse(String raw) {
    if (raw == null || raw.isEmpty() || raw.indexOf('%') >= 0) {
      return Optional.empty();
    }
    String host = raw.toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      return host.endsWith("]") ? ipv6(host.substring(1, host.length() - 1)) : Optional.empty();
    }
    if (host.indexOf(':') >= 0) {
      return ipv6(host);
    }
    if (host.endsWith(".")) {
      return Optional.empty();
    }
    if (HostnameRules.endsInNumber(host)) {
      byte[] v4 = Ipv4Literal.parse(host);
      return v4 == null ? Optional.empty() : Optional.of(new ParsedHost(host, address(host, v4)));
    }
    return HostnameRules.isValidName(host)
        ? Optional.of(new ParsedHost(host, null))
        : Optional.empty();
  }

  /** Whether the host is an IP literal. */
  boolean isLiteral() {
    return literal != null;
  }

  private static Optional<ParsedHost> ipv6(String text) {
    byte[] v6 = Ipv6Literal.parse(text);
    if (v6 == null || EmbeddedIpv4.form(v6) != EmbeddedIpv4.Form.NONE) {
      return Optional.empty();
    }
    String canonical = Ipv6Literal.format(v6);
    return Optional.of(new ParsedHost("[" + canonical + "]", address(canonical, v6)));
  }

  /**
   * The literal's own text is stored as the address's host name, so nothing ever performs a reverse
   * lookup on it and a PTR record cannot make it look like an allowlisted name.
   */
  private static InetAddress address(String text, byte[] bytes) {
    try {
      return InetAddress.getByAddress(text, bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes are always an address", e);
    }
  }
}
