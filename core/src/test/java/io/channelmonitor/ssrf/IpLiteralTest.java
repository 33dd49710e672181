package io.channelmonitor.ssrf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict literal parsers and the RFC 5952 formatter. */
class IpLiteralTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "::, ::",
    "::1, ::1",
    "1::, 1::",
    "0:0:0:0:0:0:0:0, ::",
    "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "2001:DB8::ABCD, 2001:db8::abcd",
    "0:0:1:0:0:0:1:0, 0:0:1::1:0",
    "1:0:0:1:0:0:1:1, 1::1:0:0:1:1",
    "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6::, 1:2:3:4:5:6::",
    "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
    "::ffff:127.0.0.1, ::ffff:7f00:1",
    "1::2:3:4:5:6:7, 1:0:2:3:4:5:6:7"
  })
  void parsesAndFormatsIpv6(String text, String canonical) {
    byte[] bytes = Ipv6Literal.parse(text);
    assertThat(bytes).hasSize(16);
    assertThat(Ipv6Literal.format(bytes)).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        ":",
        ":::",
        "1::2::3",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7",
        ":1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8:",
        "12345::",
        "g::",
        "::1.2.3",
        "::1.2.3.04",
        "::1.2.3.4:5",
        "1.2.3.4::",
        "::+1",
        "::\uff11",
        "fe80::1%eth0",
        "[::1]"
      })
  void refusesBadIpv6(String text) {
    assertThat(Ipv6Literal.parse(text)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.0.0.0", "8.8.8.8", "255.255.255.255", "10.0.0.1", "192.168.100.200"})
  void parsesCanonicalIpv4(String text) {
    assertThat(Ipv4Literal.format(Ipv4Literal.parse(text))).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "1",
        "127.1",
        "1.2.3",
        "1.2.3.4.5",
        "01.2.3.4",
        "1.2.3.00",
        "0x7f.0.0.1",
        "256.0.0.1",
        "1.2.3.-4",
        "1.2.3.+4",
        "1..3.4",
        "1.2.3.4.",
        " 1.2.3.4",
        "1.2.3.\u0664",
        "1000.0.0.1"
      })
  void refusesNonCanonicalIpv4(String text) {
    assertThat(Ipv4Literal.parse(text)).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "10.0.0.0/8, 10.0.0.0/8",
    "0.0.0.0/0, 0.0.0.0/0",
    "10.1.2.3, 10.1.2.3/32",
    "FC00::/7, fc00::/7",
    "2001:0db8:0000::/32, 2001:db8::/32",
    "::1, ::1/128",
    "::/0, ::/0",
    "100.64.0.0/10, 100.64.0.0/10"
  })
  void cidrCanonicalForm(String text, String canonical) {
    assertThat(Cidr.parse(text)).hasToString(canonical).isEqualTo(Cidr.parse(canonical));
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
    "100.64.0.0/10, 100.64.0.0, true",
    "100.64.0.0/10, 100.127.255.255, true",
    "100.64.0.0/10, 100.63.255.255, false",
    "100.64.0.0/10, 100.128.0.0, false",
    "fc00::/7, fdff::1, true",
    "fc00::/7, fe00::, false",
    "0.0.0.0/0, 8.8.8.8, true",
    "0.0.0.0/0, ::1, false",
    "::/0, 8.8.8.8, false",
    "10.0.0.1, 10.0.0.1, true",
    "10.0.0.1, 10.0.0.2, false"
  })
  void cidrContainment(String cidr, String address, boolean contained) {
    assertThat(Cidr.parse(cidr).contains(Net.ip(address))).isEqualTo(contained);
  }
}
