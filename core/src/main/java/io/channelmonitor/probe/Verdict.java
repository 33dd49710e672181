package io.channelmonitor.probe;

import io.channelmonitor.BodyOverrideMode;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.Monitor;
import io.channelmonitor.secret.SecretRedactor;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns what one exchange produced into a {@link CheckResult}: the seed's decision table with a
 * failure kind on every non-operational result, every message redacted with the monitor's key.
 */
final class Verdict {
  private static final int MAX_QUOTED_REPLY = 120;

  private final SecretRedactor redactor;
  private final Duration degradedThreshold;

  Verdict(SecretRedactor redactor, Duration degradedThreshold) {
    this.redactor = redactor;
    this.degradedThreshold = degradedThreshold;
  }

  /** The facts of one check, gathered by the caller. */
  record Facts(
      Monitor monitor,
      String model,
      Instant checkedAt,
      long latencyMs,
      Long firstTokenMs,
      Long pingMs) {}

  CheckResult of(Facts facts, Outcome outcome, Challenge.Question question) {
    if (!outcome.isAnswer()) {
      return result(facts, CheckStatus.ERROR, outcome.kind(), failureMessage(outcome));
    }
    String text = outcome.text().trim();
    boolean replace = facts.monitor().bodyOverrideMode() == BodyOverrideMode.REPLACE;
    if (text.isEmpty()) {
      String message =
          replace ? "replace-mode: upstream returned 2xx with empty text" : "empty answer";
      return result(facts, CheckStatus.FAILED, FailureKind.EMPTY_ANSWER, message);
    }
    if (!replace && !question.accepts(text)) {
      String message =
          "challenge mismatch (expected \""
              + question.expected()
              + "\", got \""
              + quote(text)
              + "\")";
      return result(facts, CheckStatus.FAILED, FailureKind.CHALLENGE_MISMATCH, message);
    }
    if (facts.latencyMs() >= degradedThreshold.toMillis()) {
      return result(
          facts,
          CheckStatus.DEGRADED,
          FailureKind.NONE,
          "slow response: " + facts.latencyMs() + "ms");
    }
    return result(facts, CheckStatus.OPERATIONAL, FailureKind.NONE, "");
  }

  CheckResult of(Facts facts, FailureKind kind, String message) {
    return result(facts, CheckStatus.ERROR, kind, message);
  }

  private static String failureMessage(Outcome outcome) {
    int status = outcome.status();
    if (outcome.kind() == FailureKind.REDIRECT) {
      return "redirect not followed: upstream HTTP " + status;
    }
    if (status >= 200 && status < 300) {
      return outcome.message();
    }
    String retry =
        outcome.retryAfter() == null ? "" : " (Retry-After: " + outcome.retryAfter() + ")";
    return "upstream HTTP " + status + retry + ": " + outcome.message();
  }

  private static String quote(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= MAX_QUOTED_REPLY ? flat : flat.substring(0, MAX_QUOTED_REPLY) + "...";
  }

  private CheckResult result(Facts facts, CheckStatus status, FailureKind kind, String message) {
    String safe = redactor.redact(message, facts.monitor().apiKey());
    return new CheckResult(
        facts.model(),
        status,
        kind,
        facts.latencyMs(),
        facts.firstTokenMs(),
        facts.pingMs(),
        safe,
        facts.checkedAt());
  }
}
