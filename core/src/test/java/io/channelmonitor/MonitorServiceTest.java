package io.channelmonitor;

import static io.channelmonitor.TestMonitors.KEY;
import static io.channelmonitor.TestMonitors.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MonitorServiceTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final InMemoryStore store = new InMemoryStore();

  private ChannelMonitor at(Instant now) {
    return ChannelMonitor.builder()
        .store(store)
        .keyRing(TestKeys.RING)
        .hostResolver(TestMonitors.PUBLIC_RESOLVER)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();
  }

  private MonitorService service() {
    return at(T0).monitors();
  }

  @Test
  void createNormalisesEveryField() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(" X-App ", "cli");
    headers.put("User-Agent", "probe/1.0");
    Monitor created =
        service()
            .create(
                MonitorDraft.builder()
                    .name("  Main  ")
                    .provider(" OpenAI ")
                    .endpoint("  https://API.OpenAI.com/v1/  ")
                    .apiKey("  " + KEY + "  ")
                    .primaryModel(" gpt-4o ")
                    .extraModels(List.of(" gpt-4o-mini", "", "gpt-4o", "gpt-4o-mini ", "o3"))
                    .groupName(" prod ")
                    .extraHeaders(headers)
                    .bodyOverrideMode("MERGE")
                    .bodyOverride("{ \"max_tokens\" : 8 }")
                    .build());

    assertThat(created.id()).isPositive();
    assertThat(created.name()).isEqualTo("Main");
    assertThat(created.provider()).isEqualTo("openai");
    assertThat(created.endpoint()).isEqualTo("https://api.openai.com/v1");
    assertThat(created.apiKey().reveal()).isEqualTo(KEY);
    assertThat(created.primaryModel()).isEqualTo("gpt-4o");
    assertThat(created.extraModels()).containsExactly("gpt-4o-mini", "o3");
    assertThat(created.groupName()).isEqualTo("prod");
    assertThat(created.extraHeaders())
        .containsExactly(Map.entry("X-App", "cli"), Map.entry("User-Agent", "probe/1.0"));
    assertThat(created.bodyOverrideMode()).isEqualTo(BodyOverrideMode.MERGE);
    assertThat(created.bodyOverride()).isEqualTo("{\"max_tokens\":8}");
    assertThat(created.createdAt()).isEqualTo(T0);
    assertThat(created.updatedAt()).isEqualTo(T0);
    assertThat(created.lastCheckedAt()).isNull();
    assertThat(created.config().models()).containsExactly("gpt-4o", "gpt-4o-mini", "o3");
  }

  @Test
  void createAppliesDefaults() {
    Monitor created =
        service()
            .create(
                MonitorDraft.builder()
                    .name("n")
                    .provider("gemini")
                    .endpoint("https://generativelanguage.googleapis.com")
                    .apiKey(KEY)
                    .primaryModel("gemini-2.5-flash")
                    .build());

    assertThat(created.enabled()).isTrue();
    assertThat(created.intervalSeconds())
        .isEqualTo(ChannelMonitorSettings.DEFAULT_INTERVAL_SECONDS);
    assertThat(created.jitterSeconds()).isZero();
    assertThat(created.apiMode()).isEqualTo(ApiMode.CHAT_COMPLETIONS);
    assertThat(created.bodyOverrideMode()).isEqualTo(BodyOverrideMode.OFF);
    assertThat(created.bodyOverride()).isNull();
    assertThat(created.stream()).isFalse();
    assertThat(created.extraModels()).isEmpty();
    assertThat(created.extraHeaders()).isEmpty();
    assertThat(created.groupName()).isEmpty();
  }

  @Test
  void theKeyIsStoredEncryptedAndNeverPrinted() {
    Monitor created = service().create(draft().apiKey(KEY).build());

    MonitorRecord stored = store.findMonitor(created.id()).orElseThrow();
    assertThat(stored.apiKeyCiphertext()).doesNotContain(KEY).doesNotContain(KEY.substring(3, 15));
    assertThat(stored.toString()).doesNotContain(stored.apiKeyCiphertext());
    assertThat(created.toString()).doesNotContain(KEY);
    assertThat(draft().build().toString()).doesNotContain(KEY);
    assertThat(MonitorPatch.builder().apiKey(KEY).build().toString()).doesNotContain(KEY);
    assertThat(created.apiKeyMasked()).isEqualTo("sk-t***");
    assertThat(service().get(created.id()).apiKey().reveal()).isEqualTo(KEY);
  }

  @Test
  void unknownIdsAreNotFoundAndImpossibleIdsInvalid() {
    MonitorService service = service();
    assertRefusedEverywhere(service, 42, Reason.CHANNEL_MONITOR_NOT_FOUND);
    assertRefusedEverywhere(service, 0, Reason.INVALID_MONITOR_ID);
    assertRefusedEverywhere(service, -1, Reason.INVALID_MONITOR_ID);
  }

  private static void assertRefusedEverywhere(MonitorService service, long id, Reason reason) {
    List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls =
        List.of(
            () -> service.get(id),
            () -> service.delete(id),
            () -> service.history(id, null, 10),
            () -> service.update(id, MonitorPatch.builder().name("x").build()),
            () -> service.runNow(id));
    for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call : calls) {
      assertThatThrownBy(call)
          .isInstanceOf(ChannelMonitorException.class)
          .extracting(e -> ((ChannelMonitorException) e).reason())
          .isEqualTo(reason);
    }
  }

  @Test
  void deleteRemovesTheMonitor() {
    MonitorService service = service();
    Monitor kept = service.create(draft().name("kept").build());
    Monitor gone = service.create(draft().name("gone").build());

    service.delete(gone.id());

    assertThatThrownBy(() -> service.get(gone.id())).isInstanceOf(MonitorNotFoundException.class);
    assertThatThrownBy(() -> service.delete(gone.id()))
        .isInstanceOf(MonitorNotFoundException.class);
    assertThat(service.list(MonitorQuery.all()).items())
        .extracting(Monitor::id)
        .containsExactly(kept.id());
  }

  @Test
  void listFiltersSearchesAndPagesNewestFirst() {
    MonitorService service = service();
    Monitor a = service.create(draft().name("Alpha").groupName("prod").build());
    Monitor b =
        service.create(draft().name("Beta").provider("anthropic").primaryModel("claude-x").build());
    Monitor c = service.create(draft().name("Gamma").enabled(false).build());

    assertThat(ids(service.list(MonitorQuery.all()))).containsExactly(c.id(), b.id(), a.id());
    assertThat(ids(service.list(MonitorQuery.all().withProvider("anthropic"))))
        .containsExactly(b.id());
    assertThat(ids(service.list(MonitorQuery.all().withEnabled(false)))).containsExactly(c.id());
    assertThat(ids(service.list(MonitorQuery.all().withSearch("PROD")))).containsExactly(a.id());
    assertThat(ids(service.list(MonitorQuery.all().withSearch("Claude")))).containsExactly(b.id());
    Page<Monitor> second = service.list(MonitorQuery.all().withPage(2, 2));
    assertThat(ids(second)).containsExactly(a.id());
    assertThat(second.total()).isEqualTo(3);
    assertThat(second.pages()).isEqualTo(2);
    assertThat(service.list(MonitorQuery.all().withPage(1, 500)).pageSize()).isEqualTo(100);
  }

  @Test
  void historyIsEmptyUntilResultsExist() {
    Monitor created = service().create(draft().build());

    assertThat(service().history(created.id(), null, 0)).isEmpty();
    assertThat(service().history(created.id(), "gpt-4o-mini", 5)).isEmpty();
  }

  @Test
  void historyLimitsDefaultToOneHundredAndStopAtOneThousand() {
    Monitor created = service().create(draft().extraModels(List.of("o3")).build());
    List<ResultRecord> rows =
        IntStream.range(0, 1001)
            .mapToObj(
                i ->
                    new ResultRecord(
                        0,
                        created.id(),
                        new CheckResult(
                            i % 2 == 0 ? "gpt-4o-mini" : "o3",
                            CheckStatus.OPERATIONAL,
                            FailureKind.NONE,
                            100,
                            null,
                            20L,
                            "",
                            T0.plusSeconds(i))))
            .toList();
    store.insertResults(rows);

    assertThat(service().history(created.id(), null, 0)).hasSize(100);
    assertThat(service().history(created.id(), null, -5)).hasSize(100);
    assertThat(service().history(created.id(), null, 5000)).hasSize(1000);
    List<ResultRecord> o3 = service().history(created.id(), " o3 ", 3);
    assertThat(o3).extracting(r -> r.result().model()).containsOnly("o3");
    assertThat(o3)
        .extracting(r -> r.result().checkedAt())
        .containsExactly(T0.plusSeconds(999), T0.plusSeconds(997), T0.plusSeconds(995));
  }

  @Test
  void limitsCountCharactersNotUtf16UnitsAndBodiesKeepTheirNumbersExact() {
    String emoji = "\uD83D\uDE80";
    Monitor created =
        service()
            .create(
                draft()
                    .name(emoji.repeat(100))
                    .bodyOverrideMode("merge")
                    .bodyOverride(
                        "{\"t\":1e400,\"p\":1.00000000000000000001,\"n\":12345678901234567890123}")
                    .build());

    assertThat(created.name()).hasSize(200);
    assertThat(created.bodyOverride())
        .isEqualTo("{\"t\":1E+400,\"p\":1.00000000000000000001,\"n\":12345678901234567890123}");
  }

  @Test
  void credentialHeadersCarryThePlaceholderAndNoValueIsPrinted() {
    Monitor created =
        service()
            .create(
                draft()
                    .extraHeaders(Map.of("api-key", "{api_key}", "X-Team", "team-secret-value"))
                    .build());

    assertThat(created.extraHeaders()).containsEntry("api-key", "{api_key}");
    assertThat(created.toString()).doesNotContain("team-secret-value").contains("X-Team");
    assertThat(store.findMonitor(created.id()).orElseThrow().toString())
        .doesNotContain("team-secret-value");
  }

  @Test
  void providerFiltersIgnoreCase() {
    MonitorService service = service();
    Monitor created = service.create(draft().provider("OpenAI").build());

    assertThat(ids(service.list(MonitorQuery.all().withProvider(" OPENAI "))))
        .containsExactly(created.id());
  }

  private static List<Long> ids(Page<Monitor> page) {
    return page.items().stream().map(Monitor::id).toList();
  }
}
