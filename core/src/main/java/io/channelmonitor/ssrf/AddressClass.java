package io.channelmonitor.ssrf;

/**
 * What an address is, as far as the SSRF guard cares. Only the relaxable classes can be opened by
 * an operator's allowlist; everything else that is not {@link #PUBLIC} stays blocked whatever the
 * policy says.
 */
enum AddressClass {
  PUBLIC(false),
  /** RFC 1918: 10/8, 172.16/12, 192.168/16. */
  PRIVATE(true),
  /** RFC 6598 shared address space 100.64/10. */
  CGNAT(true),
  /** 127/8 and ::1. */
  LOOPBACK(true),
  /** fc00::/7. */
  UNIQUE_LOCAL(true),
  /** fec0::/10, deprecated. */
  SITE_LOCAL(true),
  /** 0/8 ("this network"). */
  THIS_NETWORK(false),
  /** ::. */
  UNSPECIFIED(false),
  /** 169.254/16 and fe80::/10. */
  LINK_LOCAL(false),
  /** Cloud instance metadata and platform endpoints. */
  METADATA(false),
  /** 192.0.0/24. */
  IETF_PROTOCOL(false),
  /** 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20. */
  DOCUMENTATION(false),
  /** 198.18/15 and 2001:2::/48. */
  BENCHMARKING(false),
  /** 192.88.99/24. */
  SIX_TO_FOUR_RELAY(false),
  /** 224/4 and ff00::/8. */
  MULTICAST(false),
  /** 240/4. */
  RESERVED(false),
  /** 255.255.255.255. */
  BROADCAST(false),
  /** 64:ff9b::/96 and 64:ff9b:1::/48. */
  NAT64(false),
  /** 2002::/16. */
  SIX_TO_FOUR(false),
  /** 2001::/32. */
  TEREDO(false),
  /** 2001:10::/28 and 2001:20::/28. */
  ORCHID(false),
  /** 100::/64. */
  DISCARD(false),
  /** The rest of 2001::/23. */
  IETF_SPECIAL(false),
  /** IPv6 outside 2000::/3 that no other row names. */
  NOT_GLOBAL_UNICAST(false);

  private final boolean relaxable;

  AddressClass(boolean relaxable) {
    this.relaxable = relaxable;
  }

  /** Whether an explicit allowlist entry may open addresses of this class. */
  boolean relaxable() {
    return relaxable;
  }
}
