package io.channelmonitor.ssrf;

import static io.channelmonitor.ssrf.Net.ip;
import static io.channelmonitor.ssrf.Net.ip6;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ssrf.EmbeddedIpv4.Form;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** IPv4 addresses spelled as IPv6: every embedding form, blocked and public. */
class EmbeddedIpv4Test {
  private final SsrfGuard strict = new SsrfGuard(SsrfPolicy.strict(), Net.unused());
  private final SsrfGuard wideOpen =
      new SsrfGuard(
          SsrfPolicy.builder().allowCidr("0.0.0.0/0").allowCidr("::/0").build(), Net.unused());

  static Stream<Arguments> blockedIpv4InEveryForm() {
    return Stream.of(
            "127.0.0.1",
            "10.1.2.3",
            "169.254.169.254",
            "100.100.100.200",
            "0.1.2.3",
            "192.168.1.1",
            "255.255.255.255")
        .flatMap(v4 -> Stream.of(Form.values()).skip(1).map(form -> Arguments.of(form, v4)));
  }

  @ParameterizedTest(name = "{1} as {0} is blocked")
  @MethodSource("blockedIpv4InEveryForm")
  void blockedIpv4StaysBlockedInEveryForm(Form form, String v4) {
    Inet6Address address = embed(form, v4);
    assertThat(EmbeddedIpv4.form(address.getAddress())).isEqualTo(form);
    assertThat(EmbeddedIpv4.extract(address.getAddress())).contains((Inet4Address) ip(v4));
    assertThat(strict.isBlocked(address, null)).isTrue();
    assertThat(strict.isBlocked(address, "api.example.com")).isTrue();
  }

  @ParameterizedTest(name = "public {1} through {0} is blocked, even with every CIDR allowed")
  @CsvSource({
    "NAT64, 8.8.8.8",
    "NAT64_LOCAL, 8.8.8.8",
    "SIX_TO_FOUR, 8.8.8.8",
    "TEREDO, 8.8.8.8",
    "NAT64, 1.1.1.1",
    "NAT64_LOCAL, 1.1.1.1",
    "SIX_TO_FOUR, 1.1.1.1",
    "TEREDO, 1.1.1.1",
    "NAT64, 10.0.0.1",
    "SIX_TO_FOUR, 127.0.0.1",
    "TEREDO, 192.168.0.1"
  })
  void tunnelPrefixesAreNeverAllowed(Form form, String v4) {
    Inet6Address address = embed(form, v4);
    assertThat(strict.isBlocked(address, null)).isTrue();
    assertThat(wideOpen.isBlocked(address, null)).isTrue();
  }

  @ParameterizedTest(name = "public {1} as {0} is that public address")
  @CsvSource({
    "MAPPED, 8.8.8.8",
    "TRANSLATED, 8.8.8.8",
    "COMPATIBLE, 8.8.8.8",
    "MAPPED, 1.1.1.1",
    "COMPATIBLE, 1.1.1.1"
  })
  void aliasFormsOfPublicAddressesAreAllowed(Form form, String v4) {
    assertThat(strict.isBlocked(embed(form, v4), null)).isFalse();
  }

  @ParameterizedTest(name = "relaxable {1} as {0} follows the CIDR allowlist of the IPv4 address")
  @CsvSource({"MAPPED, 10.1.2.3", "TRANSLATED, 10.1.2.3", "COMPATIBLE, 10.1.2.3"})
  void aliasFormsFollowTheIpv4Allowlist(Form form, String v4) {
    SsrfGuard tenOpen =
        new SsrfGuard(SsrfPolicy.builder().allowCidr("10.0.0.0/8").build(), Net.unused());
    assertThat(tenOpen.isBlocked(embed(form, v4), null)).isFalse();
    assertThat(strict.isBlocked(embed(form, v4), null)).isTrue();
  }

