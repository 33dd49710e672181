package io.channelmonitor.probe;

import io.channelmonitor.FailureKind;

/**
 * What one exchange produced, before it is judged.
 *
 * @param status the HTTP status
 * @param kind {@link FailureKind#NONE} when {@code text} is an answer to judge, else the failure
 * @param text the answer text, or empty
 * @param message the failure message, or empty
 * @param firstTokenNanos {@code System.nanoTime()}-style instant of the first answer token, or null
 * @param retryAfter the Retry-After header of a non-2xx answer, or null
 */
record Outcome(
    int status,
    FailureKind kind,
    String text,
    String message,
    Long firstTokenNanos,
    String retryAfter) {

  static Outcome answer(int status, String text, Long firstTokenNanos) {
    return new Outcome(status, FailureKind.NONE, text, "", firstTokenNanos, null);
  }

  static Outcome failure(int status, FailureKind kind, String message) {
    return new Outcome(status, kind, "", message, null, null);
  }

  static Outcome httpError(int status, String snippet, String retryAfter) {
    return new Outcome(
        status, HttpStatusKinds.kindOf(status, snippet), "", snippet, null, retryAfter);
  }

  boolean isAnswer() {
    return kind == FailureKind.NONE;
  }
}
