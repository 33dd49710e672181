package io.channelmonitor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Speaks one provider's protocol: how to ask the challenge and where the answer is. The library
 * does the rest once for all providers (URL joining, extra headers, body overrides, the transport,
 * SSE framing, judging, redaction). Built in: {@code openai}, {@code anthropic}, {@code gemini}; a
 * host registers more through {@code ChannelMonitor.builder().checker(...)}. Implementations are
 * stateless and thread-safe.
 */
public interface ChannelChecker {
  /** The provider id monitors name, lower case, e.g. {@code openai}. */
  String providerId();

  /**
   * The path below the endpoint, starting with {@code /}, e.g. {@code /v1/chat/completions}. A
   * leading version segment that the endpoint already ends with is not repeated.
   */
  String path(ProbeCall call);

  /** Auth and protocol headers (the monitor's extra headers are applied over them). */
  Map<String, String> headers(ProbeCall call);

  /** The default body asking the challenge, with the output token cap and stream flag. */
  ObjectNode body(ProbeCall call);

  /** Top-level body keys a merge override may not replace: they carry the challenge or model. */
  Set<String> protectedKeys(ProbeCall call);

  /** Reads a complete, non-streamed 2xx JSON answer. */
  Reply parseBody(JsonNode body);

  /**
   * Reads one server-sent event of a streamed 2xx answer. The data line {@code [DONE]} is handled
   * by the library and never reaches this method.
   *
   * @param event the {@code event:} field, or empty
   * @param data the {@code data:} field parsed as JSON
   */
  StreamEvent parseEvent(String event, JsonNode data);
}
