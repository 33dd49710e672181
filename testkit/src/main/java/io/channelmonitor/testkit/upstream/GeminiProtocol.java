package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.channelmonitor.testkit.upstream.SseEvent.Part;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Gemini, {@code POST /v1beta/models/{model}:generateContent} and {@code
 * :streamGenerateContent?alt=sse}. Key in {@code x-goog-api-key}; the model and the stream choice
 * are in the path. Streams are bare {@code data:} chunks with CRLF line ends and no end marker.
 */
final class GeminiProtocol implements Protocol {
  static final String PREFIX = "/v1beta/models/";

  @Override
  public String name() {
    return "gemini";
  }

  @Override
  public Optional<String> apiKey(RecordedRequest request) {
    return Protocol.header(request, "x-goog-api-key");
  }

  @Override
  public Optional<String> model(Route route, JsonNode body) {
    return Optional.ofNullable(route.pathModel()).filter(model -> !model.isBlank());
  }

  @Override
  public boolean streaming(Route route, JsonNode body) {
    return route.pathStream();
  }

  @Override
  public ObjectNode error(ErrorKind kind, String message) {
    return ErrorShapes.gemini(kind, message);
  }

  /**
   * {@code {"candidates":[{"content":{"role":"model","parts":[[{"text":..,"thought":true},]{"text":
   * TEXT}]},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":..,
   * "candidatesTokenCount":..,"totalTokenCount":..},"modelVersion":..,"responseId":..}}.
   */
  @Override
  public ObjectNode completion(Call call, Reply reply) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode candidate = body.putArray("candidates").addObject();
    ArrayNode parts = candidate.putObject("content").put("role", "model").putArray("parts");
    if (reply.thinking() != null) {
      parts.addObject().put("text", reply.thinking()).put("thought", true);
    }
    parts.addObject().put("text", reply.wholeText());
    candidate.put("finishReason", "STOP");
    candidate.put("index", 0);
    return finish(call, body, reply.outputTokens());
  }

  /**
   * One chunk per piece, each {@code {"candidates":[{"content":{"role":"model","parts":[{"text":
   * ..}]},"index":0}],"usageMetadata":..,"modelVersion":..,"responseId":..}} (reasoning pieces
   * carry {@code "thought":true}), then a last chunk with an empty text part and {@code
   * "finishReason":"STOP"}. The stream simply ends.
   */
  @Override
  public void stream(Call call, Reply reply, EventSink sink) throws IOException {
    for (String piece : reply.thinkingPieces()) {
      ObjectNode part = JsonNodeFactory.instance.objectNode().put("text", piece);
      sink.emit(
          SseEvent.data(chunk(call, part.put("thought", true), -1).toString(), Part.THINKING));
    }
    Iterator<String> pieces = reply.textPieces();
    while (pieces.hasNext()) {
      ObjectNode part = JsonNodeFactory.instance.objectNode().put("text", pieces.next());
      sink.emit(SseEvent.data(chunk(call, part, -1).toString(), Part.TEXT));
    }
    ObjectNode last = JsonNodeFactory.instance.objectNode().put("text", "");
    ObjectNode finish = chunk(call, last, reply.outputTokens());
    sink.emit(SseEvent.data(finish.toString(), Part.META));
  }

  /** A chunk {@code {"error":{"code":500,"message":..,"status":"INTERNAL"}}}. */
  @Override
  public List<SseEvent> midStreamError(Call call, int sent) {
    ObjectNode error = error(ErrorKind.SERVER, "Internal error encountered.");
    return List.of(SseEvent.data(error.toString(), Part.META));
  }

  @Override
  public String lineEnd() {
    return "\r\n";
  }

  @Override
  public boolean cutsMidEvent() {
    return true;
  }

  /** A stream chunk; {@code outputTokens} >= 0 makes it the last one, with the finish reason. */
  private static ObjectNode chunk(Call call, ObjectNode part, int outputTokens) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode candidate = body.putArray("candidates").addObject();
    candidate.putObject("content").put("role", "model").putArray("parts").add(part);
    if (outputTokens >= 0) {
      candidate.put("finishReason", "STOP");
    }
    candidate.put("index", 0);
    return finish(call, body, Math.max(0, outputTokens));
  }

  private static ObjectNode finish(Call call, ObjectNode body, int outputTokens) {
    ObjectNode usage = body.putObject("usageMetadata");
    usage.put("promptTokenCount", call.promptTokens());
    usage.put("candidatesTokenCount", outputTokens);
    usage.put("totalTokenCount", call.promptTokens() + outputTokens);
    body.put("modelVersion", call.model());
    body.put("responseId", call.token());
    return body;
  }
}
