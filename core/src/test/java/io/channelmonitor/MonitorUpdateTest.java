package io.channelmonitor;

import static io.channelmonitor.TestMonitors.KEY;
import static io.channelmonitor.TestMonitors.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.ssrf.HostResolver;
import io.channelmonitor.store.InMemoryStore;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MonitorUpdateTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-03-01T11:30:00Z");

  private final InMemoryStore store = new InMemoryStore();
  private final AtomicInteger lookups = new AtomicInteger();
  private final HostResolver countingResolver =
      host -> {
        lookups.incrementAndGet();
        byte[] address =
            host.startsWith("internal") ? new byte[] {10, 1, 2, 3} : new byte[] {8, 8, 4, 4};
        return List.of(InetAddress.getByAddress(host, address));
      };

  private MonitorService at(Instant now) {
    return ChannelMonitor.builder()
        .store(store)
        .keyRing(TestKeys.RING)
        .hostResolver(countingResolver)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build()
        .monitors();
  }

  @Test
  void absentFieldsKeepTheirValuesAndUpdatedAtMoves() {
    Monitor created =
        at(T0).create(draft().extraModels(List.of("o3")).groupName("g").jitterSeconds(5).build());

    Monitor updated = at(T1).update(created.id(), MonitorPatch.builder().name(" Renamed ").build());

    assertThat(updated.name()).isEqualTo("Renamed");
    assertThat(updated.config())
        .usingRecursiveComparison()
        .ignoringFields("name")
        .isEqualTo(created.config());
    assertThat(updated.apiKey().reveal()).isEqualTo(KEY);
    assertThat(updated.createdAt()).isEqualTo(T0);
    assertThat(updated.updatedAt()).isEqualTo(T1);
    assertThat(at(T1).get(created.id())).isEqualTo(updated);
  }

  @Test
  void aBlankKeyKeepsTheStoredKeyAndANewKeyReplacesItTrimmed() {
    Monitor created = at(T0).create(draft().build());
    String ciphertext = store.findMonitor(created.id()).orElseThrow().apiKeyCiphertext();

    at(T1).update(created.id(), MonitorPatch.builder().apiKey("   ").build());
    assertThat(store.findMonitor(created.id()).orElseThrow().apiKeyCiphertext())
        .isEqualTo(ciphertext);

    Monitor rekeyed =
        at(T1).update(created.id(), MonitorPatch.builder().apiKey("  sk-new-key-98765  ").build());
    assertThat(rekeyed.apiKey().reveal()).isEqualTo("sk-new-key-98765");
    assertThat(at(T1).get(created.id()).apiKey().reveal()).isEqualTo("sk-new-key-98765");
  }

  static Stream<Arguments> refusedPatches() {
    return Stream.of(
        Arguments.of("blank name", patch(p -> p.name(" ")), Reason.VALIDATION_ERROR),
        Arguments.of(
            "blank primary model",
            patch(p -> p.primaryModel("")),
            Reason.CHANNEL_MONITOR_MISSING_PRIMARY_MODEL),
        Arguments.of(
            "interval below 15",
            patch(p -> p.intervalSeconds(10)),
            Reason.CHANNEL_MONITOR_INVALID_INTERVAL),
        Arguments.of(
            "jitter too large for the stored interval",
            patch(p -> p.jitterSeconds(50)),
            Reason.CHANNEL_MONITOR_INVALID_JITTER),
        Arguments.of(
            "private endpoint",
            patch(p -> p.endpoint("https://internal.corp.example")),
            Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE),
        Arguments.of(
            "responses for anthropic",
            patch(p -> p.provider("anthropic").apiMode("responses")),
            Reason.CHANNEL_MONITOR_INVALID_API_MODE),
        Arguments.of(
            "merge mode without body",
            patch(p -> p.bodyOverrideMode("merge")),
            Reason.CHANNEL_MONITOR_TEMPLATE_BODY_REQUIRED),
        Arguments.of(
            "forbidden header",
            patch(p -> p.extraHeaders(java.util.Map.of("Transfer-Encoding", "x"))),
            Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_FORBIDDEN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedPatches")
  void aRefusedPatchChangesNothing(String description, MonitorPatch patch, Reason expected) {
    Monitor created = at(T0).create(draft().build());

    assertThatThrownBy(() -> at(T1).update(created.id(), patch))
        .isInstanceOf(MonitorValidationException.class)
        .extracting(e -> ((ChannelMonitorException) e).reason())
        .isEqualTo(expected);
    assertThat(at(T1).get(created.id())).isEqualTo(created);
  }

  @Test
  void theEndpointIsResolvedAgainOnlyWhenThePatchSetsIt() {
    Monitor created = at(T0).create(draft().build());
    int afterCreate = lookups.get();

    at(T1).update(created.id(), MonitorPatch.builder().name("other").intervalSeconds(120).build());
    assertThat(lookups.get()).isEqualTo(afterCreate);

    Monitor moved =
        at(T1)
            .update(
                created.id(),
                MonitorPatch.builder().endpoint("https://relay.example.com/").build());
    assertThat(lookups.get()).isEqualTo(afterCreate + 1);
    assertThat(moved.endpoint()).isEqualTo("https://relay.example.com");
  }

  @Test
  void switchingAwayFromOpenAiResetsTheResponsesMode() {
    Monitor created = at(T0).create(draft().apiMode(ApiMode.RESPONSES).build());
    assertThat(created.apiMode()).isEqualTo(ApiMode.RESPONSES);

    Monitor switched =
        at(T1)
            .update(
                created.id(),
                MonitorPatch.builder().provider("anthropic").primaryModel("claude-x").build());

    assertThat(switched.provider()).isEqualTo("anthropic");
    assertThat(switched.apiMode()).isEqualTo(ApiMode.CHAT_COMPLETIONS);
  }

  @Test
  void renamesProbeTheSameThingOtherEditsDoNot() {
    Monitor created = at(T0).create(draft().build());
    Monitor renamed =
        at(T1).update(created.id(), MonitorPatch.builder().name("x").groupName("y").build());
    Monitor slower =
        at(T1).update(created.id(), MonitorPatch.builder().intervalSeconds(300).build());

    assertThat(renamed.config().probesSameAs(created.config())).isTrue();
    assertThat(slower.config().probesSameAs(renamed.config())).isFalse();
  }

  private static MonitorPatch patch(UnaryOperator<MonitorPatch.Builder> change) {
    return change.apply(MonitorPatch.builder()).build();
  }
}
