package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The four provider APIs as a client sees them: requests to build, answers to read. */
enum Api {
  CHAT,
  RESPONSES,
  ANTHROPIC,
  GEMINI;

  static final String KEY = "sk-test-key-0123456789";

  HttpRequest request(FakeUpstream upstream, String model, String prompt, boolean stream) {
    return request(upstream, model, prompt, stream, KEY);
  }

  HttpRequest request(
      FakeUpstream upstream, String model, String prompt, boolean stream, String key) {
    return builder(upstream, model, stream, key)
        .POST(HttpRequest.BodyPublishers.ofString(body(model, prompt, stream)))
        .build();
  }

  /** A request builder with the path and auth headers; the body is up to the caller. */
  HttpRequest.Builder builder(FakeUpstream upstream, String model, boolean stream, String key) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(upstream.endpoint() + path(model, stream)))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json");
    if (key != null) {
      switch (this) {
        case CHAT, RESPONSES -> builder.header("Authorization", "Bearer " + key);
        case ANTHROPIC -> builder.header("x-api-key", key);
        case GEMINI -> builder.header("x-goog-api-key", key);
      }
    }
    if (this == ANTHROPIC) {
      builder.header("anthropic-version", "2023-06-01");
    }
    return builder;
  }

  String path(String model, boolean stream) {
    return switch (this) {
      case CHAT -> "/v1/chat/completions";
      case RESPONSES -> "/v1/responses";
      case ANTHROPIC -> "/v1/messages";
      case GEMINI ->
          "/v1beta/models/"
              + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20")
              + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
    };
  }

  /** The body the library would send: the prompt as the last user message. */
  String body(String model, String prompt, boolean stream) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    switch (this) {
      case CHAT -> {
        body.put("model", model);
        body.putArray("messages").add(message("system", "Be brief.")).add(message("user", prompt));
      }
      case RESPONSES -> {
        body.put("model", model);
        ObjectNode user = body.putArray("input").addObject().put("role", "user");
        user.putArray("content").addObject().put("type", "input_text").put("text", prompt);
      }
      case ANTHROPIC -> {
        body.put("model", model).put("max_tokens", 16);
        ObjectNode user = body.putArray("messages").addObject().put("role", "user");
        user.putArray("content").addObject().put("type", "text").put("text", prompt);
      }
      case GEMINI -> {
        ObjectNode user = body.putArray("contents").addObject().put("role", "user");
        user.putArray("parts").addObject().put("text", prompt);
      }
    }
    if (stream && this != GEMINI) {
      body.put("stream", true);
    }
    return body.toString();
  }

  private static ObjectNode message(String role, String content) {
    return JsonNodeFactory.instance.objectNode().put("role", role).put("content", content);
  }

  /** The answer text of a whole answer, reasoning skipped. */
  String answer(JsonNode body) {
    return switch (this) {
      case CHAT -> body.path("choices").path(0).path("message").path("content").asText();
      case RESPONSES ->
          stream(body.path("output"))
              .filter(item -> item.path("type").asText().equals("message"))
              .flatMap(item -> stream(item.path("content")))
              .filter(part -> part.path("type").asText().equals("output_text"))
              .map(part -> part.path("text").asText())
              .collect(Collectors.joining());
      case ANTHROPIC ->
          stream(body.path("content"))
              .filter(block -> block.path("type").asText().equals("text"))
              .map(block -> block.path("text").asText())
              .collect(Collectors.joining());
      case GEMINI -> geminiParts(body, false);
    };
  }

  /** The reasoning text of a whole answer, "" when none. */
  String reasoning(JsonNode body) {
    return switch (this) {
      case CHAT -> body.path("choices").path(0).path("message").path("reasoning_content").asText();
      case RESPONSES ->
          stream(body.path("output"))
              .filter(item -> item.path("type").asText().equals("reasoning"))
              .flatMap(item -> stream(item.path("summary")))
              .map(summary -> summary.path("text").asText())
              .collect(Collectors.joining());
      case ANTHROPIC ->
          stream(body.path("content"))
              .filter(block -> block.path("type").asText().equals("thinking"))
              .map(block -> block.path("thinking").asText())
              .collect(Collectors.joining());
      case GEMINI -> geminiParts(body, true);
    };
  }

  /** The concatenated text deltas of a stream, reasoning skipped. */
  String streamedAnswer(List<Sse.Event> events) {
    return events.stream()
        .filter(Sse.Event::isJson)
        .map(event -> textDelta(event, false))
        .collect(Collectors.joining());
  }

  /** The concatenated reasoning deltas of a stream. */
  String streamedReasoning(List<Sse.Event> events) {
    return events.stream()
        .filter(Sse.Event::isJson)
        .map(event -> textDelta(event, true))
        .collect(Collectors.joining());
  }

  /** The text an event adds to the answer (or to the reasoning), "" for others. */
  String textDelta(Sse.Event event, boolean reasoning) {
    if (!event.isJson()) {
      return "";
    }
    JsonNode json = event.json();
    return switch (this) {
      case CHAT ->
          json.path("choices")
              .path(0)
              .path("delta")
              .path(reasoning ? "reasoning_content" : "content")
              .asText("");
      case RESPONSES ->
          (reasoning ? "response.reasoning_summary_text.delta" : "response.output_text.delta")
                  .equals(event.name())
              ? json.path("delta").asText()
              : "";
      case ANTHROPIC ->
          json.path("delta")
                  .path("type")
                  .asText()
                  .equals(reasoning ? "thinking_delta" : "text_delta")
              ? json.path("delta").path(reasoning ? "thinking" : "text").asText()
              : "";
      case GEMINI -> geminiParts(json, reasoning);
    };
  }

  /** Whether the stream's end marker came. */
  boolean ended(List<Sse.Event> events) {
    if (events.isEmpty()) {
      return false;
    }
    Sse.Event last = events.get(events.size() - 1);
    return switch (this) {
      case CHAT -> last.data().equals("[DONE]");
      case RESPONSES -> "response.completed".equals(last.name());
      case ANTHROPIC -> "message_stop".equals(last.name());
      case GEMINI ->
          last.isJson()
              && last.json()
                  .path("candidates")
                  .path(0)
                  .path("finishReason")
                  .asText()
                  .equals("STOP");
    };
  }

  /**
   * The error's type as the provider names it: OpenAI {@code error.type}, Anthropic {@code
   * error.type} (under {@code "type":"error"}), Gemini {@code error.status}; "" when not an error.
   */
  String errorType(JsonNode body) {
    return switch (this) {
      case CHAT, RESPONSES -> body.path("error").path("type").asText();
      case ANTHROPIC ->
          body.path("type").asText().equals("error")
              ? body.path("error").path("type").asText()
              : "";
      case GEMINI -> body.path("error").path("status").asText();
    };
  }

  /** The error's message; "" when not an error. */
  String errorMessage(JsonNode body) {
    return body.path("error").path("message").asText();
  }

  private static String geminiParts(JsonNode body, boolean thoughts) {
    return stream(body.path("candidates").path(0).path("content").path("parts"))
        .filter(part -> part.path("thought").asBoolean(false) == thoughts)
        .map(part -> part.path("text").asText())
        .collect(Collectors.joining());
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
