package io.channelmonitor.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfPolicyTest {
  @Test
  void strictDefaults() {
    SsrfPolicy strict = SsrfPolicy.strict();
    assertThat(strict.allowedCidrs()).isEmpty();
    assertThat(strict.allowedHosts()).isEmpty();
    assertThat(strict.allowInsecureHttp())
        .isEqualTo(SsrfPolicy.DEFAULT_ALLOW_INSECURE_HTTP)
        .isFalse();
    assertThat(strict.resolveTimeout())
        .isEqualTo(SsrfPolicy.DEFAULT_RESOLVE_TIMEOUT)
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(SsrfPolicy.builder().build()).isEqualTo(strict).hasSameHashCodeAs(strict);
  }

  @Test
  void holdsWhatItWasGivenInCanonicalForm() {
    SsrfPolicy policy =
        SsrfPolicy.builder()
            .allowCidr("10.0.0.0/8")
            .allowCidr("FD12:3456:0:0::/32")
            .allowCidr("10.0.0.0/8")
            .allowCidr("192.168.1.7")
            .allowHost("*.OpenAI.Azure.com")
            .allowHost("llm.corp.example")
            .allowInsecureHttp(true)
            .resolveTimeout(Duration.ofMillis(750))
            .build();
    assertThat(policy.allowedCidrs())
        .containsExactly("10.0.0.0/8", "fd12:3456::/32", "192.168.1.7/32");
    assertThat(policy.allowedHosts()).containsExactly("*.openai.azure.com", "llm.corp.example");
    assertThat(policy.allowInsecureHttp()).isTrue();
    assertThat(policy.resolveTimeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(policy)
        .hasToString(
            "SsrfPolicy[allowedCidrs=[10.0.0.0/8, fd12:3456::/32, 192.168.1.7/32],"
                + " allowedHosts=[*.openai.azure.com, llm.corp.example],"
                + " allowInsecureHttp=true, resolveTimeout=PT0.75S]");
  }

  @Test
  void isImmutableAgainstLaterBuilderUse() {
    SsrfPolicy.Builder builder = SsrfPolicy.builder().allowCidr("10.0.0.0/8");
    SsrfPolicy first = builder.build();
    builder.allowCidr("172.16.0.0/12");
    assertThat(first.allowedCidrs()).containsExactly("10.0.0.0/8");
    assertThatThrownBy(() -> first.allowedCidrs().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "/8",
        "10.0.0.0/",
        "10.0.0.0/33",
        "10.0.0.0/08",
        "10.0.0.0/-1",
        "10.0.0.0/8/8",
        "10.0.0.1/8",
        "10.0.0/8",
        "010.0.0.0/8",
        "10.0.0.0 /8",
        "example.com/8",
        "::/129",
        "fc00::1/7",
        "1::2::3/64",
        "fe80::/10%eth0",
        "0x0a000000/8"
      })
  void badCidrsAreRefusedNamingTheValue(String cidr) {
    assertThatThrownBy(() -> SsrfPolicy.builder().allowCidr(cidr))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(cidr);
  }

  @Test
  void nullsAreRefused() {
    assertThatThrownBy(() -> SsrfPolicy.builder().allowCidr(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SsrfPolicy.builder().allowHost(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SsrfPolicy.builder().resolveTimeout(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new SsrfGuard(null, Net.unused()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new SsrfGuard(SsrfPolicy.strict(), null))
        .isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "*",
        "*.",
        "*.*.example.com",
        "llm.*.example.com",
        "a..b",
        "-a.example.com",
        "a_b.example.com",
        "example.com.",
        "exa mple.com",
        "b\u00fccher.example",
        "10.0.0.1",
        "*.0x7f",
        "https://example.com",
        "example.com:443"
      })
  void badHostPatternsAreRefusedNamingTheValue(String pattern) {
    assertThatThrownBy(() -> SsrfPolicy.builder().allowHost(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(pattern);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PT0S", "-PT1S"})
  void nonPositiveTimeoutsAreRefused(String timeout) {
    assertThatThrownBy(() -> SsrfPolicy.builder().resolveTimeout(Duration.parse(timeout)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "*.openai.azure.com, x.openai.azure.com, true",
    "*.openai.azure.com, a.b.openai.azure.com, true",
    "*.openai.azure.com, X.OpenAI.Azure.com, true",
    "*.openai.azure.com, openai.azure.com, false",
    "*.openai.azure.com, evilopenai.azure.com, false",
    "*.openai.azure.com, openai.azure.com.evil.com, false",
    "*.openai.azure.com, x.openai.azure.com.evil.com, false",
    "*.openai.azure.com, xopenai.azure.com, false",
    "*.openai.azure.com, .openai.azure.com, false",
    "openai.azure.com, openai.azure.com, true",
    "openai.azure.com, x.openai.azure.com, false",
    "openai.azure.com, evilopenai.azure.com, false",
    "*.svc, metadata, false"
  })
  void hostPatternsMatchOnALabelBoundary(String pattern, String host, boolean matches) {
    SsrfPolicy policy = SsrfPolicy.builder().allowHost(pattern).build();
    assertThat(policy.allowsHost(host)).isEqualTo(matches);
  }
}
