package io.channelmonitor.spring.boot.web;

import static io.channelmonitor.spring.boot.web.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.jdbc.JdbcStore;
import io.channelmonitor.schedule.SettingsProvider;
import io.channelmonitor.spring.boot.ChannelMonitorCustomizer;
import io.channelmonitor.spring.boot.web.Http.Answer;
import io.channelmonitor.testkit.store.StoreFixtures;
import io.channelmonitor.testkit.upstream.Behaviour;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Every REST route against a real server: Tomcat on a random port, the JDBC store on embedded H2,
 * and the testkit's fake upstream (HTTPS on loopback) for runs.
 */
@SpringBootTest(
    classes = RestApiIntegrationTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "channel-monitor.web.admin.enabled=true",
      "channel-monitor.ssrf.allowed-cidrs=127.0.0.0/8",
      "channel-monitor.key-ring.primary-id=k1",
      "channel-monitor.key-ring.keys.k1=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      "management.endpoints.web.exposure.include=health,channelmonitors",
      "management.endpoint.health.show-details=always",
      TestHosts.WITHOUT_JPA_OR_SECURITY
    })
class RestApiIntegrationTest {
  static final FakeUpstream UPSTREAM = FakeUpstream.builder().https(true).build();
  static final AtomicBoolean SWITCH = new AtomicBoolean(true);
  static final String ADMIN = "/api/v1/admin/channel-monitors";
  static final String USER = "/api/v1/channel-monitors";
  static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    ChannelMonitorCustomizer trustTheFakeUpstream() {
      return builder -> builder.sslContext(UPSTREAM.clientSslContext());
    }

