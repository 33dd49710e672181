package io.channelmonitor.testkit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.ChannelMonitorException;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.KeyDecryptFailedException;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.Reason;
import io.channelmonitor.StoreException;
import io.channelmonitor.probe.ChannelChecker;
import io.channelmonitor.probe.OpenAiChecker;
import io.channelmonitor.probe.ProbeCall;
import io.channelmonitor.probe.StreamEvent;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.ssrf.HostResolver;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.testkit.upstream.Behaviour;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbeRunTest {
  private static final String KEY = ProbeMatrixTest.KEY;

  private FakeUpstream upstream;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.builder().https(true).build();
  }

  @AfterEach
  void stop() {
    upstream.close();
  }

  private static MonitorDraft.Builder draft(String endpoint, String model) {
    return MonitorDraft.builder()
        .name("run")
        .provider("openai")
        .endpoint(endpoint)
        .apiKey(KEY)
        .primaryModel(model);
  }

  /** A library that trusts the fake upstream, with 5 s for a request and as degraded threshold. */
  private ChannelMonitor loopbackMonitor() {
    return ProbeMatrixTest.loopbackMonitor(upstream, Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void everyModelIsProbedAndResultsComeInModelOrder() {
    upstream.script("b", Behaviour.wrongAnswer());
    upstream.script("c", Behaviour.slowTotal(Duration.ofMillis(300)));
    upstream.script("d", Behaviour.status(503, "{}"));
    try (ChannelMonitor cm = loopbackMonitor()) {
      Monitor monitor =
          cm.monitors()
              .create(
                  draft(upstream.endpoint(), "a").extraModels(List.of("b", "c", "d", "e")).build());

      List<CheckResult> results = cm.monitors().runNow(monitor.id());

      assertThat(results).extracting(CheckResult::model).containsExactly("a", "b", "c", "d", "e");
      assertThat(results)
          .extracting(CheckResult::status)
          .containsExactly(
              CheckStatus.OPERATIONAL,
              CheckStatus.FAILED,
              CheckStatus.OPERATIONAL,
              CheckStatus.ERROR,
              CheckStatus.OPERATIONAL);
      assertThat(results).extracting(CheckResult::pingLatencyMs).doesNotContainNull().hasSize(5);
      assertThat(cm.monitors().history(monitor.id(), null, 100)).hasSize(5);
      assertThat(upstream.requests()).filteredOn(r -> r.method().equals("HEAD")).hasSize(1);
    }
  }

  @Test
  void aClosedPortIsAConnectErrorAndThePingIsNull() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (ChannelMonitor cm =
        ProbeMatrixTest.loopbackMonitor(upstream, Duration.ofSeconds(3), Duration.ofSeconds(5))) {
      Monitor monitor = cm.monitors().create(draft("https://127.0.0.1:" + port, "a").build());

      CheckResult result = cm.monitors().runNow(monitor.id()).get(0);

      assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
      assertThat(result.failureKind()).isEqualTo(FailureKind.CONNECT);
      assertThat(result.pingLatencyMs()).isNull();
    }
  }

  @Test
  void anUntrustedCertificateIsATlsError() {
    try (ChannelMonitor cm =
        ChannelMonitor.builder()
            .ssrfPolicy(SsrfPolicy.builder().allowCidr("127.0.0.0/8").build())
            .build()) {
      Monitor monitor = cm.monitors().create(draft(upstream.endpoint(), "a").build());

      CheckResult result = cm.monitors().runNow(monitor.id()).get(0);

      assertThat(result.failureKind()).isEqualTo(FailureKind.TLS);
      assertThat(upstream.requests()).noneMatch(r -> r.method().equals("POST"));
    }
  }

  @Test
  void aNameThatRebindsToAPrivateAddressIsBlockedAtConnectTime() {
    AtomicInteger lookups = new AtomicInteger();
    HostResolver rebinding =
        host ->
            List.of(
                InetAddress.getByAddress(
                    host,
                    lookups.getAndIncrement() == 0
                        ? new byte[] {127, 0, 0, 1}
                        : new byte[] {10, 0, 0, 1}));
    try (ChannelMonitor cm =
        ChannelMonitor.builder()
            .ssrfPolicy(SsrfPolicy.builder().allowCidr("127.0.0.0/8").build())
            .hostResolver(rebinding)
            .sslContext(upstream.clientSslContext())
            .build()) {
      Monitor monitor =
          cm.monitors().create(draft("https://fake.test:" + upstream.port(), "a").build());

      CheckResult result = cm.monitors().runNow(monitor.id()).get(0);

      assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
      assertThat(result.failureKind()).isEqualTo(FailureKind.BLOCKED);
      assertThat(result.pingLatencyMs()).isNull();
      assertThat(result.message()).doesNotContain("10.0.0.1");
      assertThat(upstream.requests()).isEmpty();
    }
  }

  @Test
  void replaceModePassesAnyNonBlankAnswer() {
    try (ChannelMonitor cm = loopbackMonitor()) {
      Monitor monitor =
          cm.monitors()
              .create(
                  draft(upstream.endpoint(), "a")
                      .bodyOverrideMode("replace")
                      .bodyOverride(
                          "{\"model\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                      .build());

      CheckResult result = cm.monitors().runNow(monitor.id()).get(0);

      assertThat(result.status()).isEqualTo(CheckStatus.OPERATIONAL);
      assertThat(upstream.requests().get(upstream.requests().size() - 1).body()).contains("\"hi\"");
    }
  }

  @Test
  void theKeyPlaceholderIsFilledInExtraHeaders() {
    try (ChannelMonitor cm = loopbackMonitor()) {
      Monitor monitor =
          cm.monitors()
              .create(
                  draft(upstream.endpoint(), "a")
                      .extraHeaders(Map.of("api-key", "{api_key}"))
                      .build());

      cm.monitors().runNow(monitor.id());

      assertThat(upstream.requests())
          .filteredOn(r -> r.method().equals("POST"))
          .singleElement()
          .satisfies(r -> assertThat(r.headers().toString()).contains(KEY));
    }
  }

  @Test
  void aKeyThatCannotBeDecryptedIsNeverSent() {
    InMemoryStore store = new InMemoryStore();
    long id;
    try (ChannelMonitor first =
        ChannelMonitor.builder()
            .store(store)
            .ssrfPolicy(SsrfPolicy.builder().allowCidr("127.0.0.0/8").build())
            .keyRing(KeyRing.ephemeral())
            .build()) {
      id = first.monitors().create(draft(upstream.endpoint(), "a").build()).id();
    }
    try (ChannelMonitor other =
        ChannelMonitor.builder().store(store).keyRing(KeyRing.ephemeral()).build()) {
      assertThatThrownBy(() -> other.monitors().runNow(id))
          .isInstanceOf(KeyDecryptFailedException.class)
          .extracting(e -> ((ChannelMonitorException) e).reason())
          .isEqualTo(Reason.CHANNEL_MONITOR_KEY_DECRYPT_FAILED);
    }
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  void aHostCanRegisterItsOwnChecker() {
    ChannelChecker relay =
        new ChannelChecker() {
          private final OpenAiChecker openAi = new OpenAiChecker();

          @Override
          public String providerId() {
            return "my-relay";
          }

          @Override
          public String path(ProbeCall call) {
            return openAi.path(call);
          }

          @Override
          public Map<String, String> headers(ProbeCall call) {
            return Map.of("Authorization", "Bearer " + call.apiKey(), "X-Relay", "1");
          }

          @Override
          public ObjectNode body(ProbeCall call) {
            return openAi.body(call);
          }

          @Override
          public Set<String> protectedKeys(ProbeCall call) {
            return openAi.protectedKeys(call);
          }

          @Override
          public io.channelmonitor.probe.Reply parseBody(JsonNode body) {
            return openAi.parseBody(body);
          }

          @Override
          public StreamEvent parseEvent(String event, JsonNode data) {
            return openAi.parseEvent(event, data);
          }
        };
    try (ChannelMonitor cm =
        ChannelMonitor.builder()
            .checker(relay)
            .ssrfPolicy(SsrfPolicy.builder().allowCidr("127.0.0.0/8").build())
            .sslContext(upstream.clientSslContext())
            .build()) {
      Monitor monitor =
          cm.monitors().create(draft(upstream.endpoint(), "a").provider("MY-RELAY").build());

      CheckResult result = cm.monitors().runNow(monitor.id()).get(0);

      assertThat(monitor.provider()).isEqualTo("my-relay");
      assertThat(result.status()).isEqualTo(CheckStatus.OPERATIONAL);
      assertThat(upstream.requests())
          .filteredOn(r -> r.method().equals("POST"))
          .singleElement()
          .satisfies(r -> assertThat(r.header("x-relay")).contains("1"));
    }
  }

  @Test
  void aStoreFailureKeepsTheResults() {
    InMemoryStore store = spy(new InMemoryStore());
    doThrow(new StoreException("insert results failed", null)).when(store).insertResults(anyList());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ChannelMonitor cm =
        ChannelMonitor.builder()
            .store(store)
            .meterRegistry(meters)
            .ssrfPolicy(SsrfPolicy.builder().allowCidr("127.0.0.0/8").build())
            .sslContext(upstream.clientSslContext())
            .build()) {
      Monitor monitor = cm.monitors().create(draft(upstream.endpoint(), "a").build());

      List<CheckResult> results = cm.monitors().runNow(monitor.id());

      assertThat(results)
          .singleElement()
          .extracting(CheckResult::status)
          .isEqualTo(CheckStatus.OPERATIONAL);
      assertThat(cm.monitors().history(monitor.id(), null, 10)).isEmpty();
      assertThat(meters.get("channel.monitor.store.failures").counter().count()).isEqualTo(1.0);
    }
  }
}
