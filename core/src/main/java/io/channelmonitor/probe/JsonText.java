package io.channelmonitor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Small helpers for reading provider JSON. */
final class JsonText {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonText() {}

  /** The text of a node that is a string, or empty. */
  static String string(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : "";
  }

  /**
   * Joins the {@code text} of every element of {@code array} that {@code keep} accepts, one per
   * line, skipping blank ones.
   */
  static String joinTexts(JsonNode array, Predicate<JsonNode> keep) {
    if (array == null || !array.isArray()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode element : array) {
      String text = string(element.get("text"));
      if (keep.test(element) && !text.isBlank()) {
        parts.add(text.trim());
      }
    }
    return String.join("\n", parts);
  }

  /**
   * The message of an error object: {@code error.message}, {@code error} as a string, or the
   * object's text. Null when {@code node} holds no error.
   */
  static String errorMessage(JsonNode node) {
    JsonNode error = node == null ? null : node.get("error");
    if (error == null || error.isNull()) {
      return null;
    }
    if (error.isTextual()) {
      return error.asText();
    }
    String message = string(error.get("message"));
    return message.isBlank() ? error.toString() : message;
  }
}
