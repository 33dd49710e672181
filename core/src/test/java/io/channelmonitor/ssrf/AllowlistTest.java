package io.channelmonitor.ssrf;

import static io.channelmonitor.ssrf.Net.assertRefused;
import static io.channelmonitor.ssrf.Net.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.Reason;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What an operator's allowlist can open, and what it never can. */
class AllowlistTest {
  private static final SsrfPolicy WIDE_OPEN =
      SsrfPolicy.builder().allowCidr("0.0.0.0/0").allowCidr("::/0").build();

  @ParameterizedTest(name = "{0} opened by {1}")
  @CsvSource({
    "10.1.2.3, 10.0.0.0/8",
    "172.16.5.4, 172.16.0.0/12",
    "192.168.1.10, 192.168.1.0/24",
    "100.64.0.1, 100.64.0.0/10",
    "100.100.100.199, 100.64.0.0/10",
    "127.0.0.1, 127.0.0.1",
    "127.0.0.1, 127.0.0.0/8",
    "::1, ::1/128",
    "fd12:3456::1, fd12:3456::/32",
    "fc00::1, fc00::/7",
    "fec0::1, fec0::/10"
  })
  void cidrOpensRelaxableAddressesInsideIt(String address, String cidr) {
    SsrfGuard guard = cidrGuard(cidr);
    assertThat(guard.isBlocked(ip(address), null)).isFalse();
    assertThat(new SsrfGuard(SsrfPolicy.strict(), Net.unused()).isBlocked(ip(address), null))
        .isTrue();
  }

