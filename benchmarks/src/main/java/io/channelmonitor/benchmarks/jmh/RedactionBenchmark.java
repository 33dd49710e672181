package io.channelmonitor.benchmarks.jmh;

import io.channelmonitor.secret.ApiKey;
import io.channelmonitor.secret.SecretRedactor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Redaction of one 300-character message (the length of an error body snippet) with the monitor's
 * own key as the known secret: a message that holds no secret (the common case) and one that holds
 * the key, a Bearer token and a key-carrying query parameter; and of the empty message every
 * operational result carries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RedactionBenchmark {
  static final int LENGTH = 300;

  private static final String KEY = "sk-proj-4fJ2kQ9xLmN7pR3sT8vW1yZ5aB6cD0eF";

  private static final String CLEAN =
      "HTTP 503: {\"error\":{\"message\":\"The server is overloaded or not ready yet. Please retry"
          + " your request after a brief wait; if the problem persists, contact support and"
          + " include the request id req_8a7f0c2e91 in your message.\",\"type\":\"server_error\","
          + "\"param\":null,\"code\":\"service_unavailable\"}} upstream=relay-eu-2 attempt=1 ";

  private static final String WITH_SECRETS =
      "HTTP 401: {\"error\":{\"message\":\"Incorrect API key provided: "
          + KEY
          + ". You can find your API key at the dashboard.\",\"type\":\"invalid_request_error\"}}"
          + " request headers: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0."
          + "dGhpc2lzYXNpZ25hdHVyZQ retry=https://relay.example.com/v1?key=AIzaSyD-9tSrke72I6e ";

  /**
   * {@code clean}: no secret in the message; {@code secrets}: three to redact; {@code empty}: the
   * empty message of an operational result, which is redacted too.
   */
  @Param({"clean", "secrets", "empty"})
  public String message;

  private final SecretRedactor redactor = SecretRedactor.standard();
  private final ApiKey key = ApiKey.of(KEY);
  private String text;

  @Setup
  public void setUp() {
    String base = message.equals("clean") ? CLEAN : WITH_SECRETS;
    text = message.equals("empty") ? "" : fit(base);
    String redacted = redactor.redact(text, key);
    if (message.equals("secrets") && redacted.contains(KEY.substring(8))) {
      throw new IllegalStateException("the key was not redacted: " + redacted);
    }
  }

  @Benchmark
  public String redact() {
    return redactor.redact(text, key);
  }

  /** {@code base} cut or padded with its own text to exactly {@value #LENGTH} characters. */
  static String fit(String base) {
    StringBuilder out = new StringBuilder(base);
    while (out.length() < LENGTH) {
      out.append(base, 0, Math.min(base.length(), LENGTH - out.length()));
    }
    return out.substring(0, LENGTH);
  }
}
