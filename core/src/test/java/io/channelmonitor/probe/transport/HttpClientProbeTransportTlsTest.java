package io.channelmonitor.probe;

import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.TIMEOUT;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.answering;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.clientTrust;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.config;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.get;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.guard;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.kindAndMessage;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.requestHeader;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.respond;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.serverTls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.FailureKind;
import io.channelmonitor.probe.HttpClientProbeTransportFixtures.Server;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS against a loopback HTTPS server with a self-signed certificate for localhost, api.test and
 * 127.0.0.1.
 */
class HttpClientProbeTransportTlsTest {
  private static final Map<String, List<String>> NAMES =
      Map.of(
          "api.test", List.of("127.0.0.1"),
          "other.test", List.of("127.0.0.1"));

  @RegisterExtension
  final HttpClientProbeTransportHarness harness = new HttpClientProbeTransportHarness();

  private final AtomicReference<String> host = new AtomicReference<>();
  private Server server;

  @BeforeEach
  void start() throws Exception {
    server =
        harness.closeLater(
            Server.startTls(
                serverTls(),
                exchange -> {
                  host.set(requestHeader(exchange, "Host"));
                  respond(200, "secure").handle(exchange);
                }));
  }

  private HttpClientProbeTransport trusting() throws Exception {
    return harness.transport(guard(answering(NAMES)), config().withSslContext(clientTrust()));
  }

  private String url(String name) {
    return "https://" + name + ":" + server.port() + "/v1/models";
  }

  @Test
  void trustedCertificateForTheNameWorks() throws Exception {
    HttpClientProbeTransport t = trusting();
    assertThat(t.exchange(get(url("api.test")), TIMEOUT, HttpClientProbeTransportFixtures::text))
        .isEqualTo("secure");
    assertThat(host.get()).isEqualTo("api.test:" + server.port());
    // An IP literal is checked against the certificate's IP address entries.
    assertThat(t.exchange(get(url("127.0.0.1")), TIMEOUT, HttpClientProbeTransportFixtures::text))
        .isEqualTo("secure");
  }

  @Test
  void certificateForAnotherNameIsTls() throws Exception {
    HttpClientProbeTransport t = trusting();
    assertThatThrownBy(() -> t.exchange(get(url("other.test")), TIMEOUT, ProbeResponse::status))
        .isInstanceOfSatisfying(
            ProbeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(FailureKind.TLS);
              assertThat(e.getMessage())
                  .isEqualTo("TLS certificate does not match the host name")
                  .doesNotContain("127.0.0.1");
            });
    assertThat(server.hits).hasValue(0);
  }

  @Test
  void selfSignedCertificateIsNotTrustedByDefault() {
    HttpClientProbeTransport t = harness.transport(guard(answering(NAMES)), config());
    assertThatThrownBy(() -> t.exchange(get(url("api.test")), TIMEOUT, ProbeResponse::status))
        .isInstanceOfSatisfying(
            ProbeException.class, kindAndMessage(FailureKind.TLS, "TLS certificate not trusted"));
    assertThat(server.hits).hasValue(0);
  }

  @Test
  void plainHttpToATlsPortIsNotAnAnswer() throws Exception {
    HttpClientProbeTransport t = trusting();
    assertThatThrownBy(
            () ->
                t.exchange(
                    get("http://127.0.0.1:" + server.port() + "/"),
                    Duration.ofSeconds(2),
                    ProbeResponse::status))
        .isInstanceOf(ProbeException.class);
  }
}
