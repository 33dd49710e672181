package io.channelmonitor.probe;

import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.answering;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.clientTrust;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.config;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.guard;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.requestHeader;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.respond;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.serverTls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.FailureKind;
import io.channelmonitor.probe.HttpClientProbeTransportFixtures.ConnectSpy;
import io.channelmonitor.probe.HttpClientProbeTransportFixtures.Server;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS against a loopback HTTPS server with a self-signed certificate for localhost, api.test and
 * 127.0.0.1.
 */
class HttpClientProbeTransportTlsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Map<String, List<String>> NAMES =
      Map.of(
          "api.test", List.of("127.0.0.1"),
          "other.test", List.of("127.0.0.1"));

  private final ConnectSpy spy = new ConnectSpy();
  private final AtomicReference<String> host = new AtomicReference<>();
  private Server server;
  private HttpClientProbeTransport transport;

  @BeforeEach
  void start() throws Exception {
    server =
        Server.startTls(
            serverTls(),
            exchange -> {
              host.set(requestHeader(exchange, "Host"));
              respond(200, "secure").handle(exchange);
            });
  }

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close();
    }
    server.close();
    assertThat(spy.sawNonLoopback()).isFalse();
  }

  private HttpClientProbeTransport trusting() throws Exception {
    transport =
        new HttpClientProbeTransport(
            guard(answering(NAMES)), config().withSslContext(clientTrust()), spy);
    return transport;
  }

  private String url(String name) {
    return "https://" + name + ":" + server.port() + "/v1/models";
  }

  private static ProbeRequest get(String url) {
    return new ProbeRequest("GET", url, Map.of(), null);
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
    transport = new HttpClientProbeTransport(guard(answering(NAMES)), config(), spy);
    assertThatThrownBy(
            () -> transport.exchange(get(url("api.test")), TIMEOUT, ProbeResponse::status))
        .isInstanceOfSatisfying(
            ProbeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(FailureKind.TLS);
              assertThat(e.getMessage()).isEqualTo("TLS certificate not trusted");
            });
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