  @ParameterizedTest(name = "{0}: {1} carries {2}")
  @CsvSource({
    "MAPPED, ::ffff:7f00:1, 127.0.0.1",
    "TRANSLATED, ::ffff:0:a9fe:a9fe, 169.254.169.254",
    "COMPATIBLE, ::a00:1, 10.0.0.1",
    "NAT64, 64:ff9b::c0a8:101, 192.168.1.1",
    "NAT64_LOCAL, 64:ff9b:1:a9fe:a9:fe00::, 169.254.169.254",
    "SIX_TO_FOUR, 2002:c000:204::1, 192.0.2.4",
    "TEREDO, 2001:0:4136:e378:8000:63bf:3fff:fdd2, 65.54.227.120",
    "TEREDO, 2001:0:4136:e378:8000:63bf:3fff:fdd2, 192.0.2.45"
  })
  void extractsFromWrittenForms(Form form, String v6, String v4) {
    byte[] bytes = Net.bytes(v6);
    assertThat(EmbeddedIpv4.form(bytes)).isEqualTo(form);
    assertThat(EmbeddedIpv4.extract(bytes)).contains((Inet4Address) ip(v4));
  }

  @ParameterizedTest(name = "{0} is not an embedding")
  @CsvSource({"::", "::1", "2001:4860:4860::8888", "64:ff9b:0:1::", "fe80::1", "2001:1::"})
  void ordinaryAddressesAreNotEmbeddings(String v6) {
    assertThat(EmbeddedIpv4.form(Net.bytes(v6))).isEqualTo(Form.NONE);
    assertThat(EmbeddedIpv4.extract(Net.bytes(v6))).isEmpty();
  }

  @ParameterizedTest(name = "mapped {0} as IPv4 and as IPv6")
  @CsvSource({"127.0.0.1, true", "169.254.169.254, true", "8.8.8.8, false"})
  void mappedIsTheSameWhetherJavaConvertsItOrNot(String v4, boolean blocked) {
    InetAddress converted = ip("::ffff:" + v4);
    Inet6Address kept = ip6("::ffff:" + v4);
    assertThat(converted.getAddress()).hasSize(4);
    assertThat(strict.isBlocked(converted, null)).isEqualTo(blocked);
    assertThat(strict.isBlocked(kept, null)).isEqualTo(blocked);
  }

  /**
   * Builds the IPv6 spelling of {@code v4} in {@code form}, independently of the code under test.
   */
  static Inet6Address embed(Form form, String v4) {
    byte[] a = Net.bytes(v4);
    byte[] b = new byte[16];
    switch (form) {
      case MAPPED -> {
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(a, 0, b, 12, 4);
      }
      case TRANSLATED -> {
        b[8] = (byte) 0xff;
        b[9] = (byte) 0xff;
        System.arraycopy(a, 0, b, 12, 4);
      }
      case COMPATIBLE -> System.arraycopy(a, 0, b, 12, 4);
      case NAT64 -> {
        b[1] = 0x64;
        b[2] = (byte) 0xff;
        b[3] = (byte) 0x9b;
        System.arraycopy(a, 0, b, 12, 4);
      }
      case NAT64_LOCAL -> {
        b[1] = 0x64;
        b[2] = (byte) 0xff;
        b[3] = (byte) 0x9b;
        b[5] = 1;
        b[6] = a[0];
        b[7] = a[1];
        b[9] = a[2];
        b[10] = a[3];
      }
      case SIX_TO_FOUR -> {
        b[0] = 0x20;
        b[1] = 0x02;
        System.arraycopy(a, 0, b, 2, 4);
        b[15] = 1;
      }
      case TEREDO -> {
        b[0] = 0x20;
        b[1] = 0x01;
        System.arraycopy(a, 0, b, 4, 4);
        for (int i = 0; i < 4; i++) {
          b[12 + i] = (byte) ~a[i];
        }
      }
      case NONE -> throw new IllegalArgumentException("no form");
    }
    try {
      return Inet6Address.getByAddress(null, b, -1);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
