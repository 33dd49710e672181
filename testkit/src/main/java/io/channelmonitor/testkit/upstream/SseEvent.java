package io.channelmonitor.testkit.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One server-sent event as the fake writes it: an optional {@code event:} line, one {@code data:}
 * line and a blank line.
 *
 * @param name the event name, or null for a bare {@code data:} event
 * @param data the data line's text, usually JSON
 * @param part what the event carries, so behaviours know where the answer starts
 */
record SseEvent(String name, String data, Part part) {
  /** What an event carries. */
  enum Part {
    /** Bookkeeping: starts, stops, pings, finish reasons. */
    META,
    /** A piece of reasoning. */
    THINKING,
    /** A piece of the answer text. */
    TEXT,
    /** The protocol's end marker. */
    END
  }

  SseEvent {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(part, "part");
  }

  static SseEvent named(String name, String data, Part part) {
    return new SseEvent(name, data, part);
  }

  static SseEvent data(String data, Part part) {
    return new SseEvent(null, data, part);
  }

  /** This event with its data cut in half, so the JSON no longer parses. */
  SseEvent broken() {
    return new SseEvent(name, data.substring(0, data.length() / 2), part);
  }

  /** The event's bytes with {@code lineEnd} ending each line. */
  byte[] bytes(String lineEnd) {
    StringBuilder out = new StringBuilder(data.length() + 32);
    if (name != null) {
      out.append("event: ").append(name).append(lineEnd);
    }
    out.append("data: ").append(data).append(lineEnd).append(lineEnd);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
