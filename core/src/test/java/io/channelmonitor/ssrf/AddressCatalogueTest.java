package io.channelmonitor.ssrf;

import static io.channelmonitor.ssrf.Net.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of security.md 3.2: addresses at both edges inside each range, and the public
 * neighbours just outside it.
 */
class AddressCatalogueTest {
  private final SsrfGuard strict = new SsrfGuard(SsrfPolicy.strict(), Net.unused());

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "0.0.0.0, THIS_NETWORK",
    "0.255.255.255, THIS_NETWORK",
    "1.0.0.0, PUBLIC",
    "9.255.255.255, PUBLIC",
    "10.0.0.0, PRIVATE",
    "10.255.255.255, PRIVATE",
    "11.0.0.0, PUBLIC",
    "172.15.255.255, PUBLIC",
    "172.16.0.0, PRIVATE",
    "172.31.255.255, PRIVATE",
    "172.32.0.0, PUBLIC",
    "192.167.255.255, PUBLIC",
    "192.168.0.0, PRIVATE",
    "192.168.255.255, PRIVATE",
    "192.169.0.0, PUBLIC",
    "100.63.255.255, PUBLIC",
    "100.64.0.0, CGNAT",
    "100.100.100.199, CGNAT",
    "100.100.100.200, METADATA",
    "100.100.100.201, CGNAT",
    "100.127.255.255, CGNAT",
    "100.128.0.0, PUBLIC",
    "126.255.255.255, PUBLIC",
    "127.0.0.0, LOOPBACK",
    "127.0.0.1, LOOPBACK",
    "127.255.255.255, LOOPBACK",
    "128.0.0.0, PUBLIC",
    "169.253.255.255, PUBLIC",
    "169.254.0.0, LINK_LOCAL",
    "169.254.169.253, LINK_LOCAL",
    "169.254.169.254, METADATA",
    "169.254.170.2, METADATA",
    "169.254.170.23, METADATA",
    "169.254.255.255, LINK_LOCAL",
    "169.255.0.0, PUBLIC",
    "191.255.255.255, PUBLIC",
    "192.0.0.0, IETF_PROTOCOL",
    "192.0.0.192, METADATA",
    "192.0.0.255, IETF_PROTOCOL",
    "192.0.1.0, PUBLIC",
    "192.0.1.255, PUBLIC",
    "192.0.2.0, DOCUMENTATION",
    "192.0.2.255, DOCUMENTATION",
    "192.0.3.0, PUBLIC",
    "198.51.99.255, PUBLIC",
    "198.51.100.0, DOCUMENTATION",
    "198.51.100.255, DOCUMENTATION",
    "198.51.101.0, PUBLIC",
    "203.0.112.255, PUBLIC",
    "203.0.113.0, DOCUMENTATION",
    "203.0.113.255, DOCUMENTATION",
    "203.0.114.0, PUBLIC",
    "192.88.98.255, PUBLIC",
    "192.88.99.0, SIX_TO_FOUR_RELAY",
    "192.88.99.255, SIX_TO_FOUR_RELAY",
    "192.88.100.0, PUBLIC",
    "198.17.255.255, PUBLIC",
    "198.18.0.0, BENCHMARKING",
    "198.19.255.255, BENCHMARKING",
    "198.20.0.0, PUBLIC",
    "223.255.255.255, PUBLIC",
    "224.0.0.0, MULTICAST",
    "239.255.255.255, MULTICAST",
    "240.0.0.0, RESERVED",
    "255.255.255.254, RESERVED",
    "255.255.255.255, BROADCAST",
    "168.63.129.15, PUBLIC",
    "168.63.129.16, METADATA",
    "168.63.129.17, PUBLIC",
    "8.8.8.8, PUBLIC",
    "1.1.1.1, PUBLIC"
  })
  void ipv4Rows(String literal, AddressClass expected) {
    assertClass(ip(literal), expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "::, UNSPECIFIED",
    "::1, LOOPBACK",
    "64:ff9b::808:808, NAT64",
    "64:ff9b::ffff:ffff, NAT64",
    "64:ff9b:1::, NAT64",
    "64:ff9b:1:ffff:ffff:ffff:ffff:ffff, NAT64",
    "100::, DISCARD",
    "100::ffff:ffff:ffff:ffff, DISCARD",
    "100:0:0:1::, NOT_GLOBAL_UNICAST",
    "1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, NOT_GLOBAL_UNICAST",
    "2000::, PUBLIC",
    "2001::, TEREDO",
    "2001:0:ffff:ffff:ffff:ffff:ffff:ffff, TEREDO",
    "2001:1::1, IETF_SPECIAL",
    "2001:2::, BENCHMARKING",
    "2001:2:0:ffff:ffff:ffff:ffff:ffff, BENCHMARKING",
    "2001:2:1::, IETF_SPECIAL",
    "2001:10::, ORCHID",
    "2001:1f:ffff:ffff:ffff:ffff:ffff:ffff, ORCHID",
    "2001:20::, ORCHID",
    "2001:2f:ffff:ffff:ffff:ffff:ffff:ffff, ORCHID",
    "2001:30::, IETF_SPECIAL",
    "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff, IETF_SPECIAL",
    "2001:200::, PUBLIC",
    "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC",
    "2001:db8::, DOCUMENTATION",
    "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, DOCUMENTATION",
    "2001:db9::, PUBLIC",
    "3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC",
    "3fff::, DOCUMENTATION",
    "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff, DOCUMENTATION",
    "3fff:1000::, PUBLIC",
    "2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC",
    "2002::, SIX_TO_FOUR",
    "2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff, SIX_TO_FOUR",
    "2003::, PUBLIC",
    "3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC",
    "4000::, NOT_GLOBAL_UNICAST",
    "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, NOT_GLOBAL_UNICAST",
    "fc00::, UNIQUE_LOCAL",
    "fd00:ec1:ffff:ffff:ffff:ffff:ffff:ffff, UNIQUE_LOCAL",
    "fd00:ec2::, METADATA",
    "fd00:ec2::23, METADATA",
    "fd00:ec2::254, METADATA",
    "fd00:ec2:ffff:ffff:ffff:ffff:ffff:ffff, METADATA",
    "fd00:ec3::, UNIQUE_LOCAL",
    "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, UNIQUE_LOCAL",
    "fe00::, NOT_GLOBAL_UNICAST",
    "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff, NOT_GLOBAL_UNICAST",
    "fe80::, LINK_LOCAL",
    "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff, LINK_LOCAL",
    "fec0::, SITE_LOCAL",
    "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, SITE_LOCAL",
    "ff00::, MULTICAST",
    "ff02::2, MULTICAST",
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, MULTICAST",
    "2001:4860:4860::8888, PUBLIC",
    "2606:4700:4700::1111, PUBLIC"
  })
  void ipv6Rows(String literal, AddressClass expected) {
    assertClass(ip(literal), expected);
  }

  private void assertClass(InetAddress address, AddressClass expected) {
    assertThat(AddressClassifier.classify(address)).isEqualTo(expected);
    assertThat(strict.isBlocked(address, null)).isEqualTo(expected != AddressClass.PUBLIC);
    assertThat(strict.isBlocked(address, "api.example.com"))
        .isEqualTo(expected != AddressClass.PUBLIC);
  }
}
