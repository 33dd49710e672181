package io.channelmonitor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.channelmonitor.ApiMode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OpenAI and compatible relays: chat completions, or the Responses API when the monitor's API mode
 * is {@code responses}. Reasoning output ({@code reasoning_content}, reasoning items) is skipped.
 */
public final class OpenAiChecker implements ChannelChecker {
  /** Models that refuse {@code max_tokens} and need {@code max_completion_tokens}. */
  private static final Pattern COMPLETION_TOKENS_MODELS = Pattern.compile("(?i)(o\\d.*|gpt-5.*)");

  @Override
  public String providerId() {
    return "openai";
  }

  @Override
  public String path(ProbeCall call) {
    return responses(call) ? "/v1/responses" : "/v1/chat/completions";
  }

  @Override
  public Map<String, String> headers(ProbeCall call) {
    return Map.of("Authorization", "Bearer " + call.apiKey());
  }

  @Override
  public ObjectNode body(ProbeCall call) {
    ObjectNode body = JsonText.NODES.objectNode().put("model", call.model());
    if (responses(call)) {
      body.put("input", call.prompt()).put("max_output_tokens", call.maxOutputTokens());
    } else {
      body.putArray("messages").addObject().put("role", "user").put("content", call.prompt());
      String tokens =
          COMPLETION_TOKENS_MODELS.matcher(call.model()).matches()
              ? "max_completion_tokens"
              : "max_tokens";
      body.put(tokens, call.maxOutputTokens());
    }
    return body.put("stream", call.stream());
  }

  @Override
  public Set<String> protectedKeys(ProbeCall call) {
    return responses(call)
        ? Set.of("model", "instructions", "input", "stream")
        : Set.of("model", "messages", "stream");
  }

  @Override
  public Reply parseBody(JsonNode body) {
    String error = JsonText.errorMessage(body);
    if (error != null) {
      return Reply.error(error);
    }
    if (body.has("choices")) {
      JsonNode message = body.path("choices").path(0).path("message");
      JsonNode content = message.get("content");
      return Reply.text(
          content != null && content.isArray()
              ? JsonText.joinTexts(content, part -> true)
              : JsonText.string(content));
    }
    String outputText = JsonText.string(body.get("output_text"));
    return Reply.text(outputText.isBlank() ? responsesText(body.path("output")) : outputText);
  }

  @Override
  public StreamEvent parseEvent(String event, JsonNode data) {
    String error = JsonText.errorMessage(data);
    String type = JsonText.string(data.get("type"));
    if (error != null || "error".equals(event) || "response.failed".equals(type)) {
      String failed = JsonText.errorMessage(data.path("response"));
      return StreamEvent.error(error != null ? error : failed);
    }
    if (data.has("choices")) {
      return StreamEvent.delta(
          JsonText.string(data.path("choices").path(0).path("delta").get("content")));
    }
    return switch (type) {
      case "response.output_text.delta" -> StreamEvent.delta(JsonText.string(data.get("delta")));
      case "response.completed" -> StreamEvent.DONE;
      default -> StreamEvent.IGNORE;
    };
  }

  private static String responsesText(JsonNode output) {
    StringBuilder text = new StringBuilder();
    for (JsonNode item : output) {
      if ("message".equals(JsonText.string(item.get("type")))) {
        String part =
            JsonText.joinTexts(
                item.get("content"), c -> "output_text".equals(JsonText.string(c.get("type"))));
        text.append(text.length() > 0 && !part.isEmpty() ? "\n" : "").append(part);
      }
    }
    return text.toString();
  }

  private static boolean responses(ProbeCall call) {
    return call.monitor().apiMode() == ApiMode.RESPONSES;
  }
}
