package io.channelmonitor.probe;

import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.TIMEOUT;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.answering;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.get;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.guard;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.kindAndMessage;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.FailureKind;
import io.channelmonitor.probe.HttpClientProbeTransportFixtures.Scripted;
import io.channelmonitor.probe.HttpClientProbeTransportFixtures.Server;
import io.channelmonitor.ssrf.SsrfGuard;
import io.channelmonitor.ssrf.SsrfPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard at connect time: resolver hook, socket hook, rebinding, literals, proxies. */
class HttpClientProbeTransportSsrfTest {
  @RegisterExtension
  final HttpClientProbeTransportHarness harness = new HttpClientProbeTransportHarness();

  private static void assertBlocked(HttpClientProbeTransport transport, String url) {
    assertThatThrownBy(() -> transport.exchange(get(url), TIMEOUT, ProbeResponse::status))
        .isInstanceOfSatisfying(
            ProbeException.class, kindAndMessage(FailureKind.BLOCKED, "blocked by SSRF policy"));
  }

  /** Resolving {@code host} to {@code answer} blocks the exchange before any connect. */
  private void assertBlockedWithoutConnect(String host, String... answer) throws IOException {
    Server server = harness.server(respond(200, "ok"));
    HttpClientProbeTransport transport =
        harness.transport(answering(Map.of(host, List.of(answer))));
    assertBlocked(transport, "http://" + host + ":" + server.port() + "/");
    assertThat(harness.spy.seen).isEmpty();
    assertThat(server.hits).hasValue(0);
  }

  @Test
  void nameResolvingToAPrivateAddressIsBlockedWithoutConnect() throws Exception {
    assertBlockedWithoutConnect("internal.test", "10.0.0.1");
  }

  @Test
  void mixedAnswerIsBlockedAsAWhole() throws Exception {
    assertBlockedWithoutConnect("mixed.test", "127.0.0.1", "10.0.0.1");
  }

  @Test
  void rebindingToAPrivateAddressOnANewTransportNeverConnects() throws Exception {
    Server server = harness.server(respond(200, "ok"));
    Scripted resolver = new Scripted(List.of(List.of("127.0.0.1"), List.of("10.0.0.1")));
    SsrfGuard guard = guard(resolver);
    String url = "http://rebind.test:" + server.port() + "/";

    assertThat(
            harness
                .transport(guard)
                .exchange(get(url), TIMEOUT, HttpClientProbeTransportFixtures::text))
        .isEqualTo("ok");
    assertBlocked(harness.transport(guard), url);

    assertThat(resolver.calls).hasValue(2);
    assertThat(harness.spy.seen)
        .singleElement()
        .satisfies(a -> assertThat(a.getAddress().getHostAddress()).isEqualTo("127.0.0.1"));
  }

  @Test
  void rebindingOnTheSameTransportIsCaughtOnTheNextConnection() throws Exception {
    Server server =
        harness.server(
            exchange -> {
              // No keep-alive: every exchange needs a new connection, hence a new resolution.
              exchange.getResponseHeaders().add("Connection", "close");
              respond(200, "ok").handle(exchange);
            });
    Scripted resolver = new Scripted(List.of(List.of("127.0.0.1"), List.of("10.0.0.1")));
    HttpClientProbeTransport transport = harness.transport(resolver);
    String url = "http://rebind.test:" + server.port() + "/";

    assertThat(transport.exchange(get(url), TIMEOUT, HttpClientProbeTransportFixtures::text))
        .isEqualTo("ok");
    assertBlocked(transport, url);
    assertThat(harness.spy.seen).hasSize(1);
    assertThat(server.hits).hasValue(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "http://10.0.0.1:9/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:10.0.0.1]:9/",
        "http://[fd00::1]:9/",
        "http://2130706433:9/",
        "http://0.0.0.0:9/",
        "https://10.0.0.1/"
      })
  void blockedLiteralsNeverConnect(String url) {
    assertBlocked(harness.transport(answering(Map.of())), url);
    assertThat(harness.spy.seen).isEmpty();
  }

  @Test
  void strictPolicyRefusesLoopbackAndPlainHttp() throws Exception {
    Server server = harness.server(respond(200, "ok"));
    HttpClientProbeTransport strict =
        harness.transport(new SsrfGuard(SsrfPolicy.strict(), answering(Map.of())));
    assertBlocked(strict, server.url("/"));
    assertBlocked(strict, "https://127.0.0.1:" + server.port() + "/");
    assertThat(harness.spy.seen).isEmpty();
    assertThat(server.hits).hasValue(0);
  }

