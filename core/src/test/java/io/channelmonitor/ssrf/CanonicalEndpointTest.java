package io.channelmonitor.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Accepted endpoints come back in one canonical spelling. */
class CanonicalEndpointTest {
  private final Net.Counting resolver = new Net.Counting(Net.answering("8.8.8.8", "1.1.1.1"));
  private final SsrfGuard guard = new SsrfGuard(SsrfPolicy.strict(), resolver);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://api.openai.com | https://api.openai.com",
        "https://api.openai.com/ | https://api.openai.com",
        "https://api.openai.com/// | https://api.openai.com",
        "https://api.openai.com/v1/ | https://api.openai.com/v1",
        "https://api.openai.com/v1// | https://api.openai.com/v1",
        "'  https://api.openai.com/v1  ' | https://api.openai.com/v1",
        "HTTPS://API.OpenAI.COM/V1 | https://api.openai.com/V1",
        "https://api.openai.com:443 | https://api.openai.com:443",
        "https://api.openai.com:1/v1 | https://api.openai.com:1/v1",
        "https://relay.example.com:65535/openai/deployments/gpt-4o/ "
            + "| https://relay.example.com:65535/openai/deployments/gpt-4o",
        "https://cafe.face | https://cafe.face",
        "https://xn--bcher-kva.example/v1beta | https://xn--bcher-kva.example/v1beta",
        "https://localhost.example.com | https://localhost.example.com",
        "https://api.example.com/a%20b/.well-known | https://api.example.com/a%20b/.well-known",
        "https://api.example.com/v1;x=1/~user | https://api.example.com/v1;x=1/~user",
        "https://8.8.8.8/v1 | https://8.8.8.8/v1",
        "https://1.1.1.1:8443 | https://1.1.1.1:8443",
        "https://[2001:4860:4860:0:0:0:0:8888]:8443/v1/ | https://[2001:4860:4860::8888]:8443/v1",
        "https://[2606:4700:4700::1111] | https://[2606:4700:4700::1111]",
        "https://[2606:4700:4700:0000:0000:0000:0000:1111] | https://[2606:4700:4700::1111]",
        "https://[2606:4700:4700::ABCD] | https://[2606:4700:4700::abcd]"
      })
  void canonicalises(String raw, String expected) {
    Endpoint endpoint = guard.checkEndpoint(raw);
    assertThat(endpoint.url()).isEqualTo(expected);
    assertThat(endpoint).hasToString(expected);
  }

  @Test
  void splitsIntoComponents() {
    Endpoint endpoint = guard.checkEndpoint("HTTPS://Relay.Example.COM:8443/openai/deployments/x/");
    assertThat(endpoint.scheme()).isEqualTo("https");
    assertThat(endpoint.host()).isEqualTo("relay.example.com");
    assertThat(endpoint.port()).isEqualTo(8443);
    assertThat(endpoint.basePath()).isEqualTo("/openai/deployments/x");
    assertThat(endpoint.origin()).isEqualTo("https://relay.example.com:8443");
    assertThat(resolver.calls).hasValue(1);
    assertThat(resolver.lastHost).isEqualTo("relay.example.com");
  }

  @Test
  void noPortGivenIsMinusOne() {
    Endpoint endpoint = guard.checkEndpoint("https://api.openai.com");
    assertThat(endpoint.port()).isEqualTo(-1);
    assertThat(endpoint.basePath()).isEmpty();
    assertThat(endpoint.origin()).isEqualTo("https://api.openai.com");
  }

  @Test
  void ipv6LiteralKeepsBrackets() {
    Endpoint endpoint =
        new SsrfGuard(SsrfPolicy.strict(), Net.unused())
            .checkEndpoint("https://[2001:4860:4860::8888]/v1");
    assertThat(endpoint.host()).isEqualTo("[2001:4860:4860::8888]");
    assertThat(endpoint.origin()).isEqualTo("https://[2001:4860:4860::8888]");
  }

  @Test
  void literalsAreNeverResolved() {
    SsrfGuard noDns = new SsrfGuard(SsrfPolicy.strict(), Net.unused());
    assertThat(noDns.checkEndpoint("https://8.8.8.8").host()).isEqualTo("8.8.8.8");
    assertThat(noDns.checkEndpoint("https://[2606:4700:4700::1111]").port()).isEqualTo(-1);
  }

  @Test
  void endpointRecordRefusesNonCanonicalParts() {
    assertThatThrownBy(() -> new Endpoint("ftp", "h", -1, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Endpoint("https", "", -1, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Endpoint("https", "h", 0, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Endpoint("https", "h", -1, "/v1/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Endpoint("https", "h", -1, "v1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Endpoint("http", "h", 80, "/v1").url()).isEqualTo("http://h:80/v1");
  }
}
