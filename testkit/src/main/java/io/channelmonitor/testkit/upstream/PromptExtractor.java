package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the prompt text in a request body of any protocol the fake speaks. Stateless. */
final class PromptExtractor {
  private PromptExtractor() {}

  /** See {@link ChallengeSolver#promptOf(JsonNode)}. */
  static String promptOf(JsonNode body) {
    if (body == null || !body.isObject()) {
      return "";
    }
    if (body.has("contents")) {
      return gemini(body.path("contents"));
    }
    if (body.has("input")) {
      return responses(body);
    }
    if (body.has("messages")) {
      return lastUser(body.path("messages")).map(PromptExtractor::content).orElse("");
    }
    return "";
  }

  /** Gemini: the text parts of the last entry whose role is {@code user} or absent. */
  private static String gemini(JsonNode contents) {
    JsonNode last = null;
    for (JsonNode content : contents) {
      String role = content.path("role").asText("user");
      if (role.isEmpty() || role.equals("user")) {
        last = content;
      }
    }
    return last == null ? "" : joinTexts(last.path("parts"));
  }

  /** Responses: {@code instructions}, then the last user message of {@code input}. */
  private static String responses(JsonNode body) {
    List<String> texts = new ArrayList<>();
    if (body.path("instructions").isTextual()) {
      texts.add(body.path("instructions").asText());
    }
    JsonNode input = body.path("input");
    if (input.isTextual()) {
      texts.add(input.asText());
    } else {
      lastUser(input).map(PromptExtractor::content).ifPresent(texts::add);
    }
    return String.join("\n", texts);
  }

  private static Optional<JsonNode> lastUser(JsonNode messages) {
    JsonNode last = null;
    for (JsonNode message : messages) {
      if (message.path("role").asText().equals("user")) {
        last = message;
      }
    }
    return Optional.ofNullable(last);
  }

  /** A message's content: a string, or the text of its text parts joined with {@code \n}. */
  private static String content(JsonNode message) {
    JsonNode content = message.path("content");
    return content.isTextual() ? content.asText() : joinTexts(content);
  }

  /**
   * The {@code text} of every part that has one and is text ({@code text}, {@code input_text}, or a
   * part without a type, as Gemini sends them), joined with {@code \n}.
   */
  private static String joinTexts(JsonNode parts) {
    List<String> texts = new ArrayList<>();
    for (JsonNode part : parts) {
      String type = part.path("type").asText("text");
      boolean textType = type.equals("text") || type.equals("input_text");
      if (textType && part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
        texts.add(part.path("text").asText());
      }
    }
    return String.join("\n", texts);
  }
}
