package io.channelmonitor.ssrf;

import static io.channelmonitor.ssrf.Net.assertBlockedAtConnect;
import static io.channelmonitor.ssrf.Net.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The host-name deny-set of security.md 3.3, checked before any lookup. */
class HostnameDenyTest {
  private final Net.Counting resolver = new Net.Counting(Net.answering("8.8.8.8"));
  private final SsrfGuard guard = new SsrfGuard(SsrfPolicy.strict(), resolver);

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "localhost",
        "LOCALHOST",
        "api.localhost",
        "a.b.localhost",
        "localhost.localdomain",
        "metadata",
        "metadata.google.internal",
        "Metadata.Google.Internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
        "metadata.tencentyun.com",
        "host.docker.internal",
        "gateway.docker.internal",
        "kubernetes",
        "kubernetes.default",
        "kubernetes.default.svc",
        "svc",
        "api.ns.svc",
        "api.ns.svc.cluster.local",
        "svc.cluster.local",
        "cluster.local",
        "pod.cluster.local",
        "local",
        "printer.local",
        "internal",
        "db.internal",
        "ip-10-0-0-1.ec2.internal",
        "home.arpa",
        "nas.home.arpa",
        "localdomain",
        "box.localdomain"
      })
  void deniedNamesAreRefusedWithoutLookup(String host) {
    assertRefused(guard, "https://" + host + "/v1", Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    assertThat(resolver.calls).hasValue(0);
    assertBlockedAtConnect(guard, host, Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    assertThat(resolver.calls).hasValue(0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "localhost.example.com",
        "mylocalhost",
        "metadata.example.com",
        "metadatagoogle.internal.example.com",
        "kubernetes.io",
        "kubernetes.default.example",
        "svc.example.com",
        "local.example.com",
        "notlocal",
        "internal.example.com",
        "xinternal",
        "home.arpa.example.com",
        "api.openai.com"
      })
  void lookalikesAreResolvedAndJudgedByAddress(String host) {
    assertThat(guard.checkEndpoint("https://" + host).host()).isEqualTo(host);
    assertThat(resolver.calls).hasValue(1);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "metadata, true",
    "metadata.google.internal, true",
    "metadata.goog, true",
    "instance-data, true",
    "instance-data.ec2.internal, true",
    "metadata.tencentyun.com, true",
    "host.docker.internal, false",
    "localhost, false",
    "db.internal, false"
  })
  void metadataNames(String host, boolean metadata) {
    assertThat(HostnameRules.isMetadataName(host)).isEqualTo(metadata);
    assertThat(HostnameRules.isDenied(host)).isTrue();
  }
}