  @ParameterizedTest(name = "{0} stays blocked under {1}")
  @CsvSource({
    "10.1.2.3, 10.2.0.0/16",
    "172.16.0.1, 10.0.0.0/8",
    "127.0.0.2, 127.0.0.1",
    "::1, fc00::/7",
    "10.0.0.1, ::/0",
    "fd00::1, 0.0.0.0/0"
  })
  void cidrOpensNothingOutsideIt(String address, String cidr) {
    SsrfGuard guard = cidrGuard(cidr);
    assertThat(guard.isBlocked(ip(address), null)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "0.0.0.0",
        "0.1.2.3",
        "169.254.1.1",
        "169.254.169.254",
        "169.254.170.2",
        "169.254.170.23",
        "100.100.100.200",
        "168.63.129.16",
        "192.0.0.192",
        "192.0.0.8",
        "192.0.2.1",
        "198.51.100.1",
        "203.0.113.1",
        "192.88.99.1",
        "198.18.0.1",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "fe80::1",
        "fd00:ec2::254",
        "fd00:ec2::23",
        "ff02::1",
        "64:ff9b::808:808",
        "64:ff9b:1:808:8:800::",
        "2002:808:808::1",
        "2001::1",
        "2001:2::1",
        "2001:10::1",
        "2001:20::1",
        "2001:db8::1",
        "3fff::1",
        "100::1",
        "::ffff:169.254.169.254",
        "4000::1"
      })
  void neverRelaxableStaysBlockedUnderAnyCidrOrHost(String address) {
    SsrfPolicy everything =
        SsrfPolicy.builder()
            .allowCidr("0.0.0.0/0")
            .allowCidr("::/0")
            .allowCidr(address)
            .allowHost("api.example.com")
            .build();
    SsrfGuard guard = new SsrfGuard(everything, Net.unused());
    assertThat(guard.isBlocked(ip(address), null)).isTrue();
    assertThat(guard.isBlocked(ip(address), "api.example.com")).isTrue();
    assertThatThrownBy(() -> guard.checkConnect(new InetSocketAddress(ip(address), 443)))
        .isInstanceOf(SsrfBlockedException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://127.0.0.1:8443",
        "https://10.0.0.1/v1",
        "https://172.16.0.1",
        "https://192.168.1.1",
        "https://100.64.0.1",
        "https://0.0.0.0",
        "https://169.254.169.254/latest/meta-data",
        "https://100.100.100.200",
        "https://168.63.129.16",
        "https://255.255.255.255",
        "https://[::1]",
        "https://[::]",
        "https://[fe80::1]",
        "https://[fd00:ec2::254]",
        "https://[fc00::1]",
        "https://[ff02::1]",
        "https://[2001:db8::1]"
      })
  void strictRefusesBlockedLiteralsWithoutLookup(String raw) {
    SsrfGuard guard = new SsrfGuard(SsrfPolicy.strict(), Net.unused());
    assertRefused(guard, raw, Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
  }

  @Test
  void cidrOpensLiteralEndpointsAndResolvedAnswers() {
    SsrfPolicy policy = SsrfPolicy.builder().allowCidr("10.20.0.0/16").build();
    SsrfGuard guard = new SsrfGuard(policy, Net.answering("10.20.1.2"));
    assertThat(guard.checkEndpoint("https://10.20.3.4/v1").url()).isEqualTo("https://10.20.3.4/v1");
    assertThat(guard.checkEndpoint("https://llm.corp.example").host())
        .isEqualTo("llm.corp.example");
    assertRefused(guard, "https://10.21.0.1", Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
  }

  @Test
  void cidrDoesNotLiftTheNameDenySet() {
    SsrfGuard guard = new SsrfGuard(WIDE_OPEN, Net.answering("10.0.0.1"));
    assertRefused(guard, "https://db.internal", Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    assertRefused(guard, "https://localhost", Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
  }

  @Test
  void loopbackForTestsThroughCidr() {
    SsrfGuard guard =
        new SsrfGuard(
            SsrfPolicy.builder().allowCidr("127.0.0.0/8").allowCidr("::1/128").build(),
            Net.unused());
    assertThat(guard.checkEndpoint("https://127.0.0.1:8443").port()).isEqualTo(8443);
    assertThat(guard.checkEndpoint("https://[::1]:8443/v1").host()).isEqualTo("[::1]");
  }

  @ParameterizedTest(name = "{0} resolving to {1} with *.corp.example allowed: {2}")
  @CsvSource({
    "llm.corp.example, 10.0.0.5, true",
    "a.b.corp.example, 192.168.0.5, true",
    "llm.corp.example, 127.0.0.1, false",
    "llm.corp.example, ::1, false",
    "llm.corp.example, fd12::5, true",
    "llm.corp.example, 100.64.1.1, true",
    "llm.corp.example, 100.100.100.200, false",
    "llm.corp.example, 169.254.169.254, false",
    "llm.corp.example, fd00:ec2::254, false",
    "llm.corp.example, 0.0.0.0, false",
    "llm.corp.example, 64:ff9b::a00:5, false",
    "corp.example, 10.0.0.5, false",
    "evilcorp.example, 10.0.0.5, false",
    "llm.corp.example.evil.com, 10.0.0.5, false",
    "llmcorp.example, 10.0.0.5, false"
  })
  void hostPatternOpensRelaxableAnswersOnALabelBoundary(
      String host, String answer, boolean allowed) {
    SsrfPolicy policy = SsrfPolicy.builder().allowHost("*.corp.example").build();
    SsrfGuard guard = new SsrfGuard(policy, Net.answering(answer));
    if (allowed) {
      assertThat(guard.checkEndpoint("https://" + host).host()).isEqualTo(host);
    } else {
      assertRefused(guard, "https://" + host, Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    }
  }

  @Test
  void hostPatternSkipsTheNameDenySet() {
    SsrfPolicy policy =
        SsrfPolicy.builder().allowHost("*.svc.cluster.local").allowHost("localhost").build();
    SsrfGuard guard = new SsrfGuard(policy, Net.answering("10.96.0.10"));
    assertThat(guard.checkEndpoint("https://llm.ai.svc.cluster.local/v1").host())
        .isEqualTo("llm.ai.svc.cluster.local");
    SsrfGuard loopback = new SsrfGuard(policy, Net.answering("127.0.0.1", "::1"));
    assertRefused(loopback, "https://localhost:8443", Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    SsrfPolicy withLoopback =
        SsrfPolicy.builder()
            .allowHost("localhost")
            .allowCidr("127.0.0.0/8")
            .allowCidr("::1/128")
            .build();
    SsrfGuard opened = new SsrfGuard(withLoopback, Net.answering("127.0.0.1", "::1"));
    assertThat(opened.checkEndpoint("https://localhost:8443").host()).isEqualTo("localhost");
  }

  @ParameterizedTest(name = "allowCidr({0}) opens 127.0.0.1: {1}")
  @CsvSource({
    "127.0.0.0/8, true",
    "127.0.0.1/32, true",
    "0.0.0.0/0, false",
    "64.0.0.0/2, false",
    "::/0, false"
  })
  void onlyARangeThatNamesLoopbackOpensIt(String cidr, boolean opened) {
    SsrfGuard guard = cidrGuard(cidr);
    if (opened) {
      assertThat(guard.checkEndpoint("https://127.0.0.1:8443").port()).isEqualTo(8443);
    } else {
      assertRefused(guard, "https://127.0.0.1:8443", Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    }
  }

  @Test
  void hostPatternNeverOpensMetadataNames() {
    Net.Counting resolver = new Net.Counting(Net.answering("8.8.8.8"));
    SsrfPolicy policy =
        SsrfPolicy.builder()
            .allowHost("*.internal")
            .allowHost("metadata")
            .allowHost("metadata.goog")
            .build();
    SsrfGuard guard = new SsrfGuard(policy, resolver);
    for (String host : new String[] {"metadata.google.internal", "metadata", "metadata.goog"}) {
      assertRefused(guard, "https://" + host, Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    }
    assertThat(resolver.calls).hasValue(0);
    assertThat(guard.checkEndpoint("https://llm.corp.internal").host())
        .isEqualTo("llm.corp.internal");
  }

  @Test
  void hostPatternDoesNotOpenLiterals() {
    SsrfGuard guard =
        new SsrfGuard(SsrfPolicy.builder().allowHost("*.corp.example").build(), Net.unused());
    assertThat(guard.isBlocked(ip("10.0.0.5"), null)).isTrue();
    assertThat(guard.isBlocked(ip("10.0.0.5"), "10.0.0.5")).isTrue();
    assertThat(guard.isBlocked(ip("10.0.0.5"), "llm.corp.example")).isFalse();
    assertThat(guard.isBlocked(ip("10.0.0.5"), "LLM.Corp.Example")).isFalse();
    assertThat(guard.isBlocked(ip("10.0.0.5"), "corp.example")).isTrue();
  }

  /** A guard whose policy opens {@code cidr} only, with a resolver that must not be called. */
  private static SsrfGuard cidrGuard(String cidr) {
    return new SsrfGuard(SsrfPolicy.builder().allowCidr(cidr).build(), Net.unused());
  }
}
