package io.channelmonitor.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.channelmonitor.FailureKind;
import io.channelmonitor.internal.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reads one probe answer while the connection is open: a non-2xx status with a body snippet, a JSON
 * answer, or a server-sent event stream, chosen by the response's content type.
 */
final class AnswerReader {
  /** Longest error body snippet kept in a message. */
  static final int MAX_SNIPPET_CHARS = 300;

  private final ObjectMapper json = new ObjectMapper();
  private final LongSupplier nanoTime;

  AnswerReader(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  Outcome read(ProbeResponse response, ChannelChecker checker) throws IOException {
    int status = response.status();
    if (status < 200 || status >= 300) {
      String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
      return Outcome.httpError(status, snippet(body), response.header("Retry-After").orElse(null));
    }
    String type = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (type.contains("text/event-stream")) {
      return new SseReader(json, checker, nanoTime).read(response);
    }
    return readJson(response, checker);
  }

  private Outcome readJson(ProbeResponse response, ChannelChecker checker) throws IOException {
    byte[] bytes = response.body().readAllBytes();
    if (response.truncated()) {
      return Outcome.failure(
          response.status(), FailureKind.PROTOCOL, "response body exceeds the byte cap");
    }
    JsonNode body;
    try {
      body = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      return Outcome.failure(response.status(), FailureKind.PROTOCOL, "malformed JSON body");
    }
    if (body == null || !body.isObject()) {
      return Outcome.failure(response.status(), FailureKind.PROTOCOL, "JSON body is not an object");
    }
    Reply reply = checker.parseBody(body);
    return reply.isError()
        ? Outcome.failure(response.status(), FailureKind.ERROR_IN_BODY, reply.error())
        : Outcome.answer(response.status(), reply.text(), null);
  }

  /** Whitespace collapsed, cut to {@value #MAX_SNIPPET_CHARS} characters. */
  static String snippet(String body) {
    String collapsed = body.replaceAll("\\s+", " ").trim();
    return Texts.truncate(collapsed, MAX_SNIPPET_CHARS, "...(body truncated)");
  }
}
