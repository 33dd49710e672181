package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.channelmonitor.testkit.upstream.SseEvent.Part;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * OpenAI Responses, {@code POST /v1/responses}. Key in {@code Authorization: Bearer}, model and
 * {@code "stream": true} in the body. Streams are named events, each data object carrying its
 * {@code type} and a {@code sequence_number}, ending with {@code response.completed}.
 */
final class OpenAiResponsesProtocol extends OpenAiShapedProtocol {
  static final String PATH = "/v1/responses";

  @Override
  public String name() {
    return "openai-responses";
  }

  /**
   * {@code {"id":"resp_..","object":"response","created_at":..,"status":"completed","model":..,
   * "output":[[reasoning item,]{"id":"msg_..","type":"message","status":"completed",
   * "role":"assistant","content":[{"type":"output_text","text":TEXT,"annotations":[]}]}],
   * "output_text":TEXT,"usage":{"input_tokens":..,"output_tokens":..,"total_tokens":..}}}. The
   * reasoning item is {@code {"id":"rs_..","type":"reasoning","summary":[{"type":"summary_text",
   * "text":..}]}}.
   */
  @Override
  public ObjectNode completion(Call call, Reply reply) {
    return response(call, reply, reply.wholeText(), "completed");
  }

  /**
   * {@code response.created}; for reasoning {@code response.output_item.added}, {@code
   * response.reasoning_summary_text.delta}s and {@code response.output_item.done}; then {@code
   * response.output_item.added}, {@code response.content_part.added}, {@code
   * response.output_text.delta}s ({@code "delta":..}), {@code response.output_text.done}, {@code
   * response.content_part.done}, {@code response.output_item.done} and {@code response.completed}
   * with the whole response. The closing events of a padded answer carry the answer unpadded.
   */
  @Override
  public void stream(Call call, Reply reply, EventSink sink) throws IOException {
    Numbered out = new Numbered(sink);
    ObjectNode created = out.event("response.created");
    created.set("response", response(call, null, null, "in_progress"));
    out.emit(created, Part.META);
    int index = 0;
    if (reply.thinking() != null) {
      streamReasoning(call, reply, out);
      index = 1;
    }
    ObjectNode added = out.event("response.output_item.added").put("output_index", index);
    added.set("item", message(call, null, "in_progress"));
    out.emit(added, Part.META);
    ObjectNode partAdded = out.itemEvent("response.content_part.added", call, index);
    partAdded.set("part", outputText(""));
    out.emit(partAdded, Part.META);
    Iterator<String> pieces = reply.textPieces();
    while (pieces.hasNext()) {
      ObjectNode delta = out.itemEvent("response.output_text.delta", call, index);
      out.emit(delta.put("delta", pieces.next()), Part.TEXT);
    }
    String text = reply.text();
    out.emit(out.itemEvent("response.output_text.done", call, index).put("text", text), Part.META);
    ObjectNode partDone = out.itemEvent("response.content_part.done", call, index);
    partDone.set("part", outputText(text));
    out.emit(partDone, Part.META);
    ObjectNode itemDone = out.event("response.output_item.done").put("output_index", index);
    itemDone.set("item", message(call, text, "completed"));
    out.emit(itemDone, Part.META);
    ObjectNode completed = out.event("response.completed");
    completed.set("response", response(call, reply, text, "completed"));
    out.emit(completed, Part.END);
  }

  private static void streamReasoning(Call call, Reply reply, Numbered out) throws IOException {
    ObjectNode added = out.event("response.output_item.added").put("output_index", 0);
    added.set("item", reasoning(call, null));
    out.emit(added, Part.META);
    for (String piece : reply.thinkingPieces()) {
      ObjectNode delta = out.event("response.reasoning_summary_text.delta");
      delta.put("item_id", "rs_" + call.token()).put("output_index", 0).put("summary_index", 0);
      out.emit(delta.put("delta", piece), Part.THINKING);
    }
    ObjectNode done = out.event("response.output_item.done").put("output_index", 0);
    done.set("item", reasoning(call, reply.thinking()));
    out.emit(done, Part.META);
  }

  /**
   * {@code event: error} with {@code {"type":"error","code":"server_error","message":..,
   * "param":null}}, then {@code event: response.failed} with {@code {"type":"response.failed",
   * "response":{..,"status":"failed","error":{"code":"server_error","message":..}}}}.
   */
  @Override
  public List<SseEvent> midStreamError(Call call, int sent) {
    String message = "The server had an error while processing your request.";
    ObjectNode error = JsonNodeFactory.instance.objectNode().put("type", "error");
    error.put("sequence_number", sent).put("code", "server_error").put("message", message);
    error.putNull("param");
    ObjectNode failed = JsonNodeFactory.instance.objectNode().put("type", "response.failed");
    failed.put("sequence_number", sent + 1);
    ObjectNode response = response(call, null, null, "failed");
    response.putObject("error").put("code", "server_error").put("message", message);
    failed.set("response", response);
    return List.of(
        SseEvent.named("error", error.toString(), Part.META),
        SseEvent.named("response.failed", failed.toString(), Part.META));
  }

  /** A response object; {@code reply} null means no output yet. */
  private static ObjectNode response(Call call, Reply reply, String text, String status) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("id", "resp_" + call.token());
    body.put("object", "response");
    body.put("created_at", call.created());
    body.put("status", status);
    body.put("model", call.model());
    ArrayNode output = body.putArray("output");
    if (reply == null) {
      return body;
    }
    if (reply.thinking() != null) {
      output.add(reasoning(call, reply.thinking()));
    }
    output.add(message(call, text, "completed"));
    body.put("output_text", text);
    ObjectNode usage = body.putObject("usage");
    usage.put("input_tokens", call.promptTokens());
    usage.put("output_tokens", reply.outputTokens());
    usage.put("total_tokens", call.promptTokens() + reply.outputTokens());
    return body;
  }

  /** A message output item; {@code text} null means no content yet. */
  private static ObjectNode message(Call call, String text, String status) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("id", "msg_" + call.token());
    item.put("type", "message");
    item.put("status", status);
    item.put("role", "assistant");
    ArrayNode content = item.putArray("content");
    if (text != null) {
      content.add(outputText(text));
    }
    return item;
  }

  private static ObjectNode reasoning(Call call, String summary) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("id", "rs_" + call.token());
    item.put("type", "reasoning");
    ArrayNode summaries = item.putArray("summary");
    if (summary != null) {
      summaries.addObject().put("type", "summary_text").put("text", summary);
    }
    return item;
  }

  private static ObjectNode outputText(String text) {
    ObjectNode part = JsonNodeFactory.instance.objectNode();
    part.put("type", "output_text");
    part.put("text", text);
    part.putArray("annotations");
    return part;
  }

  /** Numbers the events of one stream and names each after its type. */
  private static final class Numbered {
    private final EventSink sink;
    private int next;

    Numbered(EventSink sink) {
      this.sink = sink;
    }

    ObjectNode event(String type) {
      ObjectNode event = JsonNodeFactory.instance.objectNode();
      event.put("type", type);
      event.put("sequence_number", next++);
      return event;
    }

    ObjectNode itemEvent(String type, Call call, int outputIndex) {
      ObjectNode event = event(type);
      event.put("item_id", "msg_" + call.token());
      event.put("output_index", outputIndex);
      event.put("content_index", 0);
      return event;
    }

    void emit(ObjectNode event, Part part) throws IOException {
      sink.emit(SseEvent.named(event.path("type").asText(), event.toString(), part));
    }
  }
}
