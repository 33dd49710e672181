package io.channelmonitor.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * JSON reading for stored request bodies: one value and nothing after it, numbers kept exactly (no
 * double rounding, no Infinity). Not part of the public API.
 */
public final class StrictJson {
  private StrictJson() {}

  /** A new mapper with the strict settings; mappers are thread-safe once configured. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
  }

  /** Whether any string or field name in {@code node} holds an unpaired surrogate. */
  public static boolean hasInvalidText(JsonNode node) {
    if (node.isTextual()) {
      return !node.asText().equals(Texts.replaceLoneSurrogates(node.asText()));
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      if (!name.equals(Texts.replaceLoneSurrogates(name)) || hasInvalidText(field.getValue())) {
        return true;
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (hasInvalidText(element)) {
          return true;
        }
      }
    }
    return false;
  }
}
