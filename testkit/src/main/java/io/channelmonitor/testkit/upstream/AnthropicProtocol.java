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
 * Anthropic Messages, {@code POST /v1/messages}. Key in {@code x-api-key}, {@code
 * anthropic-version} required, model and {@code "stream": true} in the body. Streams are named
 * events whose data object repeats the name in {@code type}, ending with {@code message_stop}.
 */
final class AnthropicProtocol extends BodyRoutedProtocol {
  static final String PATH = "/v1/messages";

  /** The signature the fake puts on thinking blocks. */
  static final String SIGNATURE = "ZmFrZS11cHN0cmVhbS10aGlua2luZw==";

  @Override
  public String name() {
    return "anthropic";
  }

  @Override
  public Optional<String> apiKey(RecordedRequest request) {
    return Protocol.header(request, "x-api-key");
  }

  @Override
  public Optional<String> headerProblem(RecordedRequest request) {
    return Protocol.header(request, "anthropic-version").isPresent()
        ? Optional.empty()
        : Optional.of("anthropic-version: header is required");
  }

  @Override
  public ObjectNode error(ErrorKind kind, String message) {
    return ErrorShapes.anthropic(kind, message);
  }

  /**
   * {@code {"id":"msg_..","type":"message","role":"assistant","model":..,"content":[[{"type":
   * "thinking","thinking":..,"signature":..},]{"type":"text","text":TEXT}],"stop_reason":
   * "end_turn","stop_sequence":null,"usage":{"input_tokens":..,"output_tokens":..}}}.
   */
  @Override
  public ObjectNode completion(Call call, Reply reply) {
    ObjectNode body = message(call);
    ArrayNode content = body.putArray("content");
    if (reply.thinking() != null) {
      ObjectNode thinking = content.addObject().put("type", "thinking");
      thinking.put("thinking", reply.thinking()).put("signature", SIGNATURE);
    }
    content.addObject().put("type", "text").put("text", reply.wholeText());
    body.put("stop_reason", "end_turn");
    body.putNull("stop_sequence");
    ObjectNode usage = body.putObject("usage");
    usage.put("input_tokens", call.promptTokens());
    usage.put("output_tokens", reply.outputTokens());
    return body;
  }

  /**
   * {@code message_start}; for reasoning a {@code thinking} block ({@code content_block_start},
   * {@code thinking_delta}s, a {@code signature_delta}, {@code content_block_stop}); then the text
   * block: {@code content_block_start}, one {@code ping}, {@code content_block_delta}s with {@code
   * {"type":"text_delta","text":..}}, {@code content_block_stop}; then {@code message_delta} with
   * {@code "stop_reason":"end_turn"} and {@code message_stop}.
   */
  @Override
  public void stream(Call call, Reply reply, EventSink sink) throws IOException {
    ObjectNode start = message(call);
    start.putArray("content");
    start.putNull("stop_reason");
    start.putNull("stop_sequence");
    start.putObject("usage").put("input_tokens", call.promptTokens()).put("output_tokens", 1);
    emit(sink, event("message_start").set("message", start), Part.META);
    int index = 0;
    if (reply.thinking() != null) {
      streamThinking(reply, sink);
      index = 1;
    }
    ObjectNode textBlock = JsonNodeFactory.instance.objectNode().put("type", "text");
    emit(sink, blockStart(index, textBlock.put("text", "")), Part.META);
    emit(sink, event("ping"), Part.META);
    Iterator<String> pieces = reply.textPieces();
    while (pieces.hasNext()) {
      ObjectNode delta = JsonNodeFactory.instance.objectNode().put("type", "text_delta");
      emit(sink, blockDelta(index, delta.put("text", pieces.next())), Part.TEXT);
    }
    emit(sink, event("content_block_stop").put("index", index), Part.META);
    ObjectNode messageDelta = event("message_delta");
    ObjectNode delta = messageDelta.putObject("delta").put("stop_reason", "end_turn");
    delta.putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", reply.outputTokens());
    emit(sink, messageDelta, Part.META);
    emit(sink, event("message_stop"), Part.END);
  }

  private static void streamThinking(Reply reply, EventSink sink) throws IOException {
    ObjectNode block = JsonNodeFactory.instance.objectNode().put("type", "thinking");
    emit(sink, blockStart(0, block.put("thinking", "")), Part.META);
    for (String piece : reply.thinkingPieces()) {
      ObjectNode delta = JsonNodeFactory.instance.objectNode().put("type", "thinking_delta");
      emit(sink, blockDelta(0, delta.put("thinking", piece)), Part.THINKING);
    }
    ObjectNode signature = JsonNodeFactory.instance.objectNode().put("type", "signature_delta");
    emit(sink, blockDelta(0, signature.put("signature", SIGNATURE)), Part.META);
    emit(sink, event("content_block_stop").put("index", 0), Part.META);
  }

  /** {@code event: error} with {@code {"type":"error","error":{"type":"overloaded_error",..}}}. */
  @Override
  public List<SseEvent> midStreamError(Call call, int sent) {
    ObjectNode error = error(ErrorKind.OVERLOADED, "Overloaded");
    return List.of(SseEvent.named("error", error.toString(), Part.META));
  }

  private static ObjectNode message(Call call) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("id", "msg_" + call.token());
    body.put("type", "message");
    body.put("role", "assistant");
    body.put("model", call.model());
    return body;
  }

  private static ObjectNode event(String type) {
    return JsonNodeFactory.instance.objectNode().put("type", type);
  }

  private static ObjectNode blockStart(int index, ObjectNode block) {
    ObjectNode event = event("content_block_start").put("index", index);
    event.set("content_block", block);
    return event;
  }

  private static ObjectNode blockDelta(int index, ObjectNode delta) {
    ObjectNode event = event("content_block_delta").put("index", index);
    event.set("delta", delta);
    return event;
  }

  private static void emit(EventSink sink, JsonNode event, Part part) throws IOException {
    sink.emit(SseEvent.named(event.path("type").asText(), event.toString(), part));
  }
}