    @Bean
    SettingsProvider featureSwitch() {
      return SWITCH::get;
    }
  }

  @LocalServerPort int port;
  @Autowired ChannelMonitor channelMonitor;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    SWITCH.set(true);
    UPSTREAM.reset();
  }

  @AfterEach
  void switchBackOn() {
    SWITCH.set(true);
  }

  @AfterAll
  static void stopUpstream() {
    UPSTREAM.close();
  }

  @Test
  void theStoreIsJdbcOnTheEmbeddedDatabase() {
    assertThat(channelMonitor.store()).isInstanceOf(JdbcStore.class);
  }

  @Test
  void createAnswers201WithTheMaskedKeyAndSecondPrecisionUtcTimes() {
    Answer created = http.post(ADMIN, monitorJson("created", false));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.contentType()).startsWith("application/json");
    assertThat(created.json().path("code").asInt()).isZero();
    assertThat(created.json().path("message").asText()).isEqualTo("success");
    JsonNode data = created.data();
    assertThat(data.path("id").asLong()).isPositive();
    assertThat(data.path("api_key_masked").asText()).isEqualTo("sk-t***");
    assertThat(data.has("api_key")).isFalse();
    assertThat(created.text()).doesNotContain("sk-test-secret");
    assertThat(data.path("endpoint").asText()).isEqualTo(UPSTREAM.endpoint());
    assertThat(data.path("interval_seconds").asInt()).isEqualTo(60);
    assertThat(data.path("enabled").asBoolean()).isFalse();
    assertThat(data.path("created_at").asText()).matches(TIME);
    assertThat(data.path("updated_at").asText()).matches(TIME);
    assertThat(data.get("last_checked_at").isNull()).isTrue();
    assertThat(data.path("extra_models_status").isArray()).isTrue();
  }

  @Test
  void getReturnsOneMonitorAndRefusesBadOrUnknownIds() {
    long id = create("get-me", false);
    Answer one = http.get(ADMIN + "/" + id);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.data().path("name").asText()).isEqualTo("get-me");
    assertThat(one.data().get("primary_status").isNull()).isTrue();

    Answer missing = http.get(ADMIN + "/999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("code").asInt()).isEqualTo(404);
    assertThat(missing.reason()).isEqualTo("CHANNEL_MONITOR_NOT_FOUND");
    assertThat(http.get(ADMIN + "/abc").reason()).isEqualTo("INVALID_MONITOR_ID");
    assertThat(http.get(ADMIN + "/0").status()).isEqualTo(400);
  }

  @Test
  void listPagesAndFilters() {
    String tag = "paging-" + System.nanoTime();
    for (int i = 0; i < 3; i++) {
      create(tag + "-" + i, false);
    }
    Answer page = http.get(ADMIN + "?search=" + tag + "&page_size=2&page=1");
    assertThat(page.status()).isEqualTo(200);
    JsonNode data = page.data();
    assertThat(data.path("total").asInt()).isEqualTo(3);
    assertThat(data.path("page").asInt()).isEqualTo(1);
    assertThat(data.path("page_size").asInt()).isEqualTo(2);
    assertThat(data.path("pages").asInt()).isEqualTo(2);
    assertThat(data.path("items")).hasSize(2);
    assertThat(data.path("items").get(0).path("name").asText()).isEqualTo(tag + "-2");
    assertThat(data.path("items").get(0).has("availability_7d")).isTrue();

    assertThat(http.get(ADMIN + "?search=" + tag + "&limit=1").data().path("items")).hasSize(1);
    assertThat(http.get(ADMIN + "?search=" + tag + "&enabled=yes").data().path("total").asInt())
        .isZero();
    assertThat(http.get(ADMIN + "?search=" + tag + "&provider=gemini").data().path("total").asInt())
        .isZero();
    assertThat(http.get(ADMIN + "?search=" + tag + "&enabled=maybe").data().path("total").asInt())
        .isEqualTo(3);
  }

  @Test
  void updateIsPartialAndKeepsTheKey() {
    long id = create("before", false);
    Answer updated = http.put(ADMIN + "/" + id, json("name", "after", "group_name", "team-a"));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.data().path("name").asText()).isEqualTo("after");
    assertThat(updated.data().path("group_name").asText()).isEqualTo("team-a");
    assertThat(updated.data().path("api_key_masked").asText()).isEqualTo("sk-t***");
    assertThat(updated.data().path("primary_model").asText()).isEqualTo("gpt-4o-mini");

    Answer blank = http.put(ADMIN + "/" + id, json("name", "  "));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.reason()).isEqualTo("VALIDATION_ERROR");
    Answer interval = http.put(ADMIN + "/" + id, json("interval_seconds", 5));
    assertThat(interval.reason()).isEqualTo("CHANNEL_MONITOR_INVALID_INTERVAL");
    assertThat(http.put(ADMIN + "/999999", json("name", "x")).status()).isEqualTo(404);
  }

  @Test
  void theSeedsTemplateFieldsAreAcceptedAndChangeNothing() {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("template_id", 7);
    body.put("extra_headers", Map.of("X-App", "cli"));
    Answer created = http.post(ADMIN, Http.jsonMap(body, monitorJson("templated", false)));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.data().get("template_id").isNull()).isTrue();
    assertThat(created.data().path("extra_headers").path("X-App").asText()).isEqualTo("cli");
    long id = created.data().path("id").asLong();
    Answer cleared = http.put(ADMIN + "/" + id, json("clear_template", true, "template_id", 9));
    assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
    assertThat(cleared.data().path("name").asText()).isEqualTo("templated");
    assertThat(cleared.data().get("template_id").isNull()).isTrue();
    assertThat(http.put(ADMIN + "/" + id, json("template_id", null)).status()).isEqualTo(200);
    assertThat(http.get(ADMIN + "/" + id).data().path("extra_headers").path("X-App").asText())
        .isEqualTo("cli");
  }

  @Test
  void deleteRemovesTheMonitorAndAnswersWithoutData() {
    long id = create("doomed", false);
    Answer deleted = http.delete(ADMIN + "/" + id);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().has("data")).isFalse();
    assertThat(deleted.json().path("code").asInt()).isZero();
    assertThat(http.get(ADMIN + "/" + id).status()).isEqualTo(404);
    assertThat(http.delete(ADMIN + "/" + id).reason()).isEqualTo("CHANNEL_MONITOR_NOT_FOUND");
  }

  @Test
  void runNowProbesTheUpstreamAndHistoryShowsTheResults() {
    long id = create("runner", false);
    Answer run = http.post(ADMIN + "/" + id + "/run", null);
    assertThat(run.status()).isEqualTo(200);
    JsonNode result = run.data().path("results").get(0);
    assertThat(result.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(result.path("status").asText()).isEqualTo("operational");
    assertThat(result.path("checked_at").asText()).matches(TIME);
    assertThat(result.has("latency_ms")).isTrue();
    assertThat(result.has("ping_latency_ms")).isTrue();
    assertThat(result.has("id")).isFalse();
    assertThat(UPSTREAM.requests()).isNotEmpty();

    Answer history = http.get(ADMIN + "/" + id + "/history?limit=5");
    assertThat(history.status()).isEqualTo(200);
    JsonNode row = history.data().path("items").get(0);
    assertThat(row.path("id").asLong()).isPositive();
    assertThat(row.path("status").asText()).isEqualTo("operational");
    assertThat(row.has("message")).isTrue();
    assertThat(http.get(ADMIN + "/" + id + "/history?model=other").data().path("items")).isEmpty();
    assertThat(http.get(ADMIN + "/" + id).data().path("last_checked_at").asText()).matches(TIME);
    assertThat(http.get(ADMIN + "/999999/history").status()).isEqualTo(404);
  }

  @Test
  void aSecondRunWhileOneIsInFlightIsAConflict() throws Exception {
    UPSTREAM.script("gpt-slow", Behaviour.slowTotal(Duration.ofSeconds(2)));
    long id =
        created(
            http.post(
                ADMIN,
                json(
                    "name",
                    "slow",
                    "provider",
                    "openai",
                    "endpoint",
                    UPSTREAM.endpoint(),
                    "api_key",
                    "sk-test-secret",
                    "primary_model",
                    "gpt-slow",
                    "enabled",
                    false)));
    CompletableFuture<Answer> first =
        CompletableFuture.supplyAsync(() -> http.post(ADMIN + "/" + id + "/run", null));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (UPSTREAM.requests().stream().noneMatch(r -> r.body().contains("gpt-slow"))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Answer second = http.post(ADMIN + "/" + id + "/run", null);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.reason()).isEqualTo("CHANNEL_MONITOR_RUN_IN_PROGRESS");
    assertThat(first.get().status()).isEqualTo(200);
  }

  @Test
  void runWithTheSwitchOffIsForbidden() {
    long id = create("switched", false);
    SWITCH.set(false);
    Answer run = http.post(ADMIN + "/" + id + "/run", null);
    assertThat(run.status()).isEqualTo(403);
    assertThat(run.reason()).isEqualTo("CHANNEL_MONITOR_DISABLED");
  }

  @Test
  void aKeyThatCannotBeDecryptedIsA500WithItsReason() {
    long id =
        channelMonitor
            .store()
            .insertMonitor(
                StoreFixtures.monitor()
                    .name("broken-key")
                    .enabled(false)
                    .apiKeyCiphertext("not-a-ciphertext")
                    .record())
            .id();
    assertThat(http.get(ADMIN + "/" + id).data().path("api_key_decrypt_failed").asBoolean())
        .isTrue();
    Answer run = http.post(ADMIN + "/" + id + "/run", null);
    assertThat(run.status()).isEqualTo(500);
    assertThat(run.json().path("code").asInt()).isEqualTo(500);
    assertThat(run.reason()).isEqualTo("CHANNEL_MONITOR_KEY_DECRYPT_FAILED");
  }

  @Test
  void theLibrarysValidationReasonsComeBackAs400() {
    Answer privateHost =
        http.post(
            ADMIN,
            json(
                "name",
                "x",
                "provider",
                "openai",
                "endpoint",
                "https://10.1.2.3",
                "api_key",
                "sk-1",
                "primary_model",
                "m"));
    assertThat(privateHost.status()).isEqualTo(400);
    assertThat(privateHost.json().path("code").asInt()).isEqualTo(400);
    assertThat(privateHost.reason()).isEqualTo("CHANNEL_MONITOR_ENDPOINT_PRIVATE");
    Answer provider = http.post(ADMIN, monitorJson("x", false).replace("openai", "nope"));
    assertThat(provider.reason()).isEqualTo("CHANNEL_MONITOR_INVALID_PROVIDER");
    Answer noKey =
        http.post(ADMIN, json("name", "x", "provider", "openai", "endpoint", UPSTREAM.endpoint()));
    assertThat(noKey.status()).isEqualTo(400);
  }

  @Test
  void malformedOrMistypedBodiesAre400NeverA500() {
    List<String> bad = new ArrayList<>();
    bad.add("{\"name\": ");
    bad.add("[]");
    bad.add("\"text\"");
    bad.add("");
    bad.add("{\"name\": \"a\"} trailing");
    bad.add(monitorJson("x", false).replace("\"enabled\":false", "\"enabled\":\"false\""));
    bad.add(monitorJson("x", false).replace("\"enabled\":false", "\"enabled\":0"));
    bad.add(json("name", "x", "interval_seconds", "60"));
    bad.add(json("name", "x", "interval_seconds", 60.5));
    bad.add(json("name", "x", "interval_seconds", 99999999999L));
    bad.add(json("name", 42));
    bad.add(json("extra_models", "not-a-list"));
    bad.add(json("extra_models", java.util.Arrays.asList("a", null)));
    bad.add(json("extra_headers", Map.of("x-a", 1)));
    bad.add(json("unknown_field", 1));
    bad.add(json("template_id", "3"));
    bad.add(json("template_id", 1.5));
    bad.add(json("clear_template", "yes"));
    bad.add("{\"name\": \"a\", \"name\": \"b\"}");
    bad.add("{\"name\": \"\\ud800\"}");
    bad.add(monitorJson("n".repeat(101), false));
    bad.add(json("name", "x".repeat(300 * 1024)));
    bad.add("[".repeat(500) + "]".repeat(500));
    for (String body : bad) {
      Answer answer = http.post(ADMIN, body);
      assertThat(answer.status()).as(abbreviate(body)).isEqualTo(400);
      assertThat(answer.reason()).as(abbreviate(body)).isEqualTo("VALIDATION_ERROR");
      assertThat(answer.json().path("code").asInt()).isEqualTo(400);
      assertThat(answer.json().path("message").asText()).isNotBlank();
    }
    long id = create("typed", false);
    assertThat(http.put(ADMIN + "/" + id, json("interval_seconds", "90")).status()).isEqualTo(400);
    assertThat(http.put(ADMIN + "/" + id, "{oops").reason()).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void theUserListShowsEnabledMonitorsWithoutAnythingSecret() throws Exception {
    long id = create("public-view", false);
    http.post(ADMIN + "/" + id + "/run", null);
    http.put(ADMIN + "/" + id, json("enabled", true));
    long disabled = create("hidden", false);
    Answer list = http.get(USER);
    assertThat(list.status()).isEqualTo(200);
    JsonNode mine = find(list.data().path("items"), id);
    assertThat(mine).isNotNull();
    assertThat(find(list.data().path("items"), disabled)).isNull();
    assertThat(mine.path("name").asText()).isEqualTo("public-view");
    assertThat(mine.path("primary_status").asText()).isEqualTo("operational");
    assertThat(mine.path("availability_7d").asDouble()).isEqualTo(100.0);
    assertThat(mine.path("timeline")).isNotEmpty();
    assertThat(mine.path("timeline").get(0).path("checked_at").asText()).matches(TIME);
    for (String hidden :
        List.of(
            "endpoint",
            "api_key",
            "api_key_masked",
            "interval_seconds",
            "enabled",
            "created_at",
            "updated_at",
            "last_checked_at",
            "extra_headers",
            "body_override")) {
      assertThat(mine.has(hidden)).as(hidden).isFalse();
    }
    assertThat(list.text()).doesNotContain(UPSTREAM.endpoint()).doesNotContain("sk-t");
    assertThat(list.data().toString()).doesNotContain("\"message\"");
  }

  @Test
  void theUserStatusShowsPerModelFiguresAndHidesDisabledMonitors() {
    long id = create("status-view", false);
    http.post(ADMIN + "/" + id + "/run", null);
    http.put(ADMIN + "/" + id, json("enabled", true));
    Answer status = http.get(USER + "/" + id + "/status");
    assertThat(status.status()).isEqualTo(200);
    JsonNode model = status.data().path("models").get(0);
    assertThat(model.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(model.path("latest_status").asText()).isEqualTo("operational");
    assertThat(model.path("availability_7d").asDouble()).isEqualTo(100.0);
    assertThat(model.path("availability_15d").asDouble()).isEqualTo(100.0);
    assertThat(model.path("availability_30d").asDouble()).isEqualTo(100.0);
    assertThat(model.has("avg_latency_7d_ms")).isTrue();
    assertThat(status.data().has("endpoint")).isFalse();

    long disabled = create("status-hidden", false);
    assertThat(http.get(USER + "/" + disabled + "/status").status()).isEqualTo(404);
    assertThat(http.get(USER + "/999999/status").reason()).isEqualTo("CHANNEL_MONITOR_NOT_FOUND");
    assertThat(http.get(USER + "/abc/status").reason()).isEqualTo("INVALID_MONITOR_ID");
  }

  @Test
  void withTheSwitchOffTheUserViewIsEmptyAndEveryStatusIs404() {
    long id = create("off-view", false);
    http.put(ADMIN + "/" + id, json("enabled", true));
    SWITCH.set(false);
    assertThat(http.get(USER).data().path("items")).isEmpty();
    Answer status = http.get(USER + "/" + id + "/status");
    assertThat(status.status()).isEqualTo(404);
    assertThat(status.reason()).isEqualTo("CHANNEL_MONITOR_NOT_FOUND");
    assertThat(http.get(USER + "/not-even-an-id/status").status()).isEqualTo(404);
  }

  @Test
  void actuatorHealthAndTheChannelmonitorsEndpointAnswer() {
    long id = create("ops-view", false);
    Answer health = http.get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    JsonNode component = health.json().path("components").path("channelMonitor");
    assertThat(component.path("status").asText()).isEqualTo("UP");
    assertThat(component.path("details").path("store").asText()).isEqualTo("reachable");
    Answer endpoint = http.get("/actuator/channelmonitors");
    assertThat(endpoint.status()).isEqualTo(200);
    assertThat(find(endpoint.json().path("monitors"), id).path("name").asText())
        .isEqualTo("ops-view");
    assertThat(endpoint.text()).doesNotContain(UPSTREAM.endpoint());
  }

  private long create(String name, boolean enabled) {
    return created(http.post(ADMIN, monitorJson(name, enabled)));
  }

  private static long created(Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return answer.data().path("id").asLong();
  }

  private static String monitorJson(String name, boolean enabled) {
    return json(
        "name",
        name,
        "provider",
        "openai",
        "endpoint",
        UPSTREAM.endpoint(),
        "api_key",
        "sk-test-secret",
        "primary_model",
        "gpt-4o-mini",
        "enabled",
        enabled);
  }

  private static JsonNode find(JsonNode items, long id) {
    for (JsonNode item : items) {
      if (item.path("id").asLong() == id) {
        return item;
      }
    }
    return null;
  }

  private static String abbreviate(String body) {
    return body.length() > 80 ? body.substring(0, 80) + "..." : body;
  }
}
