package io.channelmonitor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Google Gemini (generateContent, streamGenerateContent with SSE). The key travels in the {@code
 * x-goog-api-key} header, never in the URL; the model name is URL-escaped. Thought parts are
 * skipped.
 */
public final class GeminiChecker implements ChannelChecker {
  @Override
  public String providerId() {
    return "gemini";
  }

  @Override
  public String path(ProbeCall call) {
    String model = URLEncoder.encode(call.model(), StandardCharsets.UTF_8).replace("+", "%20");
    return "/v1beta/models/"
        + model
        + (call.stream() ? ":streamGenerateContent?alt=sse" : ":generateContent");
  }

  @Override
  public Map<String, String> headers(ProbeCall call) {
    return Map.of("x-goog-api-key", call.apiKey());
  }

  @Override
  public ObjectNode body(ProbeCall call) {
    ObjectNode body = JsonText.NODES.objectNode();
    body.putArray("contents")
        .addObject()
        .put("role", "user")
        .putArray("parts")
        .addObject()
        .put("text", call.prompt());
    body.putObject("generationConfig").put("maxOutputTokens", call.maxOutputTokens());
    return body;
  }

  @Override
  public Set<String> protectedKeys(ProbeCall call) {
    return Set.of("contents");
  }

  @Override
  public Reply parseBody(JsonNode body) {
    String error = errorOf(body);
    return error != null ? Reply.error(error) : Reply.text(answerText(body));
  }

  @Override
  public StreamEvent parseEvent(String event, JsonNode data) {
    String error = errorOf(data);
    if (error != null) {
      return StreamEvent.error(error);
    }
    String text = answerText(data);
    boolean finished =
        !JsonText.string(data.path("candidates").path(0).get("finishReason")).isEmpty();
    return finished ? StreamEvent.lastDelta(text) : StreamEvent.delta(text);
  }

  private static String answerText(JsonNode body) {
    JsonNode parts = body.path("candidates").path(0).path("content").get("parts");
    return JsonText.joinTexts(parts, part -> !part.path("thought").asBoolean(false));
  }

  private static String errorOf(JsonNode body) {
    String error = JsonText.errorMessage(body);
    if (error != null) {
      return error;
    }
    String blocked = JsonText.string(body.path("promptFeedback").get("blockReason"));
    return blocked.isEmpty() ? null : "prompt blocked by the provider: " + blocked;
  }
}
