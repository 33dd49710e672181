package io.channelmonitor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Anthropic messages API. Text blocks are joined; thinking blocks are skipped. */
public final class AnthropicChecker implements ChannelChecker {
  /** The API version sent unless a monitor's extra headers set another. */
  public static final String API_VERSION = "2023-06-01";

  @Override
  public String providerId() {
    return "anthropic";
  }

  @Override
  public String path(ProbeCall call) {
    return "/v1/messages";
  }

  @Override
  public Map<String, String> headers(ProbeCall call) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-api-key", call.apiKey());
    headers.put("anthropic-version", API_VERSION);
    return headers;
  }

  @Override
  public ObjectNode body(ProbeCall call) {
    ObjectNode body = JsonText.NODES.objectNode().put("model", call.model());
    body.put("max_tokens", call.maxOutputTokens());
    body.putArray("messages").addObject().put("role", "user").put("content", call.prompt());
    if (call.stream()) {
      body.put("stream", true);
    }
    return body;
  }

  @Override
  public Set<String> protectedKeys(ProbeCall call) {
    return Set.of("model", "messages", "stream");
  }

  @Override
  public Reply parseBody(JsonNode body) {
    String error = JsonText.errorMessage(body);
    if (error != null || "error".equals(JsonText.string(body.get("type")))) {
      return Reply.error(error);
    }
    return Reply.text(
        JsonText.joinTexts(
            body.get("content"), block -> "text".equals(JsonText.string(block.get("type")))));
  }

  @Override
  public StreamEvent parseEvent(String event, JsonNode data) {
    String type = JsonText.string(data.get("type"));
    if ("error".equals(event) || "error".equals(type)) {
      return StreamEvent.error(JsonText.errorMessage(data));
    }
    if ("message_stop".equals(type)) {
      return StreamEvent.DONE;
    }
    JsonNode delta = data.path("delta");
    if ("content_block_delta".equals(type)
        && "text_delta".equals(JsonText.string(delta.get("type")))) {
      return StreamEvent.delta(JsonText.string(delta.get("text")));
    }
    return StreamEvent.IGNORE;
  }
}
