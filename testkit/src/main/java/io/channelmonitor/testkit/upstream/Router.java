package io.channelmonitor.testkit.upstream;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps request paths to protocols. Stateless apart from its protocol instances. */
final class Router {
  private static final Pattern GEMINI =
      Pattern.compile(
          Pattern.quote(GeminiProtocol.PREFIX) + "([^/]+):(generateContent|streamGenerateContent)");

  private final Protocol chat = new OpenAiChatProtocol();
  private final Protocol responses = new OpenAiResponsesProtocol();
  private final Protocol anthropic = new AnthropicProtocol();
  private final Protocol gemini = new GeminiProtocol();

  /** The route of {@code rawPath} (below the base path), if the fake serves it. */
  Optional<Route> route(String rawPath, String query) {
    switch (rawPath) {
      case OpenAiChatProtocol.PATH:
        return Optional.of(new Route(chat, null, false, query));
      case OpenAiResponsesProtocol.PATH:
        return Optional.of(new Route(responses, null, false, query));
      case AnthropicProtocol.PATH:
        return Optional.of(new Route(anthropic, null, false, query));
      default:
        return geminiRoute(rawPath, query);
    }
  }

  /** The protocol whose error shape suits an unknown {@code rawPath}. */
  Protocol errorShapeFor(String rawPath) {
    if (rawPath.contains("/v1beta/")) {
      return gemini;
    }
    return rawPath.contains("/v1/messages") ? anthropic : chat;
  }

  private Optional<Route> geminiRoute(String rawPath, String query) {
    Matcher matcher = GEMINI.matcher(rawPath);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      // a path segment: "+" is a plus, only %XX escapes are decoded
      String model =
          URLDecoder.decode(matcher.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
      boolean stream = matcher.group(2).equals("streamGenerateContent");
      return Optional.of(new Route(gemini, model, stream, query));
    } catch (IllegalArgumentException badEscape) {
      return Optional.empty();
    }
  }
}
