package io.channelmonitor.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.channelmonitor.FailureKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Reads a server-sent event stream until the answer is complete, an error event arrives, or the
 * stream ends. Records when the first piece of answer text arrived.
 */
final class SseReader {
  private final ObjectMapper json;
  private final ChannelChecker checker;
  private final LongSupplier nanoTime;
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder data = new StringBuilder();
  private String event = "";
  private Long firstTokenNanos;
  private Outcome finished;

  SseReader(ObjectMapper json, ChannelChecker checker, LongSupplier nanoTime) {
    this.json = json;
    this.checker = checker;
    this.nanoTime = nanoTime;
  }

  Outcome read(ProbeResponse response) throws IOException {
    int status = response.status();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    String line;
    while (finished == null && (line = lines.readLine()) != null) {
      if (line.isEmpty()) {
        dispatch(status);
      } else {
        field(line);
      }
    }
    if (finished != null) {
      return finished;
    }
    String why = response.truncated() ? "stream exceeds the byte cap" : "stream ended early";
    return Outcome.failure(status, FailureKind.PROTOCOL, why + " (no end of answer)");
  }

  private void field(String line) {
    if (line.startsWith(":")) {
      return;
    }
    int colon = line.indexOf(':');
    String name = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (name.equals("event")) {
      event = value;
    } else if (name.equals("data")) {
      data.append(data.length() > 0 ? "\n" : "").append(value);
    }
  }

  private void dispatch(int status) {
    String payload = data.toString();
    String name = event;
    data.setLength(0);
    event = "";
    if (payload.isEmpty()) {
      return;
    }
    if (payload.equals("[DONE]")) {
      finished = Outcome.answer(status, text.toString().trim(), firstTokenNanos);
      return;
    }
    JsonNode node;
    try {
      node = json.readTree(payload);
    } catch (JsonProcessingException e) {
      finished = Outcome.failure(status, FailureKind.PROTOCOL, "malformed JSON in event stream");
      return;
    }
    apply(status, checker.parseEvent(name, node));
  }

  private void apply(int status, StreamEvent parsed) {
    switch (parsed.type()) {
      case ERROR -> finished = Outcome.failure(status, FailureKind.ERROR_IN_BODY, parsed.text());
      case DELTA -> append(parsed.text());
      case DONE -> {
        append(parsed.text());
        finished = Outcome.answer(status, text.toString().trim(), firstTokenNanos);
      }
      default -> {}
    }
  }

  private void append(String delta) {
    if (delta.isEmpty()) {
      return;
    }
    if (firstTokenNanos == null && !delta.isBlank()) {
      firstTokenNanos = nanoTime.getAsLong();
    }
    text.append(delta);
  }
}
