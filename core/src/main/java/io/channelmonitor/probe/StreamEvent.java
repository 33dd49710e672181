package io.channelmonitor.probe;

/**
 * What a checker read from one server-sent event of a streamed answer.
 *
 * @param type what the event means
 * @param text answer text for {@link Type#DELTA}, the message for {@link Type#ERROR}
 */
public record StreamEvent(Type type, String text) {
  public static final StreamEvent IGNORE = new StreamEvent(Type.IGNORE, "");
  public static final StreamEvent DONE = new StreamEvent(Type.DONE, "");

  /** The meaning of an event. */
  public enum Type {
    /** A piece of the answer. */
    DELTA,
    /** The stream reports an error. */
    ERROR,
    /** The answer is complete. */
    DONE,
    /** Metadata, reasoning or anything else that is not answer text. */
    IGNORE
  }

  public static StreamEvent delta(String text) {
    return new StreamEvent(Type.DELTA, text == null ? "" : text);
  }

  /** A delta that also completes the answer (Gemini's last chunk carries both). */
  public static StreamEvent lastDelta(String text) {
    return new StreamEvent(Type.DONE, text == null ? "" : text);
  }

  public static StreamEvent error(String message) {
    return new StreamEvent(
        Type.ERROR, message == null || message.isBlank() ? "error event in stream" : message);
  }
}
