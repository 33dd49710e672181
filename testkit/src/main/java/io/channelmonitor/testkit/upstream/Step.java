package io.channelmonitor.testkit.upstream;

import java.time.Duration;
import java.util.Objects;

/**
 * One scripted answer: what to send and how slowly. {@link Behaviour} is a list of these.
 *
 * @param kind what the answer is
 * @param text the kind's text parameter (status body, canned text, redirect location), or ""
 * @param number the kind's number parameter (status code, Retry-After seconds, padding bytes), or 0
 * @param headerDelay wait before the status line
 * @param firstTokenDelay streams: wait after the headers before the first event
 * @param totalDelay streams: wait after the first text delta before the rest
 */
record Step(
    Kind kind,
    String text,
    int number,
    Duration headerDelay,
    Duration firstTokenDelay,
    Duration totalDelay) {

  /** What a step answers. */
  enum Kind {
    HONEST,
    STATUS,
    RATE_LIMITED,
    WRONG_ANSWER,
    ECHO,
    CANNED,
    ARITHMETIC_CHEAT,
    MALFORMED_JSON,
    ERROR_IN_BODY,
    ERROR_EVENT_MID_STREAM,
    TRUNCATED_STREAM,
    OVERSIZED_BODY,
    STALL,
    REDIRECT,
    ECHO_KEY_IN_ERROR,
    THINKING_THEN_ANSWER
  }

  Step {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    headerDelay = checked(headerDelay);
    firstTokenDelay = checked(firstTokenDelay);
    totalDelay = checked(totalDelay);
  }

  static Step of(Kind kind, String text, int number) {
    return new Step(kind, text, number, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  static Step of(Kind kind) {
    return of(kind, "", 0);
  }

  Step withHeaderDelay(Duration delay) {
    return new Step(kind, text, number, delay, firstTokenDelay, totalDelay);
  }

  Step withFirstTokenDelay(Duration delay) {
    return new Step(kind, text, number, headerDelay, delay, totalDelay);
  }

  Step withTotalDelay(Duration delay) {
    return new Step(kind, text, number, headerDelay, firstTokenDelay, delay);
  }

  /** The whole wait before the status line of an answer that is not an event stream. */
  Duration delayBeforeWholeAnswer() {
    return headerDelay.plus(firstTokenDelay).plus(totalDelay);
  }

  private static Duration checked(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return delay;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(kind.name());
    if (!text.isEmpty() || number != 0) {
      out.append('(');
      if (number != 0) {
        out.append(number);
      }
      if (!text.isEmpty()) {
        out.append(number != 0 ? ", " : "").append(abbreviated(text));
      }
      out.append(')');
    }
    appendDelay(out, "headerDelay", headerDelay);
    appendDelay(out, "firstTokenDelay", firstTokenDelay);
    appendDelay(out, "totalDelay", totalDelay);
    return out.toString();
  }

  private static void appendDelay(StringBuilder out, String name, Duration delay) {
    if (!delay.isZero()) {
      out.append(' ').append(name).append('=').append(delay.toMillis()).append("ms");
    }
  }

  private static String abbreviated(String text) {
    return text.length() <= 40 ? '"' + text + '"' : '"' + text.substring(0, 37) + "...\"";
  }
}
