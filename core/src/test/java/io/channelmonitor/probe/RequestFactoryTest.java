package io.channelmonitor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.channelmonitor.ApiMode;
import io.channelmonitor.BodyOverrideMode;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorConfig;
import io.channelmonitor.secret.ApiKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestFactoryTest {
  private static final String KEY = "sk-request-factory-key-123456";
  private final RequestFactory factory = new RequestFactory();
  private final ObjectMapper json = new ObjectMapper();

  static Monitor monitor(
      String provider,
      String endpoint,
      ApiMode mode,
      Map<String, String> headers,
      BodyOverrideMode bodyMode,
      String body,
      boolean stream) {
    MonitorConfig config =
        new MonitorConfig(
            "m", provider, endpoint, "model-a", List.of(), "", true, 60, 0, mode, headers, bodyMode,
            body, stream);
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    return new Monitor(1, config, ApiKey.of(KEY), false, at, at, null);
  }

  private static Monitor plain(String provider, String endpoint) {
    return monitor(
        provider, endpoint, ApiMode.CHAT_COMPLETIONS, Map.of(), BodyOverrideMode.OFF, null, false);
  }

  @ParameterizedTest
  @CsvSource({
    "https://api.openai.com, /v1/chat/completions, https://api.openai.com/v1/chat/completions",
    "https://relay.example/v1, /v1/chat/completions, https://relay.example/v1/chat/completions",
    "https://relay.example/openai, /v1/messages, https://relay.example/openai/v1/messages",
    "https://g.example/v1beta, /v1beta/models/x:generateContent, https://g.example/v1beta/models/x:generateContent",
    "https://relay.example/xv1, /v1/responses, https://relay.example/xv1/v1/responses",
  })
  void aTrailingVersionSegmentIsNotDoubled(String endpoint, String path, String url) {
    assertThat(RequestFactory.join(endpoint, path)).isEqualTo(url);
  }

  @Test
  void extraHeadersOverrideCaseInsensitivelyAndTransportHeadersAreDropped() {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("authorization", "Bearer other");
    extra.put("X-App", "cli");
    extra.put("Host", "evil.example");
    Monitor monitor =
        monitor(
            "openai",
            "https://api.openai.com",
            ApiMode.CHAT_COMPLETIONS,
            extra,
            BodyOverrideMode.OFF,
            null,
            true);

    ProbeRequest request = factory.build(new OpenAiChecker(), call(monitor));

    assertThat(request.headers())
        .containsEntry("authorization", "Bearer other")
        .containsEntry("X-App", "cli")
        .containsEntry("Accept", "text/event-stream")
        .doesNotContainKey("Authorization")
        .doesNotContainKey("Host");
    assertThat(request.toString()).doesNotContain("Bearer");
  }

  @Test
  void mergeKeepsTheChallengeAndModelButAddsOtherKeys() throws Exception {
    String override = "{\"model\":\"cheap\",\"messages\":[],\"max_tokens\":5,\"temperature\":0}";
    JsonNode body = openAiBody(BodyOverrideMode.MERGE, override);

    assertThat(body.get("model").asText()).isEqualTo("model-a");
    assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo("PROMPT");
    assertThat(body.get("max_tokens").asInt()).isEqualTo(5);
    assertThat(body.get("temperature").asInt()).isZero();
  }

  @Test
  void replaceSendsTheOverrideVerbatim() throws Exception {
    String override = "{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    JsonNode body = openAiBody(BodyOverrideMode.REPLACE, override);

    assertThat(body).isEqualTo(json.readTree(override));
  }

  @Test
  void eachProviderPutsTheKeyInAHeaderAndNeverInTheUrl() {
    for (ChannelChecker checker :
        List.of(new OpenAiChecker(), new AnthropicChecker(), new GeminiChecker())) {
      ProbeRequest request =
          factory.build(checker, call(plain(checker.providerId(), "https://api.example.com")));
      assertThat(request.url()).doesNotContain(KEY);
      assertThat(request.headers().values()).anySatisfy(v -> assertThat(v).contains(KEY));
    }
  }

  @Test
  void geminiEscapesTheModelName() {
    Monitor monitor = plain("gemini", "https://g.example");
    ProbeCall call = new ProbeCall(monitor, "tuned/../x y", "PROMPT", 32, false);

    assertThat(factory.build(new GeminiChecker(), call).url())
        .isEqualTo("https://g.example/v1beta/models/tuned%2F..%2Fx%20y:generateContent");
  }

  @Test
  void openAiReasoningModelsGetMaxCompletionTokens() throws Exception {
    Monitor monitor = plain("openai", "https://api.openai.com");
    JsonNode reasoning =
        json.readTree(
            factory
                .build(new OpenAiChecker(), new ProbeCall(monitor, "o3-mini", "P", 2048, false))
                .body());
    JsonNode chat =
        json.readTree(
            factory
                .build(new OpenAiChecker(), new ProbeCall(monitor, "gpt-4o", "P", 32, false))
                .body());

    assertThat(reasoning.get("max_completion_tokens").asInt()).isEqualTo(2048);
    assertThat(reasoning.has("max_tokens")).isFalse();
    assertThat(chat.get("max_tokens").asInt()).isEqualTo(32);
  }

  /** The body an OpenAI chat monitor with this body override sends. */
  private JsonNode openAiBody(BodyOverrideMode mode, String override) throws Exception {
    Monitor monitor =
        monitor(
            "openai",
            "https://api.openai.com",
            ApiMode.CHAT_COMPLETIONS,
            Map.of(),
            mode,
            override,
            false);
    return json.readTree(factory.build(new OpenAiChecker(), call(monitor)).body());
  }

  private static ProbeCall call(Monitor monitor) {
    return new ProbeCall(monitor, "model-a", "PROMPT", 32, monitor.stream());
  }
}
