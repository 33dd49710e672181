package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One provider API the fake speaks: where its key travels, how it names the model and asks for a
 * stream, and the JSON and events of its answers and errors. Implementations are stateless.
 */
sealed interface Protocol permits BodyRoutedProtocol, GeminiProtocol {

  /** A short name for logs. */
  String name();

  /** The key the request carries where this provider expects it, if present and not blank. */
  Optional<String> apiKey(RecordedRequest request);

  /**
   * Why the request's headers are refused (besides the key), for a 400; empty when they are fine.
   */
  default Optional<String> headerProblem(RecordedRequest request) {
    return Optional.empty();
  }

  /** The model the request names, if it names one. */
  Optional<String> model(Route route, JsonNode body);

  /** Whether the request asks for an event stream. */
  boolean streaming(Route route, JsonNode body);

  /** This provider's error JSON. */
  ObjectNode error(ErrorKind kind, String message);

  /** The whole (non-streaming) answer. */
  ObjectNode completion(Call call, Reply reply);

  /** The answer as events: start, reasoning, text deltas, end, in this provider's order. */
  void stream(Call call, Reply reply, EventSink sink) throws IOException;

  /**
   * The events a stream that fails after its first delta sends; {@code sent} events went before
   * them (some providers number their events).
   */
  List<SseEvent> midStreamError(Call call, int sent);

  /** What ends each line of this provider's events. */
  default String lineEnd() {
    return "\n";
  }

  /**
   * Whether a truncated stream of this provider is cut inside an event (Gemini has no end marker,
   * so only a broken event shows the stream did not finish).
   */
  default boolean cutsMidEvent() {
    return false;
  }

  /** The body's {@code model} string, if present and not blank. */
  static Optional<String> bodyModel(JsonNode body) {
    JsonNode model = body.path("model");
    return model.isTextual() && !model.asText().isBlank()
        ? Optional.of(model.asText())
        : Optional.empty();
  }

  /** Whether the body says {@code "stream": true}. */
  static boolean bodyStream(JsonNode body) {
    return body.path("stream").asBoolean(false) && body.path("stream").isBoolean();
  }

  /** The first value of header {@code name}, trimmed, if present and not blank. */
  static Optional<String> header(RecordedRequest request, String name) {
    return request.header(name).map(String::trim).filter(value -> !value.isEmpty());
  }

  /** The token of an {@code Authorization: Bearer <token>} header, if present and not blank. */
  static Optional<String> bearer(RecordedRequest request) {
    return header(request, "authorization")
        .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(value -> value.substring(7).trim())
        .filter(token -> !token.isEmpty());
  }
}
