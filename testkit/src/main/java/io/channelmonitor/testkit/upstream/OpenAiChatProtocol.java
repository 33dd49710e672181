package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.channelmonitor.testkit.upstream.SseEvent.Part;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * OpenAI Chat Completions, {@code POST /v1/chat/completions}. Key in {@code Authorization: Bearer},
 * model and {@code "stream": true} in the body. Streams are bare {@code data:} chunks ending with
 * {@code data: [DONE]}.
 */
final class OpenAiChatProtocol extends OpenAiShapedProtocol {
  static final String PATH = "/v1/chat/completions";

  @Override
  public String name() {
    return "openai-chat";
  }

  /**
   * {@code {"id":"chatcmpl-..","object":"chat.completion","created":..,"model":..,"choices":[{
   * "index":0,"message":{"role":"assistant",["reasoning_content":..,]"content":TEXT},
   * "logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":..,"completion_tokens":..,
   * "total_tokens":..}}}.
   */
  @Override
  public ObjectNode completion(Call call, Reply reply) {
    ObjectNode body = header(call, "chat.completion");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    if (reply.thinking() != null) {
      message.put("reasoning_content", reply.thinking());
    }
    message.put("content", reply.wholeText());
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    ObjectNode usage = body.putObject("usage");
    usage.put("prompt_tokens", call.promptTokens());
    usage.put("completion_tokens", reply.outputTokens());
    usage.put("total_tokens", call.promptTokens() + reply.outputTokens());
    return body;
  }

  /**
   * A role chunk ({@code "delta":{"role":"assistant","content":""}}), {@code reasoning_content}
   * deltas, {@code content} deltas, a finish chunk ({@code "delta":{},"finish_reason":"stop"}),
   * then {@code data: [DONE]}.
   */
  @Override
  public void stream(Call call, Reply reply, EventSink sink) throws IOException {
    ObjectNode role = JsonNodeFactory.instance.objectNode();
    role.put("role", "assistant");
    role.put("content", "");
    sink.emit(SseEvent.data(chunk(call, role, null).toString(), Part.META));
    for (String piece : reply.thinkingPieces()) {
      ObjectNode delta = JsonNodeFactory.instance.objectNode().put("reasoning_content", piece);
      sink.emit(SseEvent.data(chunk(call, delta, null).toString(), Part.THINKING));
    }
    Iterator<String> pieces = reply.textPieces();
    while (pieces.hasNext()) {
      ObjectNode delta = JsonNodeFactory.instance.objectNode().put("content", pieces.next());
      sink.emit(SseEvent.data(chunk(call, delta, null).toString(), Part.TEXT));
    }
    ObjectNode empty = JsonNodeFactory.instance.objectNode();
    sink.emit(SseEvent.data(chunk(call, empty, "stop").toString(), Part.META));
    sink.emit(SseEvent.data("[DONE]", Part.END));
  }

  /** {@code data: {"error":{"message":..,"type":"server_error","param":null,"code":null}}}. */
  @Override
  public List<SseEvent> midStreamError(Call call, int sent) {
    String message = "The server had an error while processing your request.";
    return List.of(SseEvent.data(error(ErrorKind.SERVER, message).toString(), Part.META));
  }

  private static ObjectNode header(Call call, String object) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("id", "chatcmpl-" + call.token());
    body.put("object", object);
    body.put("created", call.created());
    body.put("model", call.model());
    return body;
  }

  private static ObjectNode chunk(Call call, ObjectNode delta, String finishReason) {
    ObjectNode body = header(call, "chat.completion.chunk");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    choice.set("delta", delta);
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return body;
  }
}
