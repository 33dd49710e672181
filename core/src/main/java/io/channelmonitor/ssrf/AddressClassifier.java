package io.channelmonitor.ssrf;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The address catalogue of security.md 3.2. Rows are checked in order, so a narrow row (a metadata
 * address) comes before the wide row that contains it (link-local). Stateless.
 */
final class AddressClassifier {
  private record Row(Cidr range, AddressClass type) {
    static Row of(String cidr, AddressClass type) {
      return new Row(Cidr.parse(cidr), type);
    }
  }

  private static final List<Row> IPV4 =
      List.of(
          Row.of("0.0.0.0/8", AddressClass.THIS_NETWORK),
          Row.of("10.0.0.0/8", AddressClass.PRIVATE),
          Row.of("172.16.0.0/12", AddressClass.PRIVATE),
          Row.of("192.168.0.0/16", AddressClass.PRIVATE),
          Row.of("100.100.100.200/32", AddressClass.METADATA),
          Row.of("100.64.0.0/10", AddressClass.CGNAT),
          Row.of("127.0.0.0/8", AddressClass.LOOPBACK),
          Row.of("169.254.169.254/32", AddressClass.METADATA),
          Row.of("169.254.170.2/32", AddressClass.METADATA),
          Row.of("169.254.170.23/32", AddressClass.METADATA),
          Row.of("169.254.0.0/16", AddressClass.LINK_LOCAL),
          Row.of("192.0.0.192/32", AddressClass.METADATA),
          Row.of("192.0.0.0/24", AddressClass.IETF_PROTOCOL),
          Row.of("192.0.2.0/24", AddressClass.DOCUMENTATION),
          Row.of("198.51.100.0/24", AddressClass.DOCUMENTATION),
          Row.of("203.0.113.0/24", AddressClass.DOCUMENTATION),
          Row.of("192.88.99.0/24", AddressClass.SIX_TO_FOUR_RELAY),
          Row.of("198.18.0.0/15", AddressClass.BENCHMARKING),
          Row.of("224.0.0.0/4", AddressClass.MULTICAST),
          Row.of("255.255.255.255/32", AddressClass.BROADCAST),
          Row.of("240.0.0.0/4", AddressClass.RESERVED),
          Row.of("168.63.129.16/32", AddressClass.METADATA));

  private static final List<Row> IPV6 =
      List.of(
          Row.of("::/128", AddressClass.UNSPECIFIED),
          Row.of("::1/128", AddressClass.LOOPBACK),
          Row.of("64:ff9b::/96", AddressClass.NAT64),
          Row.of("64:ff9b:1::/48", AddressClass.NAT64),
          Row.of("100::/64", AddressClass.DISCARD),
          Row.of("2001::/32", AddressClass.TEREDO),
          Row.of("2001:2::/48", AddressClass.BENCHMARKING),
          Row.of("2001:10::/28", AddressClass.ORCHID),
          Row.of("2001:20::/28", AddressClass.ORCHID),
          Row.of("2001::/23", AddressClass.IETF_SPECIAL),
          Row.of("2001:db8::/32", AddressClass.DOCUMENTATION),
          Row.of("3fff::/20", AddressClass.DOCUMENTATION),
          Row.of("2002::/16", AddressClass.SIX_TO_FOUR),
          Row.of("fd00:ec2::/32", AddressClass.METADATA),
          Row.of("fc00::/7", AddressClass.UNIQUE_LOCAL),
          Row.of("fe80::/10", AddressClass.LINK_LOCAL),
          Row.of("fec0::/10", AddressClass.SITE_LOCAL),
          Row.of("ff00::/8", AddressClass.MULTICAST));

  private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");

  private AddressClassifier() {}

  /**
   * The class of {@code address}. Mapped, translated and compatible IPv6 forms are classified as
   * the IPv4 address they spell. NAT64, 6to4 and Teredo get their prefix's class whatever IPv4
   * address they carry: a public one is no better, as the relay or gateway in between is not ours
   * to trust.
   */
  static AddressClass classify(InetAddress address) {
    byte[] bytes = EmbeddedIpv4.unalias(address).getAddress();
    if (bytes.length == 4) {
      return lookup(IPV4, bytes).orElse(AddressClass.PUBLIC);
    }
    return lookup(IPV6, bytes)
        .orElse(
            GLOBAL_UNICAST.contains(bytes) ? AddressClass.PUBLIC : AddressClass.NOT_GLOBAL_UNICAST);
  }

  private static Optional<AddressClass> lookup(List<Row> rows, byte[] bytes) {
    for (Row row : rows) {
      if (row.range().contains(bytes)) {
        return Optional.of(row.type());
      }
    }
    return Optional.empty();
  }
}
