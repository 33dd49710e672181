package io.channelmonitor;

import io.channelmonitor.internal.Texts;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one check of one model.
 *
 * @param model the model that was probed
 * @param status the verdict
 * @param failureKind why it was not operational ({@link FailureKind#NONE} when it was)
 * @param latencyMs milliseconds from sending the request to the end of the answer, recorded for
 *     every outcome
 * @param firstTokenLatencyMs milliseconds to the first streamed token, or null when not streamed
 * @param pingLatencyMs milliseconds of the run's HEAD ping of the origin, or null when it failed
 * @param message a short diagnostic, already redacted; at most {@link #MAX_MESSAGE_CHARS} chars
 * @param checkedAt when the check started
 */
public record CheckResult(
    String model,
    CheckStatus status,
    FailureKind failureKind,
    long latencyMs,
    Long firstTokenLatencyMs,
    Long pingLatencyMs,
    String message,
    Instant checkedAt) {

  /** Longest stored message, in UTF-16 units, cut on a code-point boundary. */
  public static final int MAX_MESSAGE_CHARS = 500;

  private static final String TRUNCATED = "...(truncated)";

  public CheckResult {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failureKind, "failureKind");
    Objects.requireNonNull(checkedAt, "checkedAt");
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latencyMs must be >= 0: " + latencyMs);
    }
    message = Texts.truncate(message, MAX_MESSAGE_CHARS, TRUNCATED);
  }

  /** Whether this result counts as available (operational or degraded). */
  public boolean available() {
    return status.available();
  }
}
