package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A small server-sent events parser for the tests. */
final class Sse {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Sse() {}

  /** One event: its name (null when none) and its data. */
  record Event(String name, String data) {
    JsonNode json() {
      return Sse.json(data);
    }

    boolean isJson() {
      try {
        MAPPER.readTree(data);
        return true;
      } catch (JsonProcessingException e) {
        return false;
      }
    }
  }

  /**
   * The complete events of {@code raw} (LF or CRLF line ends); a trailing partial one is dropped.
   */
  static List<Event> parse(String raw) {
    String text = raw.replace("\r\n", "\n");
    List<Event> events = new ArrayList<>();
    int start = 0;
    int end;
    while ((end = text.indexOf("\n\n", start)) >= 0) {
      String block = text.substring(start, end);
      start = end + 2;
      if (block.isBlank()) {
        continue;
      }
      String name = null;
      StringBuilder data = new StringBuilder();
      for (String line : block.split("\n")) {
        if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(data.length() > 0 ? "\n" : "").append(line.substring(6));
        }
      }
      events.add(new Event(name, data.toString()));
    }
    return events;
  }

  /** What follows the last complete event: non-empty when the stream was cut mid-event. */
  static String trailing(String raw) {
    String text = raw.replace("\r\n", "\n");
    int last = text.lastIndexOf("\n\n");
    return last < 0 ? text : text.substring(last + 2);
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
