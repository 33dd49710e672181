package io.channelmonitor.ssrf;

import static io.channelmonitor.ssrf.Net.assertBlockedAtConnect;
import static io.channelmonitor.ssrf.Net.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.Reason;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The connect-time helpers a transport wires into its resolver and socket hooks. */
class ConnectHooksTest {
  private final SsrfGuard strict = new SsrfGuard(SsrfPolicy.strict(), Net.unused());

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "8.8.8.8, 8.8.8.8",
    "[2606:4700:4700::1111], 2606:4700:4700::1111",
    "2606:4700:4700::1111, 2606:4700:4700::1111",
    "[2001:4860:4860:0:0:0:0:8888], 2001:4860:4860::8888"
  })
  void literalsAreClassifiedWithoutLookup(String host, String expected)
      throws SsrfBlockedException {
    assertThat(strict.resolveForConnect(host)).containsExactly(ip(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "[::1]", "::1", "10.0.0.1", "169.254.169.254", "[fe80::1]"})
  void blockedLiteralsAreRefused(String host) {
    assertBlockedAtConnect(strict, host, Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "127.1",
        "2130706433",
        "0x7f.0.0.1",
        "0177.0.0.1",
        "[::ffff:127.0.0.1]",
        "[64:ff9b::808:808]",
        "[fe80::1%25eth0]",
        "fe80::1%eth0",
        "api.example.com.",
        "a_b.example.com",
        "api example.com",
        "[::1"
      })
  void nonCanonicalHostsAreRefusedWithoutLookup(String host) {
    assertBlockedAtConnect(strict, host, Reason.CHANNEL_MONITOR_INVALID_ENDPOINT);
  }

  @Test
  void nullHostIsRefused() {
    assertThatThrownBy(() -> strict.resolveForConnect(null))
        .isInstanceOf(SsrfBlockedException.class);
  }

  @Test
  void namesAreResolvedLowerCase() throws SsrfBlockedException {
    Net.Counting resolver = new Net.Counting(Net.answering("8.8.8.8"));
    SsrfGuard guard = new SsrfGuard(SsrfPolicy.strict(), resolver);
    assertThat(guard.resolveForConnect("API.Example.com")).containsExactly(ip("8.8.8.8"));
    assertThat(resolver.lastHost).isEqualTo("api.example.com");
    assertThat(resolver.calls).hasValue(1);
  }

  @Test
  void unresolvedSocketAddressesAreRefused() {
    assertThatThrownBy(
            () -> strict.checkConnect(InetSocketAddress.createUnresolved("api.example.com", 443)))
        .isInstanceOf(SsrfBlockedException.class);
    assertThatThrownBy(() -> strict.checkConnect(null)).isInstanceOf(SsrfBlockedException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "::1", "fd00:ec2::254"})
  void blockedSocketAddressesAreRefused(String address) {
    assertThatThrownBy(() -> strict.checkConnect(new InetSocketAddress(ip(address), 443)))
        .isInstanceOfSatisfying(
            SsrfBlockedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE));
  }

  @Test
  void mappedSocketAddressIsRefused() {
    assertThatThrownBy(
            () -> strict.checkConnect(new InetSocketAddress(Net.ip6("::ffff:127.0.0.1"), 443)))
        .isInstanceOf(SsrfBlockedException.class);
  }

  @Test
  void publicSocketAddressesPass() {
    assertThatCode(() -> strict.checkConnect(new InetSocketAddress(ip("8.8.8.8"), 443)))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> strict.checkConnect(new InetSocketAddress(ip("2606:4700:4700::1111"), 8443)))
        .doesNotThrowAnyException();
  }

  @Test
  void socketHookHonoursAllowlistedNamesCarriedByTheAddress() throws UnknownHostException {
    SsrfGuard guard =
        new SsrfGuard(SsrfPolicy.builder().allowHost("*.corp.example").build(), Net.unused());
    InetAddress named = InetAddress.getByAddress("llm.corp.example", Net.bytes("10.0.0.5"));
    InetAddress other = InetAddress.getByAddress("evil.example", Net.bytes("10.0.0.5"));
    assertThatCode(() -> guard.checkConnect(new InetSocketAddress(named, 443)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> guard.checkConnect(new InetSocketAddress(other, 443)))
        .isInstanceOf(SsrfBlockedException.class);
  }

  @Test
  void literalAddressesCarryTheirOwnTextAsName() throws SsrfBlockedException {
    InetAddress literal = strict.resolveForConnect("8.8.8.8").get(0);
    assertThat(literal.getHostName()).isEqualTo("8.8.8.8");
  }

  @Test
  void systemResolverNeverAnswersABlankName() {
    for (String blank : new String[] {null, "", "  "}) {
      assertThatThrownBy(() -> HostResolver.system().resolve(blank))
          .isInstanceOf(UnknownHostException.class);
    }
  }
}
