package io.channelmonitor.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.channelmonitor.BodyOverrideMode;
import io.channelmonitor.MonitorConfig;
import io.channelmonitor.internal.StrictJson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the HTTP request of a probe from a checker's parts and the monitor's configuration: URL
 * joining (a trailing version segment is not doubled), extra headers over the checker's (the
 * transport-owned ones dropped), and the body override.
 */
final class RequestFactory {
  private static final Set<String> TRANSPORT_HEADERS =
      Set.of("host", "content-length", "content-encoding", "transfer-encoding", "connection");

  private final ObjectMapper json = StrictJson.mapper();

  ProbeRequest build(ChannelChecker checker, ProbeCall call) {
    MonitorConfig config = call.monitor().config();
    String url = join(config.endpoint(), checker.path(call));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", call.stream() ? "text/event-stream" : "application/json");
    checker.headers(call).forEach((name, value) -> put(headers, name, value));
    config
        .extraHeaders()
        .forEach(
            (name, value) ->
                put(
                    headers,
                    name,
                    value.replace(MonitorConfig.API_KEY_PLACEHOLDER, call.apiKey())));
    return new ProbeRequest("POST", url, headers, bytes(body(checker, call, config)));
  }

  /** UTF-8 JSON straight from the tree: {@code toString()} and then encoding cost twice as much. */
  private byte[] bytes(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serialises; this would be a Jackson bug.
      throw new IllegalStateException("probe body could not be serialised", e);
    }
  }

  /** Joins endpoint and path; {@code https://x/v1} + {@code /v1/messages} gives one {@code /v1}. */
  static String join(String endpoint, String path) {
    int second = path.indexOf('/', 1);
    String version = second > 0 ? path.substring(0, second) : path;
    boolean doubled = endpoint.endsWith(version) && version.length() > 1 && second > 0;
    return endpoint + (doubled ? path.substring(version.length()) : path);
  }

  private JsonNode body(ChannelChecker checker, ProbeCall call, MonitorConfig config) {
    BodyOverrideMode mode = config.bodyOverrideMode();
    if (mode == BodyOverrideMode.OFF || config.bodyOverride() == null) {
      return checker.body(call);
    }
    JsonNode override = parse(config.bodyOverride());
    if (mode == BodyOverrideMode.REPLACE) {
      return override;
    }
    ObjectNode merged = checker.body(call);
    Set<String> protectedKeys = checker.protectedKeys(call);
    for (Map.Entry<String, JsonNode> field : override.properties()) {
      if (!protectedKeys.contains(field.getKey())) {
        merged.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return merged;
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored body_override is not valid JSON", e);
    }
  }

  private static void put(Map<String, String> headers, String name, String value) {
    if (TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      return;
    }
    headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
    headers.put(name, value);
  }
}