  @Test
  void ipv6LoopbackWorksWhenAllowed() throws Exception {
    InetAddress loopback6 = HttpClientProbeTransportFixtures.ip(null, "::1");
    boolean available;
    try (ServerSocket probe = new ServerSocket(0, 1, loopback6)) {
      available = probe.getLocalPort() > 0;
    } catch (IOException e) {
      available = false;
    }
    Assumptions.assumeTrue(available, "this machine has no IPv6 loopback (::1 cannot be bound)");
    Server server = harness.closeLater(Server.start(loopback6, respond(200, "six")));
    String url = "http://[::1]:" + server.port() + "/";
    assertThat(
            harness
                .transport(answering(Map.of()))
                .exchange(get(url), TIMEOUT, HttpClientProbeTransportFixtures::text))
        .isEqualTo("six");
    assertThat(harness.spy.seen)
        .singleElement()
        .satisfies(a -> assertThat(a.getAddress()).isEqualTo(loopback6));
  }

  @Test
  void jvmProxySettingsAreIgnored() throws Exception {
    HttpClientProbeTransportRawServer proxy =
        harness.raw(HttpClientProbeTransportRawServer.silent());
    Server server = harness.server(respond(200, "direct"));
    String port = Integer.toString(proxy.port());
    Map<String, String> settings = new HashMap<>();
    for (String scheme : List.of("http", "https")) {
      settings.put(scheme + ".proxyHost", "127.0.0.1");
      settings.put(scheme + ".proxyPort", port);
    }
    settings.put("http.nonProxyHosts", "nothing.invalid");
    settings.put("socksProxyHost", "127.0.0.1");
    settings.put("socksProxyPort", port);
    settings.put("socksNonProxyHosts", "nothing.invalid");
    Map<String, String> previous = new HashMap<>();
    settings.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
    // A name, not a loopback literal: the JDK's proxy selector never proxies loopback literals.
    String url = "http://api.test:" + server.port() + "/";
    try {
      HttpClientProbeTransport transport =
          harness.transport(answering(Map.of("api.test", List.of("127.0.0.1"))));
      assertThat(transport.exchange(get(url), TIMEOUT, HttpClientProbeTransportFixtures::text))
          .isEqualTo("direct");
      assertThat(transport.ping(url, TIMEOUT)).isPresent();
    } finally {
      previous.forEach(
          (k, v) -> {
            if (v == null) {
              System.clearProperty(k);
            } else {
              System.setProperty(k, v);
            }
          });
    }
    assertThat(proxy.accepted).hasValue(0);
    assertThat(server.hits).hasValue(2);
  }

  @Test
  void resolverHookGuardsLiteralsAndNamesAndNeverReturnsNull() throws Exception {
    GuardedDnsResolver resolver =
        new GuardedDnsResolver(
            guard(answering(Map.of("api.test", List.of("127.0.0.1")))), new CallDeadlines());
    assertThat(resolver.resolve("[::1]")).hasSize(1);
    assertThat(resolver.resolve("api.test", 443))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getPort()).isEqualTo(443);
              assertThat(a.getHostString()).isEqualTo("api.test");
            });
    assertThat(resolver.resolveCanonicalHostname("api.test")).isEqualTo("api.test");
    for (String host : List.of("10.0.0.1", "nowhere.test", "127.1")) {
      assertThatThrownBy(() -> resolver.resolve(host))
          .isInstanceOf(java.net.UnknownHostException.class)
          .hasCauseInstanceOf(io.channelmonitor.ssrf.SsrfBlockedException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(host));
      assertThatThrownBy(() -> resolver.resolve(host, 80))
          .isInstanceOf(java.net.UnknownHostException.class);
    }
  }

  @Test
  void socketHookRefusesBlockedAndUnresolvedAddressesAndProxies() throws Exception {
    GuardedSocketFactory factory =
        new GuardedSocketFactory(guard(answering(Map.of())), harness.spy);
    try (java.net.Socket socket = factory.create(null)) {
      InetSocketAddress target =
          new InetSocketAddress(HttpClientProbeTransportFixtures.ip(null, "10.0.0.1"), 9);
      assertThatThrownBy(() -> socket.connect(target, 100))
          .isInstanceOf(io.channelmonitor.ssrf.SsrfBlockedException.class);
    }
    try (java.net.Socket socket = factory.create(java.net.Proxy.NO_PROXY)) {
      assertThatThrownBy(() -> socket.connect(InetSocketAddress.createUnresolved("127.0.0.1", 9)))
          .isInstanceOf(io.channelmonitor.ssrf.SsrfBlockedException.class);
    }
    java.net.Proxy http =
        new java.net.Proxy(java.net.Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 9));
    assertThatThrownBy(() -> factory.create(http)).isInstanceOf(IOException.class);
    assertThat(harness.spy.seen).isEmpty();
  }
}
