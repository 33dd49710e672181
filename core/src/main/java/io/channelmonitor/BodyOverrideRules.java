package io.channelmonitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.channelmonitor.internal.StrictJson;
import io.channelmonitor.internal.Texts;
import java.util.Map;

/** Rules for the body override mode and body of a monitor. */
final class BodyOverrideRules {
  static final int MAX_BODY_CHARS = 65_536;

  /**
   * For replace mode, the field that carries the prompt, per provider and API mode: a replaced body
   * without it could never be a model call.
   */
  private static final Map<String, String> REPLACE_PROMPT_FIELD =
      Map.of(
          "openai/chat_completions", "messages",
          "openai/responses", "input",
          "anthropic/chat_completions", "messages",
          "gemini/chat_completions", "contents");

  private final ObjectMapper json = StrictJson.mapper();

  static BodyOverrideMode mode(String raw) {
    if (Texts.isBlank(raw)) {
      return BodyOverrideMode.OFF;
    }
    return WireValue.parse(BodyOverrideMode.class, raw)
        .orElseThrow(
            () ->
                new MonitorValidationException(Reason.CHANNEL_MONITOR_TEMPLATE_INVALID_BODY_MODE));
  }

  /** Returns the body as compact JSON (numbers exact), or null when there is none. */
  String body(BodyOverrideMode mode, String raw, String provider, ApiMode apiMode) {
    if (Texts.isBlank(raw)) {
      if (mode != BodyOverrideMode.OFF) {
        throw new MonitorValidationException(Reason.CHANNEL_MONITOR_TEMPLATE_BODY_REQUIRED);
      }
      return null;
    }
    JsonNode body = parseObject(raw);
    if (mode != BodyOverrideMode.OFF && body.isEmpty()) {
      throw new MonitorValidationException(Reason.CHANNEL_MONITOR_TEMPLATE_BODY_REQUIRED);
    }
    if (mode == BodyOverrideMode.REPLACE) {
      requirePromptField(body, provider, apiMode);
    }
    return body.toString();
  }

  private JsonNode parseObject(String raw) {
    if (raw.length() > MAX_BODY_CHARS) {
      throw new MonitorValidationException(
          Reason.CHANNEL_MONITOR_INVALID_REQUEST_BODY,
          "body_override must be at most " + MAX_BODY_CHARS + " characters");
    }
    try {
      JsonNode node = json.readTree(raw);
      if (node == null || !node.isObject() || StrictJson.hasInvalidText(node)) {
        throw new MonitorValidationException(Reason.CHANNEL_MONITOR_INVALID_REQUEST_BODY);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MonitorValidationException(Reason.CHANNEL_MONITOR_INVALID_REQUEST_BODY);
    }
  }

  private static void requirePromptField(JsonNode body, String provider, ApiMode apiMode) {
    String field = REPLACE_PROMPT_FIELD.get(provider + "/" + apiMode.wire());
    if (field == null) {
      return;
    }
    JsonNode value = body.get(field);
    boolean present =
        value != null
            && ((value.isArray() && !value.isEmpty())
                || (value.isTextual() && !value.asText().isBlank()));
    if (!present) {
      throw new MonitorValidationException(
          Reason.CHANNEL_MONITOR_INVALID_REQUEST_BODY,
          "replace mode body_override must carry a non-empty \"" + field + "\"");
    }
  }
}
